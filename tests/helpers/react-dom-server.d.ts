/** react-dom ships no types (no @types/react-dom here): the one function the preview tests use. */
declare module 'react-dom/server' {
  export function renderToStaticMarkup(element: unknown): string;
}

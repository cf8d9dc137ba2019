/** decap-cms-locales ships no types: each locale is a tree of phrases. */
declare module 'decap-cms-locales' {
  import type { CmsLocalePhrases } from 'decap-cms-core';
  export const ru: CmsLocalePhrases;
}

/** The published name of the editor's script (src/integrations/admin-bundle.ts). */
declare module 'virtual:admin-bundle' {
  export const scriptName: string;
}

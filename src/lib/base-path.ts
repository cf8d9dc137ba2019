/** Normalises BASE_PATH («nastavnichestvo», «/nastavnichestvo/») to «/nastavnichestvo/» or «/». */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

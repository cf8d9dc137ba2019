/**
 * Russian typography by Typograf: non-breaking spaces after short words and
 * before dashes, «ёлочки», real dashes. One configured instance for the whole build.
 */
import Typograf from 'typograf';

const typograf = new Typograf({ locale: ['ru', 'en-US'], htmlEntity: { type: 'default' } });
// Content is typed by editors; Typograf must not turn «(c)» into © in a school's text.
typograf.disableRule(['common/symbols/cf', 'common/punctuation/*Exclamation*']);
// Official documents leave blanks such as «от ..2020 №» to fill in by hand: keep them as written.
typograf.disableRule('common/punctuation/delDoublePunctuation');

const cache = new Map<string, string>();

/** Where a build puts the memo of the last build's results (src/integrations/typography-memo.ts). */
export const TYPOGRAPHY_MEMO = Symbol.for('nastavnichestvo.typography-memo');
type Memo = { of(text: string, compute: () => string): string };

export function typo(text: string | undefined | null): string {
  if (!text) return '';
  let result = cache.get(text);
  if (result === undefined) {
    const memo = (globalThis as Record<symbol, Memo | undefined>)[TYPOGRAPHY_MEMO];
    result = memo ? memo.of(text, () => typograf.execute(text)) : typograf.execute(text);
    cache.set(text, result);
  }
  return result;
}

/** A phone number that never wraps: spaces and hyphens become their non-breaking forms. */
export const unbreakablePhone = (phone: string) => phone.replace(/ /g, '\u00A0').replace(/-/g, '\u2011');

/**
 * The editor's Russian (issue 17, finding 8). Three layers, each where Decap lets it be done:
 *
 * 1. Phrases: Decap's own Russian (decap-cms-locales `ru`) completed and corrected
 *    (phrases-ru.ts), given to Decap through its locale registration.
 * 2. Phrases a widget builds from the field rather than the locale (list headings «{count}
 *    {label}», the date button named by the field's key): widget-words.ts; the drop-down lists'
 *    own words (react-select): select-words.ts.
 * 3. Text Decap or its libraries hard-code in English, or that depends on state the locale does
 *    not see: dom-words.ts.
 */
import type CMS from 'decap-cms-app';
import type { CmsLocalePhrases } from 'decap-cms-core';
import { translateHardCoded } from './dom-words.ts';
import { russianPhrases } from './phrases-ru.ts';
import { registerSelectWords } from './select-words.ts';
import { registerWidgetWords } from './widget-words.ts';

/**
 * Registers the corrected Russian over whatever «ru» holds now (decap-cms-locales' registered by
 * cms.ts just before): a later registration that wants to add phrases should merge the same way,
 * over `cms.getLocale('ru')`, or it would drop these.
 */
export function registerRussian(cms: typeof CMS): void {
  const phrases = russianPhrases(cms.getLocale('ru') ?? ({} as CmsLocalePhrases));
  cms.registerLocale('ru', phrases as unknown as CmsLocalePhrases);
  registerWidgetWords(cms);
  registerSelectWords();
  translateHardCoded(phrases);
}

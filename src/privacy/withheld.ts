/**
 * What of people must never appear on the site (152-ФЗ ст. 10.1, DOMAIN.md), as matchers:
 * a minor's surname and patronymic (unless the parents allowed the surname), every consent's
 * document number and date, the names, ids and photos of people whose consent ended or was
 * withdrawn. One list serves the content check (a detail written into another field) and the
 * scan of the finished dist/ (a detail that reached any output by any way).
 */
import { basename, extname, resolve } from 'node:path';
import { consentEnded, isMinor } from '../schemas/mentors.ts';

export interface PersonEntry {
  collection: string;
  id: string;
  /** Project-relative path of the content file. */
  file: string;
  data: Record<string, unknown>;
}

export interface WithheldDetail {
  /** What it is, in an editor's words: «фамилия несовершеннолетнего». */
  what: string;
  /** As written in the content, for the message. */
  value: string;
  /** What the editor should do about a hit. */
  advice: string;
  /** The ways it may be written, on text prepared by `searchable` (its case forms, initials…). */
  patterns: RegExp[];
  /** Its Latin spellings («sekretoff», «Secretov»): searched in everything but the site's own scripts, whose English words they would match («below» for «Белов»). */
  latin?: RegExp;
  /**
   * A cheap pattern (no lookarounds, case-insensitive, on raw text) that every match contains: a
   * scan of thousands of files runs one union of these and the full patterns only where it hits.
   */
  prefilter: string;
  /** The same for the Latin spellings. */
  latinPrefilter?: string;
  /** Where the detail is kept: the person's file and the field. */
  source: { file: string; field: string };
  personId: string;
  /**
   * A date or a patronymic alone identifies nobody: it is a leak only where it would be the
   * person's (their own page, share image and JSON record; their own record in the content).
   */
  scoped: boolean;
}

export interface WithheldPhoto {
  /** Absolute path of the uploaded file. */
  path: string;
  /** Its name without extension: what Astro builds the published names from. */
  stem: string;
  source: { file: string; field: string };
  why: string;
}

export interface Withheld {
  details: WithheldDetail[];
  photos: WithheldPhoto[];
  /** Ids of every person in the content, to tell which outputs mention whom. */
  personIds: string[];
}

const LETTER = '\\p{L}';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Latin letters that look like Cyrillic ones, and back: «Сeкретов» with a Latin «e» is still the name. */
const LATIN_TO_CYRILLIC: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У' };
const CYRILLIC_TO_LATIN = Object.fromEntries(Object.entries(LATIN_TO_CYRILLIC).map(([l, c]) => [c, l]));
const CYRILLIC = /[\u0400-\u04ff]/g;
const LATIN = /[A-Za-z]/g;

/**
 * The form every name and every text is compared in: compatibility forms folded (full-width
 * letters), accents and other combining marks dropped (so «ё» is «е» and «й» is «и»), invisible
 * format characters (zero-width joiners, soft hyphens, BOM) dropped, look-alike letters of the
 * other alphabet turned to the word's own, and words glued in camel case («СекретовАртём») parted.
 */
export function fold(text: string): string {
  return text
    // Full-width forms by hand: NFKD would also turn «№» into «No».
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .normalize('NFD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    // Only words that mix the two alphabets: a callback for every word of a 6 MB script costs seconds.
    .replace(/\p{L}*(?:[a-z][\u0400-\u04ff]|[\u0400-\u04ff][a-z])\p{L}*/giu, (word) => {
      const cyrillic = word.match(CYRILLIC)?.length ?? 0;
      const latin = word.match(LATIN)?.length ?? 0;
      if (!cyrillic || !latin) return word;
      const table = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
      return [...word].map((c) => table[c] ?? c).join('');
    })
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
}

/** Raw text that `fold` would change in a way the quick first pass cannot see: such text takes the full search. */
export const NEEDS_FOLDING = /[\p{M}\p{Cf}\uff00-\uffef]|[а-яё][a-z]|[a-z][а-яё]|%d[01]%|&#(?:1[0-2]\d\d|x4[0-9a-f]{2});|\\u04/iu;

/** Spaces of any kind between words; «№» may stand with or without one. */
const spaced = (s: string) => escape(fold(s.trim())).replace(/№\s*/g, '№').replace(/\s+/g, '\\s+').replace(/№/g, '№\\s*');

/** A word without its final vowels: «Сидорова» → «Сидоров», «Мария» → «Мар». */
const stemOf = (word: string) => fold(word.trim()).toLowerCase().replace(/[аеиоуыэюяь]+$/u, '');

/**
 * A Russian name in any case form: «Сидорова» also finds «Сидоровой», «Петровский» —
 * «Петровского». The stem is the name without its final vowels; up to three letters may follow.
 */
function nameSource(name: string): { source: string; caseSensitive: boolean } {
  const folded = fold(name.trim());
  const stem = stemOf(name);
  if (stem.length >= 4) return { source: `(?<!${LETTER})${escape(stem)}${LETTER}{0,3}(?!${LETTER})`, caseSensitive: false };
  // «Ли», «Ким»: as a lower-case word these are everyday Russian; only the capitalised name counts.
  return { source: `(?<!${LETTER})${escape(folded)}${LETTER}{0,2}(?!${LETTER})`, caseSensitive: true };
}
const namePattern = (name: string) => {
  const { source, caseSensitive } = nameSource(name);
  return new RegExp(source, caseSensitive ? 'gu' : 'giu');
};
/** A first name or patronymic inside a longer pattern: its stem and any ending. */
const wordSource = (word: string) => `${escape(stemOf(word).length >= 3 ? stemOf(word) : fold(word.trim()).toLowerCase())}${LETTER}{0,3}`;

/** How each Cyrillic letter is written in Latin by the usual systems (GOST, ICAO, BGN, by ear). */
const TRANSLIT: Record<string, string[]> = {
  а: ['a'], б: ['b'], в: ['v', 'w', 'ff', 'f'], г: ['g', 'gh'], д: ['d'], е: ['e', 'ye', 'je'], ж: ['zh', 'j', 'g'], з: ['z', 's'], и: ['i', 'y', 'j'], к: ['k', 'c', 'ck', 'q'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s', 'ss', 'c'], т: ['t'], у: ['u', 'ou', 'oo'], ф: ['f', 'ph'], х: ['kh', 'h', 'x', 'ch'], ц: ['ts', 'tz', 'c', 'cz'], ч: ['ch', 'tch', 'tsch'], ш: ['sh', 'sch'], щ: ['shch', 'sch', 'sh', 'shh'], ъ: ['', 'ie'], ы: ['y', 'i'], ь: ['', "'"], э: ['e'], ю: ['iu', 'yu', 'ju', 'u'], я: ['ia', 'ya', 'ja', 'a'],
};
/** The Latin spellings of a word's stem, as one pattern source («секретов» → s(e|ye)(k|c|ck)…). */
export function latinSource(stem: string): string | undefined {
  if (stem.length < 4) return undefined;
  return [...stem].map((c) => (TRANSLIT[c] ? `(?:${TRANSLIT[c].map(escape).join('|')})` : /[a-z0-9]/.test(c) ? c : '')).join('');
}
/** A name's stem, the form its Latin spellings are made from. */
export const latinStem = (name: string) => stemOf(name);
/** The stem of a surname in Latin letters, in any of the usual spellings, as a word of its own. */
export function latinPattern(name: string): RegExp | undefined {
  const source = latinSource(stemOf(name));
  return source ? new RegExp(`(?<![a-z])${source}[a-z]{0,4}(?![a-z])`, 'gi') : undefined;
}

const monthName = new Intl.DateTimeFormat('ru-RU', { month: 'long', day: 'numeric', timeZone: 'UTC' });
/** A date as people write it: 2025-09-02, 02.09.2025, 2.9.25, 02/09/2025, «2 сентября 2025». */
function datePattern(date: Date): RegExp {
  const iso = date.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  const day = `0?${Number(d)}`;
  const month = `0?${Number(m)}`;
  const genitive = fold(monthName.format(date).replace(/^\d+\s*/, ''));
  const forms = [iso, `${day}[./-]${month}[./-](?:${y}|${y.slice(2)})`, `${day}\\s+${escape(genitive)}\\s+${y}`];
  return new RegExp(`(?<![\\p{N}])(?:${forms.join('|')})(?![\\p{N}])`, 'giu');
}

/** «е» and «и» in a quick pattern also find «ё» and «й»: it runs on the text before folding. */
const literal = (text: string) => escape(text).replace(/е/g, '[её]').replace(/и/g, '[ий]');
const SPACE = '(?:\\s|&nbsp;|&#160;)';

const idPattern = (id: string) => new RegExp(`(?<![a-z0-9-])${escape(id)}(?![a-z0-9-])`, 'g');

interface MentorData {
  name: { last: string; first: string; middle?: string };
  minor?: boolean;
  category?: string;
  photo?: unknown;
  consent: { date: Date; document: string; givenBy?: string; showSurname?: boolean; showPhoto?: boolean; until?: Date; withdrawn?: Date };
}

/**
 * The withheld details of every person in the content, as of `today`. `contentDir` resolves
 * photo paths (they are relative to the mentors' folder).
 */
export function withheldOf(entries: PersonEntry[], mentorsDir: string, today: Date): Withheld {
  const details: WithheldDetail[] = [];
  const photos: WithheldPhoto[] = [];
  const people = entries.filter((e) => e.collection === 'mentors');
  for (const entry of people) {
    const data = entry.data as unknown as MentorData;
    const { name, consent } = data;
    const at = (field: string) => ({ file: entry.file, field });
    const add = (detail: Omit<WithheldDetail, 'source' | 'personId' | 'scoped'> & { field: string; scoped?: boolean }) => {
      const { field, scoped = false, ...rest } = detail;
      details.push({ ...rest, patterns: rest.patterns.filter(Boolean), source: at(field), personId: entry.id, scoped });
    };
    const photo = typeof data.photo === 'string' ? resolve(mentorsDir, data.photo) : undefined;
    const addPhoto = (why: string) => photo && photos.push({ path: photo, stem: basename(photo, extname(photo)), source: at('photo'), why });
    const last = nameSource(name.last).source;
    const lastStem = stemOf(name.last);
    const lastLatin = latinPattern(name.last);
    const lastPrefilter = literal(lastStem.length >= 4 ? lastStem : fold(name.last).toLowerCase());
    const first = wordSource(name.first);
    const middle = name.middle ? wordSource(name.middle) : undefined;

    const ended = consentEnded(consent, today);
    if (ended) {
      // Off the site altogether: the name however written (with the first name or initials, in any
      // case, either order), the id (every address is made of it), the photo.
      const why = ended === 'withdrawn' ? 'согласие отозвано' : 'срок согласия истёк';
      const advice = 'без действующего согласия человека нельзя упоминать на сайте: уберите упоминание';
      // Initials: «Петрова М. И.», «М.И. Петрова».
      const F = escape(fold(name.first.trim()).charAt(0));
      const M = name.middle ? escape(fold(name.middle.trim()).charAt(0)) : '(?!)';
      const either = (x: string) => `(?:\\s+${x})?`;
      const forms = [
        `(?<!${LETTER})${first}${either(middle ?? '(?!)')}\\s+${last}`,
        `${last}\\s+${first}${either(middle ?? '(?!)')}(?!${LETTER})`,
        `${last}\\s+${F}\\.(?:\\s*${M}\\.)?`,
        `(?<!${LETTER})${F}\\.\\s*(?:${M}\\.\\s*)?${last}`,
        ...(middle ? [`(?<!${LETTER})${first}\\s+${middle}(?!${LETTER})`] : []),
      ];
      add({
        what: `имя человека, которого нельзя публиковать (${why})`,
        value: [name.first, name.middle, name.last].filter(Boolean).join(' '),
        field: 'name',
        advice,
        patterns: [new RegExp(forms.join('|'), 'giu')],
        prefilter: [lastPrefilter, middle && literal(stemOf(name.middle!))].filter(Boolean).join('|'),
      });
      add({ what: `идентификатор человека, которого нельзя публиковать (${why})`, value: entry.id, field: 'id', advice, patterns: [idPattern(entry.id)], prefilter: escape(entry.id) });
      addPhoto(`фотография человека, которого нельзя публиковать (${why})`);
    } else if (isMinor(data)) {
      if (consent.showSurname !== true) {
        add({
          what: 'фамилия несовершеннолетнего',
          value: name.last,
          field: 'name.last',
          advice: 'родители не разрешили её публиковать (consent.showSurname): уберите её отсюда',
          patterns: [namePattern(name.last)],
          latin: lastLatin,
          prefilter: lastPrefilter,
          latinPrefilter: lastLatin && latinSource(lastStem),
        });
        if (name.middle) {
          const advice = 'без фамилии отчество тоже не публикуется: уберите его отсюда';
          // With the first name it names the child anywhere; alone, only where the child is named.
          add({ what: 'имя и отчество несовершеннолетнего', value: `${name.first} ${name.middle}`, field: 'name.middle', advice, patterns: [new RegExp(`(?<!${LETTER})${first}\\s+${middle}(?!${LETTER})`, 'giu')], prefilter: literal(stemOf(name.middle)) });
          add({ what: 'отчество несовершеннолетнего', value: name.middle, field: 'name.middle', advice, patterns: [namePattern(name.middle)], prefilter: literal(stemOf(name.middle)), scoped: true });
        }
      }
      if (consent.showPhoto !== true) addPhoto('фотография несовершеннолетнего без разрешения родителей');
    }
    // The consent record itself is never published, for anyone: the document as written, its number
    // after «согласие … №», a number distinctive enough on its own, and (where the person is named) the date.
    const advice = 'сведения о согласии на сайт не выводятся: уберите их отсюда';
    const document = consent.document.trim();
    const number = /№\s*([^\s,;«»"]+)/.exec(document)?.[1]?.replace(/[.)]$/, '');
    const distinctive = number && number.length >= 4 && /[\p{L}/-]/u.test(number);
    const docSource = `(?<![\\p{L}\\p{N}])${spaced(document)}(?![\\p{L}\\p{N}])`;
    const patterns = [new RegExp(docSource, 'giu')];
    if (number) patterns.push(new RegExp(`согласи${LETTER}*(?:\\s+${LETTER}+){0,3}\\s*№\\s*${escape(fold(number))}(?![\\p{L}\\p{N}])`, 'giu'));
    if (distinctive) patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])${escape(fold(number))}(?![\\p{L}\\p{N}])`, 'giu'));
    const docPrefilter = literal(fold(document).toLowerCase().replace(/№\s*/g, '№')).replace(/\s+/g, `${SPACE}+`).replace(/№/g, `№${SPACE}*`);
    add({
      what: 'номер документа о согласии',
      value: document,
      field: 'consent.document',
      advice,
      patterns,
      prefilter: number ? `${docPrefilter}|№${SPACE}*${literal(fold(number).toLowerCase())}${distinctive ? `|${literal(fold(number).toLowerCase())}` : ''}` : docPrefilter,
      scoped: !number && !(document.length >= 8 && /\d/.test(document)),
    });
    add({ what: 'дата согласия', value: consent.date.toISOString().slice(0, 10), field: 'consent.date', advice, patterns: [datePattern(consent.date)], prefilter: '', scoped: true });
  }
  return { details, photos, personIds: people.map((p) => p.id) };
}

/**
 * Text as the matchers expect it: entities and percent-escapes decoded, «ё» folded,
 * every kind of space a space, soft hyphens and iCalendar line folds gone.
 */
export function searchable(text: string): string {
  let out = text
    .replace(/\r?\n[ \t]/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, n) => String.fromCharCode(parseInt(n, 16)));
  if (/%[0-9a-f]{2}/i.test(out)) out += `\n${out.replace(/(?:%[0-9a-f]{2})+/gi, (seq) => { try { return decodeURIComponent(seq); } catch { return seq; } })}`;
  return fold(out).replace(/[\u00a0\u2000-\u200a\u202f\u205f]/g, ' ');
}

export interface Hit {
  detail: WithheldDetail;
  /** What was found, as it stands in the text. */
  found: string;
}

/** Every withheld detail present in `text` (already `searchable`), scoped ones only for `mentioned` people. */
export function findWithheld(text: string, details: WithheldDetail[], mentioned: Set<string>, { latin = true } = {}): Hit[] {
  const hits: Hit[] = [];
  for (const detail of details) {
    if (detail.scoped && !mentioned.has(detail.personId)) continue;
    for (const pattern of latin && detail.latin ? [...detail.patterns, detail.latin] : detail.patterns) {
      pattern.lastIndex = 0;
      const match = pattern.exec(text);
      if (match) {
        hits.push({ detail, found: match[0] });
        break;
      }
    }
  }
  return hits;
}

/** A file name or address: a scoped detail names nobody there. */
export const findInName = (path: string, details: WithheldDetail[]): Hit[] => findWithheld(searchable(path.toLowerCase()), details, new Set());

export const describeSource = (s: { file: string; field: string }) => `${s.file} → поле «${s.field}»`;

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
  /** The ways it may be written, on folded text (its case forms, initials…). */
  patterns: RegExp[];
  /**
   * Words one of which every match contains, folded and lower-case: `prefixes` begin a word of the
   * text, `words` are a whole word. A text is tried against a detail only when it has one, so the
   * work grows with the words of the site, not with words × people.
   */
  keys: { prefixes: string[]; words: string[] };
  /** A consent's number: tried where a text says «согласие … № <number>». */
  consentNumber?: string;
  /** The surname's stem as `latinKey` makes it: Latin words («Secretov», «sekretoff») whose key begins so. */
  latinKey?: string;
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
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};
const CYRILLIC_TO_LATIN = Object.fromEntries(Object.entries(LATIN_TO_CYRILLIC).map(([l, c]) => [c, l]));
const CYRILLIC = /[\u0400-\u04ff]/g;
const LATIN = /[A-Za-z]/g;

/**
 * The form every name and every text is compared in: compatibility forms folded (full-width
 * letters), accents and other combining marks dropped (so «ё» is «е» and «й» is «и»), invisible
 * format characters (zero-width joiners, soft hyphens, BOM) dropped, look-alike letters of the
 * other alphabet turned to the word's own, and words glued in camel case («СекретовАртём») parted.
 */
const PLAIN_FOLD: Record<string, string> = { ё: 'е', Ё: 'Е', й: 'и', Й: 'И' };
/** Anything NFD would change besides «ё» and «й», and invisible format characters: rare, so checked before the costly pass. */
// eslint-disable-next-line no-misleading-character-class -- combining marks listed on purpose: their presence is what is tested
const NEEDS_NFD = /[\u00c0-\u024f\u0300-\u036f\u0400-\u040f\u0450-\u04ff\u1e00-\u1eff\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/;

export function fold(text: string, { code = false } = {}): string {
  let out = text
    // Full-width forms by hand: NFKD would also turn «№» into «No».
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[ёЁйЙ]/g, (c) => PLAIN_FOLD[c]);
  if (NEEDS_NFD.test(out)) out = out.normalize('NFD').replace(/[\p{M}\p{Cf}]/gu, '');
  // Code (the site's scripts) is searched as written: its identifiers mix alphabets and cases on purpose.
  if (code) return out;
  // Only words that mix the two alphabets, and only when there are any: a callback per word costs.
  if (/[a-z][\u0400-\u04ff]|[\u0400-\u04ff][a-z]/i.test(out))
    out = out.replace(/\p{L}+/gu, (word) => {
      const cyrillic = word.match(CYRILLIC)?.length ?? 0;
      const latin = word.match(LATIN)?.length ?? 0;
      if (!cyrillic || !latin) return word;
      const table = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
      return [...word].map((c) => table[c] ?? c).join('');
    });
  // «СекретовАртём»: Russian words glued in camel case are parted (Latin ones are parted where they are read).
  return out.replace(/([а-я])([А-Я])/g, '$1 $2');
}

/** Spaces of any kind between words; «№» may stand with or without one. */
const spaced = (s: string) => escape(fold(s.trim())).replace(/№\s*/g, '№').replace(/\s+/g, '\\s+').replace(/№/g, '№\\s*');

/** Folded and lower-case, «ё» as «е» and «й» as «и»: the form keys and the words of a text are compared in. */
const lower = (s: string) => fold(s.trim()).toLowerCase();
/** A word without its final vowels: «Сидорова» → «сидоров», «Мария» → «мар». */
const stemOf = (word: string) => lower(word).replace(/[аеиоуыэюяь]+$/u, '');

/**
 * The endings a Russian name takes in its cases (surnames in -ов/-ин/-ский, first names in -ия,
 * soft -ь), and nothing else: «Петров» must find «Петровой», never the patronymic «Петровна».
 */
const ENDINGS = [
  'ыми',
  'ими',
  'ого',
  'его',
  'ому',
  'ему',
  'ией',
  'ьей',
  'ой',
  'ей',
  'ою',
  'ею',
  'ом',
  'ем',
  'ым',
  'им',
  'ых',
  'их',
  'ая',
  'яя',
  'ую',
  'юю',
  'ее',
  'ое',
  'ий',
  'ый',
  'ия',
  'ию',
  'ии',
  'ья',
  'ью',
  'ьи',
  'а',
  'я',
  'у',
  'ю',
  'ы',
  'и',
  'е',
  'о',
  'ь',
  '',
];
/** Case-insensitive by letter, so that one pattern can hold a case-sensitive part too. */
const anyCase = (text: string) => [...text].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escape(c))).join('');
// Folded like the texts they are matched in («ой» → «ои»), longest first.
const ending = `(?:${[...new Set(ENDINGS.map((e) => lower(e)))]
  .sort((a, b) => b.length - a.length)
  .map(anyCase)
  .join('|')})(?!${LETTER})`;

/**
 * A name in any of its case forms: the stem («сидоров») and a case ending. A short name («Ли»,
 * «Ким», «Цой») is everyday Russian in lower case, so only its capitalised or upper-case form counts.
 */
function nameSource(name: string): string {
  const stem = stemOf(name);
  if (stem.length >= 4) return `(?<!${LETTER})${anyCase(stem)}${ending}`;
  const whole = lower(name);
  const base = stem.length >= 2 ? stem : whole;
  const capital = base.charAt(0).toUpperCase() + escape(base.slice(1));
  return `(?<!${LETTER})(?:${capital}|${escape(base.toUpperCase())})${stem.length >= 2 ? ending : `(?!${LETTER})`}`;
}
const namePattern = (name: string) => new RegExp(nameSource(name), 'gu');
/** What a text must hold for a name's pattern to be tried: the stem at a word's start. */
const nameKey = (name: string) => (stemOf(name).length >= 2 ? stemOf(name) : lower(name));

/**
 * A coarse key for the Latin spellings of a Russian name: the systems differ in digraphs («kh»/«h»,
 * «yo»/«e», «ts»/«c»/«tz», «ks»/«x», «v»/«w»/«ff»), so both the name and a Latin word are
 * reduced to one letter per sound before they are compared («Secretov», «sekretoff» → «sekretov»).
 */
export function latinKey(latin: string): string {
  return latin
    .toLowerCase()
    .replace(/shch|sch|sh/g, 'S')
    .replace(/tch|ch/g, 'C')
    .replace(/zh/g, 'Z')
    .replace(/kh/g, 'H')
    .replace(/ph/g, 'F')
    .replace(/ts|tz|cz/g, 'T')
    .replace(/ck/g, 'K')
    .replace(/ks|x/g, 'X')
    .replace(/yo|jo|io|ye|je/g, 'E')
    .replace(/yu|ju|iu/g, 'U')
    .replace(/ya|ja|ia/g, 'A')
    .replace(/ff|w|v/g, 'V')
    .replace(/[yji]/g, 'I')
    .replace(/[cqk]/g, 'K')
    .replace(/e/g, 'E')
    .replace(/h/g, 'H')
    .replace(/f/g, 'F')
    .replace(/z/g, 'Z')
    .replace(/([a-zA-Z])\1+/g, '$1');
}
const ICAO: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};
/** The latinKey of a Russian name's stem (4 letters at least: shorter ones are parts of too many words). */
export function nameLatinKey(name: string): string | undefined {
  const stem = stemOf(name);
  return stem.length >= 4 ? latinKey([...stem].map((c) => ICAO[c] ?? c).join('')) : undefined;
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

const idPattern = (id: string) => new RegExp(`(?<![a-z0-9-])${escape(id)}(?![a-z0-9-])`, 'gi');
const longest = (words: string[]) => [...words].sort((a, b) => b.length - a.length)[0] ?? '';

interface MentorData {
  name: { last: string; first: string; middle?: string };
  minor?: boolean;
  category?: string;
  photo?: unknown;
  consent: { date: Date; document: string; givenBy?: string; showSurname?: boolean; showPhoto?: boolean; until?: Date; withdrawn?: Date };
}

/**
 * The withheld details of every person in the content, as of `today`. `mentorsDir` resolves
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
    const add = (
      detail: Omit<WithheldDetail, 'source' | 'personId' | 'scoped' | 'keys'> & { field: string; scoped?: boolean; prefixes?: string[]; words?: string[] },
    ) => {
      const { field, scoped = false, prefixes = [], words = [], ...rest } = detail;
      details.push({ ...rest, keys: { prefixes: prefixes.filter(Boolean), words: words.filter(Boolean) }, source: at(field), personId: entry.id, scoped });
    };
    const photo = typeof data.photo === 'string' ? resolve(mentorsDir, data.photo) : undefined;
    const addPhoto = (why: string) => photo && photos.push({ path: photo, stem: basename(photo, extname(photo)), source: at('photo'), why });
    // A first name or patronymic inside a longer pattern: its stem and a case ending.
    const word = (w: string) => `${anyCase(stemOf(w).length >= 2 ? stemOf(w) : lower(w))}${ending}`;
    const last = nameSource(name.last);
    const first = word(name.first);
    const middle = name.middle ? word(name.middle) : undefined;

    // A minor stays a minor when the consent ends: what was withheld stays withheld.
    if (isMinor(data) && consent.showSurname !== true) {
      add({
        what: 'фамилия несовершеннолетнего',
        value: name.last,
        field: 'name.last',
        advice: 'родители не разрешили её публиковать (consent.showSurname): уберите её отсюда',
        patterns: [namePattern(name.last)],
        prefixes: [nameKey(name.last)],
        latinKey: nameLatinKey(name.last),
      });
      if (name.middle) {
        const advice = 'без фамилии отчество тоже не публикуется: уберите его отсюда';
        // With the first name it names the child anywhere; alone, only where the child is named.
        add({
          what: 'имя и отчество несовершеннолетнего',
          value: `${name.first} ${name.middle}`,
          field: 'name.middle',
          advice,
          patterns: [new RegExp(`(?<!${LETTER})${first}\\s+${middle}`, 'gu')],
          prefixes: [nameKey(name.middle)],
        });
        add({ what: 'отчество несовершеннолетнего', value: name.middle, field: 'name.middle', advice, patterns: [namePattern(name.middle)], scoped: true });
      }
    }
    if (isMinor(data) && consent.showPhoto !== true) addPhoto('фотография несовершеннолетнего без разрешения родителей');

    const ended = consentEnded(consent, today);
    if (ended) {
      // Off the site altogether: the name however written (with the first name or initials, in any
      // case, either order), the id (every address is made of it), the photo.
      const why = ended === 'withdrawn' ? 'согласие отозвано' : 'срок согласия истёк';
      const advice = 'без действующего согласия человека нельзя упоминать на сайте: уберите упоминание';
      // Initials: «Петрова М. И.», «М.И. Петрова».
      const F = escape(fold(name.first.trim()).charAt(0).toUpperCase());
      const M = name.middle ? escape(fold(name.middle.trim()).charAt(0).toUpperCase()) : '(?!)';
      const optionalMiddle = middle ? `(?:\\s+${middle})?` : '';
      const forms = [
        `(?<!${LETTER})${first}${optionalMiddle}\\s+${last}`,
        `${last}\\s+${first}${optionalMiddle}`,
        `${last}\\s+${F}\\.(?:\\s*${M}\\.)?`,
        `(?<!${LETTER})${F}\\.\\s*(?:${M}\\.\\s*)?${last}`,
        ...(middle ? [`(?<!${LETTER})${first}\\s+${middle}`] : []),
      ];
      add({
        what: `имя человека, которого нельзя публиковать (${why})`,
        value: [name.first, name.middle, name.last].filter(Boolean).join(' '),
        field: 'name',
        advice,
        patterns: [new RegExp(forms.join('|'), 'gu')],
        prefixes: [nameKey(name.last), name.middle ? nameKey(name.middle) : ''],
      });
      add({
        what: `идентификатор человека, которого нельзя публиковать (${why})`,
        value: entry.id,
        field: 'id',
        advice,
        patterns: [idPattern(entry.id)],
        words: [longest(entry.id.split('-'))],
      });
      addPhoto(`фотография человека, которого нельзя публиковать (${why})`);
    }

    // The consent record itself is never published, for anyone: the document as written (when it is
    // more than a bare number), its number after «согласие … №», and (where the person is named) the date.
    const advice = 'сведения о согласии на сайт не выводятся: уберите их отсюда';
    const document = consent.document.trim();
    const number = /№\s*([^\s,;«»"]+)/.exec(document)?.[1]?.replace(/[.)]$/, '') ?? (/^\s*[\p{N}/-]+\s*$/u.test(document) ? document.trim() : undefined);
    const patterns: RegExp[] = [];
    const spelled = /\p{L}{3}/u.test(document.replace(/№/g, '')) && document.length >= 8;
    if (spelled) patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])${spaced(document)}(?![\\p{L}\\p{N}])`, 'giu'));
    if (number) patterns.push(new RegExp(`согласи${LETTER}*(?:\\s+${LETTER}+){0,3}\\s*(?:№\\s*)?${escape(fold(number))}(?![\\p{L}\\p{N}])`, 'giu'));
    add({
      what: 'номер документа о согласии',
      value: document,
      field: 'consent.document',
      advice,
      patterns,
      consentNumber: number ? lower(number) : undefined,
      // A document named otherwise («заявление № 5»): by its longest word.
      words: /соглас/i.test(document) ? [] : [longest(lower(document).match(/\p{L}{4,}/gu) ?? [])],
      scoped: !spelled && !number,
    });
    add({
      what: 'дата согласия',
      value: consent.date.toISOString().slice(0, 10),
      field: 'consent.date',
      advice,
      patterns: [datePattern(consent.date)],
      scoped: true,
    });
  }
  return { details, photos, personIds: people.map((p) => p.id) };
}

/**
 * Text as a reader gets it: entities, percent-escapes and \u-escapes decoded, iCalendar line
 * folds joined. Code points out of range are left as they were.
 */
export function decoded(text: string, { ics = false } = {}): string {
  const char = (code: number, whole: string) => (code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole);
  let out = (ics ? text.replace(/\r?\n[ \t]/g, '') : text)
    .replace(/&(?:nbsp|#160|#xa0);/gi, ' ')
    .replace(/&shy;/gi, '')
    .replace(/&#(\d+);/g, (whole, n) => char(Number(n), whole))
    .replace(/&#x([0-9a-f]+);/gi, (whole, n) => char(parseInt(n, 16), whole))
    .replace(/\\u([0-9a-f]{4})/gi, (_, n) => String.fromCharCode(parseInt(n, 16)));
  if (/%[0-9a-f]{2}/i.test(out))
    out = out.replace(/(?:%[0-9a-f]{2})+/gi, (seq) => {
      try {
        return decodeURIComponent(seq);
      } catch {
        return seq;
      }
    });
  return out;
}

/** Decoded and folded: the text the full patterns run on. */
export const searchable = (text: string, options?: { ics?: boolean }) => fold(decoded(text, options)).replace(/[\u00a0\u2000-\u200a\u202f\u205f]/g, ' ');

export interface Hit {
  detail: WithheldDetail;
  /** What was found, as it stands in the text. */
  found: string;
}

/** Characters that may stand inside a word on its way to `fold`: they are part of the word, not a gap. */
const WORD = /[a-zа-я0-9]+/g;
const CONSENT_MENTION = /соглас\p{L}*(?:\s+\p{L}+){0,3}\s*№?\s*([\p{L}\p{N}/-]*\p{N}[\p{L}\p{N}/-]*)/giu;
// eslint-disable-next-line no-misleading-character-class -- combining marks belong to the Latin word they accent
const LATIN_WORD = /[A-Za-z\u00c0-\u024f\u0300-\u036f]+/g;
/** In code only Russian words can be a person's detail: its Latin words and numbers are the program's. */
const CYRILLIC_WORD = /[а-я]+/g;

/**
 * All withheld details, indexed by the words they need: one pass over a text's words finds the
 * few details worth trying, and only their full patterns run.
 */
export class DetailIndex {
  private byPrefix = new Map<string, WithheldDetail[]>();
  private byWord = new Map<string, WithheldDetail[]>();
  private byLatin = new Map<string, WithheldDetail[]>();
  private byConsentNumber = new Map<string, WithheldDetail[]>();
  private prefixLengths: number[] = [];
  private latinLengths: number[] = [];
  private minLatin = Infinity;
  private minPrefix = Infinity;
  private scopedBy = new Map<string, WithheldDetail[]>();

  readonly details: WithheldDetail[];

  constructor(details: WithheldDetail[]) {
    this.details = details;
    const put = (map: Map<string, WithheldDetail[]>, key: string, detail: WithheldDetail) => {
      if (!map.has(key)) map.set(key, []);
      map.get(key)!.push(detail);
    };
    for (const detail of details) {
      if (detail.scoped) put(this.scopedBy, detail.personId, detail);
      else {
        for (const prefix of detail.keys.prefixes) put(this.byPrefix, prefix, detail);
        for (const word of detail.keys.words) put(this.byWord, word, detail);
      }
      if (detail.latinKey) put(this.byLatin, detail.latinKey, detail);
      if (detail.consentNumber && !detail.scoped) put(this.byConsentNumber, detail.consentNumber, detail);
    }
    this.prefixLengths = [...new Set([...this.byPrefix.keys()].map((k) => k.length))];
    this.minPrefix = Math.min(...this.prefixLengths);
    this.latinLengths = [...new Set([...this.byLatin.keys()].map((k) => k.length))];
    this.minLatin = Math.min(...this.latinLengths);
  }

  /**
   * Every withheld detail in `raw`. `owners`: people whose own output this is (their scoped details
   * count here). `latin: false` for the site's scripts, where Latin words are code.
   */
  find(raw: string, { owners = new Set<string>(), latin = true, ics = false }: { owners?: Set<string>; latin?: boolean; ics?: boolean } = {}): Hit[] {
    // Without Latin spellings the text is code (the site's scripts): folded lightly.
    const code = !latin;
    const text = decoded(raw, { ics }).replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    const candidates = new Set<WithheldDetail>();
    for (const owner of owners) for (const detail of this.scopedBy.get(owner) ?? []) candidates.add(detail);
    // Folded once: the words are looked up in it, the candidates' patterns run on it.
    const folded = fold(text, { code }).replace(/[\u00a0\u2000-\u200a\u202f\u205f]/g, ' ');
    if (this.byPrefix.size || this.byWord.size)
      for (const word of new Set(folded.toLowerCase().match(code ? CYRILLIC_WORD : WORD) ?? [])) {
        const byWord = this.byWord.get(word);
        if (byWord) for (const d of byWord) candidates.add(d);
        // Name stems are Russian: a Latin word or a number has none to begin.
        if (word.length < this.minPrefix || word.charCodeAt(0) < 0x0430) continue;
        for (const length of this.prefixLengths) if (word.length >= length) for (const d of this.byPrefix.get(word.slice(0, length)) ?? []) candidates.add(d);
      }
    // «согласие (родителей) № 27»: one pass finds the numbers a text gives to consents.
    if (this.byConsentNumber.size)
      for (const m of folded.matchAll(CONSENT_MENTION)) for (const d of this.byConsentNumber.get(m[1].toLowerCase()) ?? []) candidates.add(d);
    const hits: Hit[] = [];
    for (const detail of candidates) {
      for (const pattern of detail.patterns) {
        pattern.lastIndex = 0;
        const match = pattern.exec(folded);
        if (match) {
          hits.push({ detail, found: match[0] });
          break;
        }
      }
    }
    if (latin && this.byLatin.size) hits.push(...this.findLatin(text, hits));
    return hits;
  }

  /**
   * Latin spellings of a minor's surname. They count where a name is written, not where a word
   * happens to be spelt alike («below» for «Белов»): capitalised («Secretov»), or inside an
   * address, a file name or an e-mail («/files/sekretov-esse.docx», «artem.sekretoff@…»).
   */
  private findLatin(text: string, already: Hit[]): Hit[] {
    const hits: Hit[] = [];
    const seen = new Set(already.map((h) => h.detail));
    for (const m of text.matchAll(LATIN_WORD)) {
      const plain = /^[A-Za-z]+$/.test(m[0]) ? m[0] : m[0].normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (plain.length < this.minLatin) continue;
      // «SekretovArtem»: each part of a word glued in camel case on its own.
      let offset = 0;
      for (const token of plain.split(/(?<=[a-z])(?=[A-Z])/)) {
        const at = m.index! + offset;
        offset += token.length;
        if (token.length < this.minLatin) continue;
        const before = text[at - 1] ?? '';
        const after = text[at + token.length] ?? '';
        const named = /^[A-Z]/.test(token) || /[-_./@\d]/.test(before) || /[-_.@\d]/.test(after);
        if (!named) continue;
        const key = latinKey(token);
        for (const length of this.latinLengths) {
          if (key.length < length || key.length > length + 4) continue;
          for (const detail of this.byLatin.get(key.slice(0, length)) ?? []) {
            if (seen.has(detail)) continue;
            seen.add(detail);
            hits.push({ detail, found: token });
          }
        }
      }
    }
    return hits;
  }
}

/** Every withheld detail present in `text`, scoped ones only for `mentioned` people. */
export const findWithheld = (text: string, details: WithheldDetail[], mentioned: Set<string>, { latin = true } = {}): Hit[] =>
  new DetailIndex(details).find(text, { owners: mentioned, latin });

export const describeSource = (s: { file: string; field: string }) => `${s.file} → поле «${s.field}»`;

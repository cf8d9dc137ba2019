/**
 * What of people must never appear on the site (152-ФЗ ст. 10.1, DOMAIN.md), as matchers:
 * a minor's surname and patronymic (unless the parents allowed the surname), every consent's
 * document number and date, the names, ids and photos of people whose consent ended or was
 * withdrawn. One list serves the content check (a detail written into another field) and the
 * scan of the finished dist/ (a detail that reached any output by any way).
 */
import { basename, extname, resolve } from 'node:path';
import { slugify } from 'transliteration';
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
  /** Matches the detail in text prepared by `searchable`. */
  pattern: RegExp;
  /** Latin forms (transliterations), matched in addresses and file names. */
  latin?: RegExp;
  /**
   * A cheap pattern (no lookarounds, case-insensitive) that every match contains: a scan of
   * thousands of files runs one union of these and the full patterns only where it hits.
   */
  prefilter: string;
  /** Where the detail is kept: the person's file and the field. */
  source: { file: string; field: string };
  personId: string;
  /**
   * A date or a patronymic alone identifies nobody: it is a leak only where the person is
   * named too (an output that mentions their id, or their own record).
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
/** Case and «ё» do not matter; spaces may be any kind of space. */
const fold = (s: string) => s.replace(/[ёЁ]/g, (c) => (c === 'ё' ? 'е' : 'Е'));
const spaced = (s: string) => escape(fold(s.trim())).replace(/№\s*/g, '№').replace(/\s+/g, '\\s+').replace(/№/g, '№\\s*');

/**
 * A Russian surname in any case form: «Сидорова» also finds «Сидоровой», «Петровский» —
 * «Петровского». The stem is the name without its final vowels; up to three letters may follow.
 */
function surnameSource(name: string): { source: string; caseSensitive: boolean } {
  const folded = fold(name.trim());
  const stem = folded.replace(/[аеиоуыэюяйь]+$/iu, '');
  if (stem.length >= 4) return { source: `(?<!${LETTER})${escape(stem)}${LETTER}{0,3}(?!${LETTER})`, caseSensitive: false };
  // «Ли», «Ким»: as a lower-case word these are everyday Russian; only the capitalised name counts.
  return { source: `(?<!${LETTER})${escape(folded)}${LETTER}{0,2}(?!${LETTER})`, caseSensitive: true };
}
const surnamePattern = (name: string) => {
  const { source, caseSensitive } = surnameSource(name);
  return new RegExp(source, caseSensitive ? 'gu' : 'giu');
};

/** Passport (ICAO) transliteration, the other spelling a school may use besides the library's. */
const ICAO: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};
export function latinForms(word: string): string[] {
  const lower = word.trim().toLowerCase();
  const forms = new Set([slugify(lower, { separator: '' }), [...lower].map((c) => ICAO[c] ?? c).join('')]);
  return [...forms].map((f) => f.replace(/[^a-z]/g, '')).filter(Boolean);
}
/** Latin stems of a surname (`sidorov` for «Сидорова»), too short ones left out: they match anything. */
function latinPattern(name: string): RegExp | undefined {
  const stems = latinForms(fold(name).replace(/[аеиоуыэюяйь]+$/iu, '')).filter((s) => s.length >= 4);
  if (!stems.length) return undefined;
  return new RegExp(`(?<![a-z])(?:${stems.map(escape).join('|')})[a-z]{0,4}(?![a-z])`, 'gi');
}

const months = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
function datePattern(date: Date): RegExp {
  const iso = date.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  const forms = [iso, `${d}.${m}.${y}`, `${Number(d)}.${m}.${y}`, fold(months.format(date).replace(/\s*г\.$/, ''))];
  return new RegExp(`(?<![\\p{N}])(?:${forms.map(spaced).join('|')})(?![\\p{N}])`, 'giu');
}

const stemOf = (word: string) => fold(word.trim().toLowerCase()).replace(/[аеиоуыэюяйь]+$/u, '');
/** «е» in a pattern also finds «ё»: the text may keep it, the prefilter runs before folding. */
const literal = (text: string) => escape(text).replace(/е/g, '[её]');

function prefilterOf(field: string, value: string): string {
  if (field === 'name.last' || field === 'name.middle') {
    const stem = stemOf(value);
    const core = stem.length >= 4 ? stem : fold(value.trim().toLowerCase());
    return [literal(core), ...latinForms(stem).filter((f) => f.length >= 4)].join('|');
  }
  // A full name: the surname's stem is in every match.
  if (field === 'name') return literal(stemOf(value.split(/\s+/).pop()!));
  const space = '(?:\\s|&nbsp;|&#160;)';
  return literal(fold(value.trim().toLowerCase()).replace(/№\s*/g, '№'))
    .replace(/\s+/g, `${space}+`)
    .replace(/№/g, `№${space}*`);
}

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
    const add = (what: string, value: string, field: string, pattern: RegExp, scoped: boolean, advice: string, latin?: RegExp) =>
      details.push({ what, value, advice, pattern, latin, prefilter: prefilterOf(field, value), source: at(field), personId: entry.id, scoped });
    const photo = typeof data.photo === 'string' ? resolve(mentorsDir, data.photo) : undefined;
    const addPhoto = (why: string) => photo && photos.push({ path: photo, stem: basename(photo, extname(photo)), source: at('photo'), why });

    const ended = consentEnded(consent, today);
    if (ended) {
      // Off the site altogether: name in either order, the id (every address is made of it), the photo.
      const why = ended === 'withdrawn' ? 'согласие отозвано' : 'срок согласия истёк';
      const last = surnameSource(name.last).source;
      const first = spaced(name.first);
      const full = new RegExp(`${first}(?:\\s+${spaced(name.middle ?? '')})?\\s+${last}|${last}\\s+${first}`, 'giu');
      const advice = 'без действующего согласия человека нельзя упоминать на сайте: уберите упоминание';
      add(`имя человека, которого нельзя публиковать (${why})`, `${name.first} ${name.last}`, 'name', full, false, advice);
      add(`идентификатор человека, которого нельзя публиковать (${why})`, entry.id, 'id', idPattern(entry.id), false, advice, idPattern(entry.id));
      addPhoto(`фотография человека, которого нельзя публиковать (${why})`);
    } else if (isMinor(data)) {
      if (consent.showSurname !== true) {
        const advice = 'родители не разрешили её публиковать (consent.showSurname): уберите её отсюда';
        add('фамилия несовершеннолетнего', name.last, 'name.last', surnamePattern(name.last), false, advice, latinPattern(name.last));
        if (name.middle) add('отчество несовершеннолетнего', name.middle, 'name.middle', surnamePattern(name.middle), true, 'без фамилии отчество тоже не публикуется: уберите его отсюда');
      }
      if (consent.showPhoto !== true) addPhoto('фотография несовершеннолетнего без разрешения родителей');
    }
    // The consent record itself is never published, for anyone.
    const document = consent.document.trim();
    const distinctive = document.length >= 8 && /\d/.test(document);
    const advice = 'сведения о согласии на сайт не выводятся: уберите их отсюда';
    add('номер документа о согласии', document, 'consent.document', new RegExp(`(?<![\\p{L}\\p{N}])${spaced(document)}(?![\\p{L}\\p{N}])`, 'giu'), !distinctive, advice);
    add('дата согласия', consent.date.toISOString().slice(0, 10), 'consent.date', datePattern(consent.date), true, advice);
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
    .replace(/\\u([0-9a-f]{4})/gi, (_, n) => String.fromCharCode(parseInt(n, 16)))
    .replace(/[\u00ad\u200b\u2060]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f]/g, ' ');
  if (/%[0-9a-f]{2}/i.test(out)) out += `\n${out.replace(/(?:%[0-9a-f]{2})+/gi, (seq) => { try { return decodeURIComponent(seq); } catch { return seq; } })}`;
  return fold(out);
}

export interface Hit {
  detail: WithheldDetail;
  /** What was found, as it stands in the text. */
  found: string;
}

/** Every withheld detail present in `text` (already `searchable`), scoped ones only for `mentioned` people. */
export function findWithheld(text: string, details: WithheldDetail[], mentioned: Set<string>): Hit[] {
  const hits: Hit[] = [];
  for (const detail of details) {
    if (detail.scoped && !mentioned.has(detail.personId)) continue;
    for (const pattern of [detail.pattern, detail.latin]) {
      if (!pattern) continue;
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

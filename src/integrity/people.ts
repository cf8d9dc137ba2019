/**
 * Personal-data rules of the integrity check, on the content as the editor wrote it:
 * - a minor's id (and so every address) never carries the surname;
 * - a person's photo is used by that person's card only;
 * - a withheld detail (a minor's surname, a consent's number or date, the name of someone whose
 *   consent ended) is not written into another field or another entry.
 * The scan of the finished dist/ (src/privacy/scan-dist.ts) proves the same over every output.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildDate } from '../lib/build-date.ts';
import { numericDate } from '../lib/format.ts';
import { collectionSpec } from '../schemas/collections.ts';
import { consentEnded, isMinor } from '../schemas/mentors.ts';
import { DetailIndex, latinKey, nameLatinKey, withheldOf, type WithheldDetail } from '../privacy/withheld.ts';
import { personId, shortSuffix } from '../../cms/latin-id.ts';
import type { CheckedEntry, ContentProblem } from './check.ts';

interface Where {
  root: string;
  content: string;
}

export function checkPeople(entries: CheckedEntry[], problems: ContentProblem[], { root, content }: Where): void {
  const mentorsDir = join(root, content, collectionSpec('mentors').dir);
  const found: ContentProblem[] = [];
  checkMinorIds(entries, found);
  checkPhotoOwners(entries, found, root, mentorsDir);
  checkWithheldElsewhere(entries, found, withheldOf(entries, mentorsDir, buildDate()).details);
  for (const problem of found) problems.push({ ...problem, personal: true });
}

type Mentor = { name: { last: string; first: string }; minor?: boolean; category?: string; consent: { givenBy?: string; showSurname?: boolean } };

/** The id is the address of the card, its share image and its JSON record: a minor's must not name the family. */
function checkMinorIds(entries: CheckedEntry[], problems: ContentProblem[]) {
  for (const entry of entries) {
    if (entry.collection !== 'mentors') continue;
    const data = entry.data as unknown as Mentor;
    if (!isMinor(data) || data.consent.showSurname === true) continue;
    const key = nameLatinKey(data.name.last);
    // Each part of the id on its own («mariya-sidoroff», «fyodorov-artyom»); a longer stem also inside the id without hyphens («artyomsekretov»).
    const named =
      Boolean(key) &&
      (entry.id.split('-').some((part) => latinKey(part).startsWith(key!) && latinKey(part).length - key!.length <= 4) ||
        (key!.length >= 5 && latinKey(entry.id.replace(/-/g, '')).includes(key!)));
    if (named)
      problems.push({
        file: entry.file,
        field: 'id',
        message: `идентификатор «${entry.id}» содержит фамилию несовершеннолетнего, а из него сделан адрес страницы и имена файлов: переименуйте файл, например в «${personId(data, shortSuffix())}.yaml», и исправьте ссылки на него в практиках`,
      });
  }
}

/** Image and link targets written in an entry: its fields and the Markdown/HTML of its text. */
function referencesOf(entry: CheckedEntry): { field: string; target: string }[] {
  const found: { field: string; target: string }[] = [];
  // A field holds a file when its whole value is a path: «./photos/a.jpg», «../mentors/photos/a.jpg».
  walkStrings(entry.data, '', (field, value) => {
    if (/^\s*(?:\.{1,2}[\\/])?[^\s<>"'`]+\.[a-z0-9]{2,5}\s*$/i.test(value) || /^\s*\.{1,2}[\\/]\S+\s*$/.test(value))
      found.push({ field, target: value.trim() });
  });
  const body = entry.body ?? '';
  const add = (target?: string) => target && found.push({ field: 'текст', target });
  // Markdown links and images, and reference definitions «[фото]: ../mentors/photos/a.jpg».
  for (const m of body.matchAll(/\]\(\s*<?([^)\s>]+)>?[^)]*\)/g)) add(m[1]);
  for (const m of body.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/gm)) add(m[1]);
  // HTML attributes, quoted or not; srcset lists several addresses.
  for (const m of body.matchAll(/\b(?:src|href|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)) add(m[1] ?? m[2] ?? m[3]);
  for (const m of body.matchAll(/\bsrcset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi))
    for (const candidate of (m[1] ?? m[2] ?? m[3]).split(',')) add(candidate.trim().split(/\s+/)[0]);
  return found.filter((r) => !/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(r.target));
}

/**
 * A photo in the mentors' folder is that person's: another entry showing it (a practice's
 * cover, an image in its text, a second card) would publish a face outside the rules of the card —
 * a minor's withheld photo among them.
 */
function checkPhotoOwners(entries: CheckedEntry[], problems: ContentProblem[], root: string, mentorsDir: string) {
  const owners = new Map<string, string>();
  const inMentors = (path: string) => path.startsWith(mentorsDir + sep) && !/\.ya?ml$/i.test(path);
  for (const entry of entries) {
    if (entry.collection !== 'mentors' || typeof entry.data.photo !== 'string') continue;
    const path = resolve(root, dirname(entry.file), entry.data.photo);
    const owner = owners.get(path);
    if (owner)
      problems.push({
        file: entry.file,
        field: 'photo',
        message: `эта фотография уже стоит в карточке ${owner}: у каждого человека своё фото — загрузите его фотографию`,
      });
    else owners.set(path, entry.file);
  }
  for (const entry of entries) {
    for (const { field, target } of referencesOf(entry)) {
      if (entry.collection === 'mentors' && field === 'photo') continue;
      let decoded = target;
      try {
        decoded = decodeURIComponent(target);
      } catch {}
      const path = resolve(root, dirname(entry.file), decoded.split(/[?#]/)[0]);
      if (!inMentors(path)) continue;
      const owner = owners.get(path);
      problems.push({
        file: entry.file,
        field,
        message: `«${target}» — ${owner ? `фотография из карточки ${owner}` : `файл из папки наставников ${relative(root, path)}`}: фото человека показывается только в его собственной карточке и по его согласию; выберите другое изображение`,
      });
    }
  }
}

function walkStrings(value: unknown, path: string, visit: (field: string, value: string) => void) {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, `${path}[${i + 1}]`, visit));
  else if (value && typeof value === 'object' && !(value instanceof Date))
    for (const [key, item] of Object.entries(value)) walkStrings(item, path ? `${path}.${key}` : key, visit);
}

/** Fields of a person's own record where their details are kept, not published. */
const OWN_FIELDS = /^(id|name(\.|$)|consent(\.|$)|photo$)/;

function checkWithheldElsewhere(entries: CheckedEntry[], problems: ContentProblem[], details: WithheldDetail[]) {
  if (!details.length) return;
  const index = new DetailIndex(details);
  const ended = new Set(
    entries.filter((e) => e.collection === 'mentors' && consentEnded((e.data as { consent: { until?: Date; withdrawn?: Date } }).consent)).map((e) => e.id),
  );
  for (const entry of entries) {
    const own = entry.collection === 'mentors';
    // The record of a person whose consent ended is never published: what it says stays in it.
    if (own && ended.has(entry.id)) continue;
    const owners = new Set(own ? [entry.id] : []);
    const texts: { field: string; value: string }[] = [];
    walkStrings(entry.data, '', (field, value) => texts.push({ field, value }));
    if (entry.body) texts.push({ field: 'текст', value: entry.body });
    for (const { field, value } of texts) {
      if (own && OWN_FIELDS.test(field)) continue;
      // A practice may still list a person whose consent ended: the site leaves them out.
      if (entry.collection === 'practices' && /^mentors\[/.test(field) && ended.has(value)) continue;
      for (const { detail, found } of index.find(value, { owners })) {
        problems.push({
          file: entry.file,
          field,
          message: `здесь записано: ${detail.what} «${found}» (${detail.source.file}) — ${detail.advice}`,
        });
      }
    }
  }
}

/** Consents that end within `days` days, and those that already ended: the build lists them. */
export function consentNotices(entries: CheckedEntry[], today = buildDate(), days = 30): string[] {
  const notices: string[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'mentors') continue;
    const consent = (entry.data as { consent: { until?: Date; withdrawn?: Date } }).consent;
    const ended = consentEnded(consent, today);
    if (ended === 'withdrawn') notices.push(`${entry.file}: согласие отозвано ${numericDate(consent.withdrawn!)} — человек не публикуется`);
    else if (ended === 'expired') notices.push(`${entry.file}: срок согласия истёк ${numericDate(consent.until!)} — человек не публикуется`);
    else if (consent.until && consent.until.getTime() - today.getTime() <= days * 86_400_000)
      notices.push(
        `${entry.file}: согласие действует до ${numericDate(consent.until)} — после этого дня человек исчезнет с сайта; продлите согласие, если нужно`,
      );
    else if (consent.withdrawn && consent.withdrawn.getTime() - today.getTime() <= days * 86_400_000)
      notices.push(`${entry.file}: согласие отзывается с ${numericDate(consent.withdrawn)} — с этого дня человек исчезнет с сайта`);
  }
  return notices;
}

/**
 * Editor previews that look like the published pages: the same markup classes, styled by
 * the site's own stylesheet (registered as the preview style in cms.ts). Decap passes the
 * entry as an Immutable map; `widgetFor('body')` renders the Markdown text.
 *
 * A reference holds the other entry's Latin id (`ustyuzhna-sh-2`); the pages show its name, and
 * so do the previews (issue 17, finding 8). The name comes from what the reference's own widget
 * has already loaded (Decap's `fieldsMetaData`: the entries the curator picked or the widget
 * found for the saved value), else from the entry itself through Decap's `getCollection`.
 */
import { createElement as h, useEffect, useState, type ReactNode } from 'react';
import { ITEM_STATUSES, MENTOR_CATEGORIES, REGULATION_STATUSES, STAGES } from '../schemas/vocabulary.ts';
import { consentEnded } from '../schemas/mentors.ts';
import { publicName } from '../lib/people.ts';
import { dateRange, formatDate, yearSpan } from '../lib/format.ts';
import { achievementNote, achievementsByYear, resultChange, resultLine } from '../lib/display.ts';

/** Decap keeps a date field as text «ГГГГ-ММ-ДД» (or a Date): a day at UTC midnight, as the build reads it. */
const asDate = (value: unknown) =>
  value instanceof Date ? value : typeof value === 'string' && value ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : undefined;
const validDate = (value: unknown) => {
  const date = asDate(value);
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
};

interface Immutable {
  get(key: string): any;
  getIn(path: (string | number)[]): any;
  toJS(): any;
}
interface PreviewProps {
  entry: Immutable;
  widgetFor(name: string): ReactNode;
  getAsset(path: string): { toString(): string } | undefined;
  /** Per reference field: collection → id → the entry's data, for entries the field's widget has loaded. */
  fieldsMetaData?: Immutable;
  /** Loads another entry (Decap's preview API): a map with its `data`. */
  getCollection?(collection: string, slug: string): Promise<Immutable>;
}

type EntryData = Record<string, any>;
const plain = (value: unknown): EntryData | undefined =>
  value && typeof value === 'object' ? ((value as Partial<Immutable>).toJS?.() ?? (value as EntryData)) : undefined;

/** Entries loaded through getCollection, for the editor's session: by «collection/id», null if there is none. */
const loadedEntries = new Map<string, EntryData | null>();
const loadingEntries = new Map<string, Promise<unknown>>();

/**
 * The referenced entries' data, by id, in the order of `ids`: from the field's metadata when its
 * widget has them, else loaded (the preview renders again when they arrive). Undefined while
 * loading, null for an id that names no entry.
 */
function useReferenced(props: PreviewProps, field: string, collection: string, ids: string[]): (EntryData | null | undefined)[] {
  const [, rerender] = useState(0);
  const fromMeta = (id: string) => plain(props.fieldsMetaData?.getIn([field, collection, id]));
  const missing = ids.filter((id) => !fromMeta(id) && !loadedEntries.has(`${collection}/${id}`));
  const key = missing.join('\n');
  useEffect(() => {
    if (!props.getCollection || !key) return;
    let live = true;
    for (const id of key.split('\n')) {
      const at = `${collection}/${id}`;
      if (!loadingEntries.has(at)) {
        loadingEntries.set(
          at,
          props
            .getCollection(collection, id)
            .then((entry) => loadedEntries.set(at, plain(entry?.get('data')) ?? null))
            .catch(() => loadedEntries.set(at, null)),
        );
      }
      void loadingEntries.get(at)!.then(() => live && rerender((n) => n + 1));
    }
    return () => {
      live = false;
    };
  }, [collection, key]);
  return ids.map((id) => fromMeta(id) ?? loadedEntries.get(`${collection}/${id}`));
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value : value ? [value] : []).filter((v): v is string => typeof v === 'string' && v !== '');

/** A mentor as the site may name them (publicName: a minor without surname); nobody whose consent does not allow publishing. */
function mentorName(d: EntryData): string | undefined {
  if (!d.name?.first || !d.name?.last || !d.consent?.publication) return undefined;
  if (consentEnded({ until: asDate(d.consent.until), withdrawn: asDate(d.consent.withdrawn) })) return undefined;
  return publicName({ ...d, name: d.name, consent: d.consent }).shortName;
}

/**
 * The names of the entries a reference field names, as the pages write them: an entry still loading
 * is left out until it arrives, one that does not exist is said so (the check before the build will
 * name it too), one the site would not show (a mentor without consent) is left out as on the site.
 */
function useNames(props: PreviewProps, field: string, collection: string, name: (data: EntryData) => string | undefined): string[] {
  const list = ids(data(props)[field]);
  return useReferenced(props, field, collection, list).flatMap((entry, i) => {
    if (entry === undefined) return [];
    if (entry === null) return [`нет такой записи: ${list[i]}`];
    return name(entry) ?? [];
  });
}
/** The pages' names: an organisation's full name (its pages' «Организация»), its short one (a mentor's card), a form's title. */
const organizationName = (d: EntryData) => d.name;
const organizationShortName = (d: EntryData) => d.shortName;
const formTitle = (d: EntryData) => d.title;

/**
 * The preview of a reference field in Decap's own previews (a collection without a template of ours,
 * e.g. an organisation's «Вышестоящая организация»): the name instead of the id.
 */
export function RelationPreview(props: { value: unknown; field: Immutable; fieldsMetaData?: Immutable }) {
  const collection = String(props.field.get('collection'));
  const value = (props.value as Partial<Immutable> | undefined)?.toJS?.() ?? props.value;
  const names = ids(value).map((id) => {
    const d = plain(props.fieldsMetaData?.getIn([collection, id]));
    const named = d && (collection === 'mentors' ? mentorName(d) : (d.name ?? d.title));
    return named || id;
  });
  return h('div', null, names.join(', '));
}

const data = (props: PreviewProps) => (props.entry.get('data')?.toJS?.() ?? {}) as Record<string, any>;
/** A date as the pages write it, «12 февраля 2024 г.»; nothing while the field is empty. */
const date = (value: unknown) => {
  const day = validDate(value);
  return day ? formatDate(day) : '';
};
/** A roadmap's period as its page writes it, «1 сентября 2026 г. — 30 июня 2027 г.». */
const period = (value: { from?: unknown; to?: unknown } | undefined) => {
  const from = validDate(value?.from);
  const to = validDate(value?.to);
  return from && to ? dateRange(from, to) : value ? `${date(value.from)} — ${date(value.to)}` : '';
};
/** A practice's years as its page writes them, «2023–2025». */
const years = (value: unknown) => {
  const list = (Array.isArray(value) ? value : []).map(Number).filter(Number.isFinite);
  return list.length ? yearSpan(list) : '';
};
const facts = (rows: [string, ReactNode][]) =>
  h('dl', { className: 'facts' }, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', { key: `${k}-t` }, k), h('dd', { key: `${k}-d` }, v)]));
const page = (...children: ReactNode[]) => h('main', { className: 'wrap', style: { padding: '1rem' } }, ...children);

export function PracticePreview(props: PreviewProps) {
  const d = data(props);
  const [organization] = useNames(props, 'organization', 'organizations', organizationName);
  const forms = useNames(props, 'forms', 'forms', formTitle);
  const mentors = useNames(props, 'mentors', 'mentors', mentorName);
  const cover = d.cover ? props.getAsset(d.cover)?.toString() : undefined;
  return page(
    h('h1', null, d.title ?? ''),
    d.summary && h('p', { className: 'lead' }, d.summary),
    cover && h('div', { className: 'cover' }, h('img', { src: cover, alt: d.coverAlt ?? '' })),
    facts([
      ['Организация', organization],
      ['Годы', years(d.years)],
      ['Форма наставничества', forms.join(', ')],
      ['Ролевая модель', d.roleModel],
      ['Участники', d.participants?.description],
      ['Опубликовано', date(d.published)],
    ]),
    h('h2', null, 'Проблема или запрос'),
    h('p', { className: 'prose' }, d.problem ?? ''),
    h('h2', null, 'Что было сделано'),
    h('div', { className: 'prose' }, props.widgetFor('body')),
    (d.results ?? []).length > 0 &&
      h(
        'ul',
        { className: 'results' },
        ...(d.results ?? []).map((r: any, i: number) =>
          h(
            'li',
            { key: i },
            typeof r.before === 'number' && typeof r.after === 'number' && [h('span', { key: 'change', className: 'results__change' }, resultChange(r)), ' '],
            resultLine(r, '\u00a0'),
          ),
        ),
      ),
    mentors.length > 0 && h('h2', null, 'Наставники'),
    mentors.length > 0 && h('ul', null, ...mentors.map((name, i) => h('li', { key: i }, name))),
  );
}

export function MentorPreview(props: PreviewProps) {
  const d = data(props);
  const [organization] = useNames(props, 'organization', 'organizations', organizationShortName);
  const forms = useNames(props, 'forms', 'forms', formTitle);
  // As the site shows the person: publicName is the site's own rule (a minor without surname and photo).
  const person = d.name?.first && d.name?.last ? publicName({ ...d, name: d.name, consent: d.consent ?? {} }) : undefined;
  const photo = person?.showPhoto ? props.getAsset(d.photo)?.toString() : undefined;
  const name = person?.displayName;
  const ended = d.consent && consentEnded({ until: asDate(d.consent.until), withdrawn: asDate(d.consent.withdrawn) });
  return page(
    h(
      'article',
      { className: 'card mentor-card' },
      photo
        ? h('img', { className: 'avatar', src: photo, alt: d.photoAlt ?? '' })
        : h('span', { className: 'avatar', 'aria-hidden': true }, person?.initials ?? (d.name?.first ?? '?').slice(0, 1)),
      h(
        'div',
        { className: 'mentor-card__body' },
        h('h1', null, name || 'Имя не заполнено'),
        h(
          'p',
          { className: 'card__meta' },
          [d.position, organization, MENTOR_CATEGORIES[d.category as keyof typeof MENTOR_CATEGORIES]].filter(Boolean).join(' · '),
        ),
        d.sphere && h('p', null, h('strong', null, 'Сфера: '), d.sphere),
        forms.length > 0 && h('p', null, h('strong', null, 'Формы наставничества: '), forms.join(', ')),
        (d.achievements ?? []).length > 0 &&
          h(
            'ul',
            null,
            ...achievementsByYear<any>(d.achievements).map((a, i) =>
              h('li', { key: i }, a.title ?? '', achievementNote(a) && [' ', h('span', { key: 'note', className: 'muted' }, `— ${achievementNote(a)}`)]),
            ),
          ),
        d.quote && h('blockquote', null, d.quote),
        !d.consent?.publication && h('p', { className: 'note' }, 'Не отмечено согласие на публикацию: эта запись не попадёт на сайт.'),
        ended &&
          h('p', { className: 'note' }, ended === 'withdrawn' ? 'Согласие отозвано: человека нет на сайте.' : 'Срок согласия истёк: человека нет на сайте.'),
      ),
    ),
  );
}

export function RoadmapPreview(props: PreviewProps) {
  const d = data(props);
  const [organization] = useNames(props, 'organization', 'organizations', organizationName);
  const row = (item: any, key: string, sub = false): ReactNode =>
    h(
      'tr',
      { key, className: sub ? 'sub-item' : undefined },
      h('td', null, item.number ?? ''),
      h('td', null, item.title ?? '', item.description && h('p', { className: 'muted' }, item.description)),
      h('td', null, item.deadline?.text ?? ''),
      h('td', null, (item.responsible ?? []).join(', ')),
      h('td', null, item.result ?? ''),
      h('td', null, ITEM_STATUSES[item.status as keyof typeof ITEM_STATUSES] ?? 'по датам'),
    );
  return page(
    h('h1', null, d.title ?? ''),
    facts([
      ['Период', period(d.period)],
      ['Организация', organization],
    ]),
    h(
      'table',
      { className: 'roadmap-table' },
      h('thead', null, h('tr', null, ...['№', 'Мероприятие', 'Срок', 'Ответственные', 'Результат', 'Статус'].map((t) => h('th', { key: t, scope: 'col' }, t)))),
      ...(d.stages ?? []).map((stage: any, s: number) =>
        h(
          'tbody',
          { key: s },
          h(
            'tr',
            { className: 'stage-row' },
            h(
              'th',
              { colSpan: 6, scope: 'colgroup' },
              `${stage.number ? `${stage.number}. ` : ''}${stage.title ?? ''}`,
              stage.stage && h('p', null, `Этап целевой модели: ${STAGES[stage.stage as keyof typeof STAGES] ?? ''}`),
            ),
          ),
          ...(stage.items ?? []).flatMap((item: any, i: number) => [
            row(item, `${s}-${i}`),
            ...(item.items ?? []).map((sub: any, j: number) => row(sub, `${s}-${i}-${j}`, true)),
          ]),
        ),
      ),
    ),
  );
}

/** A regulation as its page shows it: title, approval and the text with its numbered clauses. */
export function RegulationPreview(props: PreviewProps) {
  const d = data(props);
  const [organization] = useNames(props, 'organization', 'organizations', organizationName);
  return page(
    h('h1', null, d.title ?? ''),
    facts([
      ['Организация', organization],
      ['Статус', REGULATION_STATUSES[d.status as keyof typeof REGULATION_STATUSES]],
      ['Утверждено', [d.approval?.document, date(d.approval?.date)].filter(Boolean).join(', ')],
    ]),
    h('div', { className: 'prose' }, props.widgetFor('body')),
  );
}

/**
 * Editor previews that look like the published pages: the same markup classes, styled by
 * the site's own stylesheet (registered as the preview style in cms.ts). Decap passes the
 * entry as an Immutable map; `widgetFor('body')` renders the Markdown text.
 */
import { createElement as h, type ReactNode } from 'react';
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
  const cover = d.cover ? props.getAsset(d.cover)?.toString() : undefined;
  return page(
    h('h1', null, d.title ?? ''),
    d.summary && h('p', { className: 'lead' }, d.summary),
    cover && h('div', { className: 'cover' }, h('img', { src: cover, alt: d.coverAlt ?? '' })),
    facts([
      ['Организация', d.organization],
      ['Годы', years(d.years)],
      ['Форма наставничества', (d.forms ?? []).join(', ')],
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
  );
}

export function MentorPreview(props: PreviewProps) {
  const d = data(props);
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
        h('p', { className: 'card__meta' }, [d.position, MENTOR_CATEGORIES[d.category as keyof typeof MENTOR_CATEGORIES]].filter(Boolean).join(' · ')),
        d.sphere && h('p', null, h('strong', null, 'Сфера: '), d.sphere),
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
      ['Организация', d.organization],
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
  return page(
    h('h1', null, d.title ?? ''),
    facts([
      ['Организация', d.organization],
      ['Статус', REGULATION_STATUSES[d.status as keyof typeof REGULATION_STATUSES]],
      ['Утверждено', [d.approval?.document, date(d.approval?.date)].filter(Boolean).join(', ')],
    ]),
    h('div', { className: 'prose' }, props.widgetFor('body')),
  );
}

/**
 * The shared display rules (src/lib/display.ts, src/lib/url.ts): a practice's result line as
 * the page, the share image and the editor's preview write it, a mentor's top achievement, and
 * the share image of each kind of page, and the editor's preview drawn with them. No site build.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { achievementNote, achievementsByYear, resultChange, resultLine, topAchievement } from '../src/lib/display.ts';
import { formatNumber } from '../src/lib/format.ts';
import { routes, shareCard } from '../src/lib/url.ts';
import { HOME_CARD } from '../src/og/card.ts';
import { COLLECTION_REGISTRY, type PagedCollection } from '../src/schemas/collections.ts';

describe('a practice result', () => {
  it('reads «показатель: было X, стало Y ед.», the unit joined as asked', () => {
    const result = {
      indicator: 'Доля молодых педагогов',
      before: 12,
      after: 20,
      unit: '%',
    };
    expect(resultLine(result)).toBe('Доля молодых педагогов: было 12, стало 20 %');
    expect(resultLine(result, '\u00a0')).toBe('Доля молодых педагогов: было 12, стало 20\u00a0%');
  });

  it('has no unit when the record gives none', () => {
    expect(resultLine({ indicator: 'Участники конкурсов', before: 3, after: 7 })).toBe('Участники конкурсов: было 3, стало 7');
    expect(resultLine({ indicator: 'Участники конкурсов', before: 3, after: 7, unit: '' }, '\u00a0')).toBe('Участники конкурсов: было 3, стало 7');
  });

  it('writes figures the Russian way: decimal comma, grouped thousands, two decimals at most', () => {
    expect(formatNumber(0.5)).toBe('0,5');
    expect(formatNumber(2.125)).toBe('2,13');
    expect(formatNumber(12500)).toBe('12\u00a0500');
    expect(resultLine({ indicator: 'Средний балл', before: 3.8, after: 4.25 })).toBe('Средний балл: было 3,8, стало 4,25');
  });

  it('shows a figure the editor has not typed yet as «—»', () => {
    expect(resultLine({ indicator: 'Средний балл', before: 3.8 })).toBe('Средний балл: было 3,8, стало —');
    expect(resultLine({})).toBe(': было —, стало —');
  });

  it('signs the change, in percentage points for percentages', () => {
    expect(resultChange({ before: 12, after: 20, unit: '%' })).toBe('+8\u00a0п.\u00a0п.');
    expect(resultChange({ before: 5, after: 3.5, unit: 'чел.' })).toBe('−1,5\u00a0чел.');
    expect(resultChange({ before: 4, after: 4 })).toBe('±0');
  });
});

describe("a mentor's achievements", () => {
  const achievements = [
    { title: 'Педагог года', year: 2022, level: 'municipal' as const },
    { title: 'Наставник года', year: 2024, level: 'regional' as const },
    {
      title: 'Лучшая методическая разработка',
      year: 2024,
      level: 'federal' as const,
    },
    { title: 'Грамота', year: 2019, level: 'school' as const },
  ];

  it('are listed the latest first; one year keeps the order of the record', () => {
    expect(achievementsByYear(achievements).map((a) => a.title)).toEqual(['Наставник года', 'Лучшая методическая разработка', 'Педагог года', 'Грамота']);
    // The record itself is not reordered.
    expect(achievements[0].title).toBe('Педагог года');
  });

  it('top the card with the latest one, the first listed of a tie', () => {
    expect(topAchievement(achievements)?.title).toBe('Наставник года');
    expect(topAchievement([...achievements].reverse())?.title).toBe('Лучшая методическая разработка');
    expect(topAchievement([])).toBeUndefined();
  });

  it('are followed by the year and the level', () => {
    expect(achievementNote(achievements[1])).toBe('2024, региональный уровень');
    // In the editor, before everything is filled in.
    expect(achievementNote({ year: 2025 })).toBe('2025');
    expect(achievementNote({ level: 'international' })).toBe('международный уровень');
    expect(achievementNote({})).toBe('');
  });
});

describe('share images', () => {
  const expected: Record<PagedCollection, string> = {
    organizations: 'organizacii/x',
    forms: 'formy/x',
    regulations: 'polozheniya/x',
    roadmaps: 'dorozhnye-karty/x',
    practices: 'praktiki/x',
    mentors: 'nastavniki/x',
    results: 'itogi/x',
  };

  it("of an entry's page lie at its page's path under /og/", () => {
    const paged = (Object.keys(COLLECTION_REGISTRY) as (keyof typeof COLLECTION_REGISTRY)[]).filter(
      (name): name is PagedCollection => 'segment' in COLLECTION_REGISTRY[name],
    );
    expect(paged.sort()).toEqual(Object.keys(expected).sort());
    for (const name of paged) {
      expect(shareCard(name, 'x'), name).toBe(expected[name]);
      expect(routes.og(shareCard(name, 'x')), name).toBe(`/og/${expected[name]}.png`);
    }
  });

  it('match the pages they belong to', () => {
    const pages: [PagedCollection, (id: string) => string][] = [
      ['organizations', routes.organization],
      ['forms', routes.form],
      ['regulations', routes.regulation],
      ['roadmaps', routes.roadmap],
      ['practices', routes.practice],
      ['mentors', routes.mentor],
    ];
    for (const [name, page] of pages) expect(routes.og(shareCard(name, 'shkola-1')), name).toBe(page('shkola-1').replace(/^\/(.*)\/$/, '/og/$1.png'));
  });

  it("of every other page is the section's", () => {
    expect(routes.og()).toBe(`/og/${HOME_CARD}.png`);
    expect(routes.og(HOME_CARD)).toBe('/og/index.png');
  });
});

describe('routes', () => {
  it('take the segments from the collection registry', () => {
    expect(routes.practices()).toBe('/praktiki/');
    expect(routes.practicesByYear(2024)).toBe('/praktiki/god/2024/');
    expect(routes.roadmapIcs('r')).toBe('/dorozhnye-karty/r.ics');
    expect(routes.organizationApi('o', 'mentors')).toBe('/api/organizacii/o/mentors.json');
  });
});

/** The preview rendered by React (it uses hooks), with the class as its only attribute: enough to compare with the pages. */
function markup(component: (props: any) => unknown, props: unknown): string {
  return renderToStaticMarkup(createElement(component as never, props as never)).replace(
    /<([a-z0-9]+)((?:\s[^>]*)?)>/g,
    (_: string, tag: string, attributes: string) => {
      const className = /\sclass="([^"]*)"/.exec(attributes)?.[1];
      return `<${tag}${className ? ` class="${className}"` : ''}>`;
    },
  );
}

describe("the editor's preview", () => {
  /** Decap's entry: an Immutable map, here just enough of one. */
  const props = (data: Record<string, unknown>) => ({
    entry: {
      get: (key: string) => (key === 'data' ? { toJS: () => data } : undefined),
      getIn: () => undefined,
      toJS: () => ({ data }),
    },
    widgetFor: () => null,
    getAsset: () => undefined,
  });

  it('writes results, years and dates as the practice page does', async () => {
    const { PracticePreview } = await import('../src/admin/previews.ts');
    const html = markup(
      PracticePreview,
      props({
        title: 'Практика',
        years: [2025, 2023, 2024],
        published: '2024-02-12',
        results: [
          { indicator: 'Доля', before: 12, after: 20.5, unit: '%' },
          { indicator: 'Новый показатель', before: 3 },
        ],
      }),
    );
    expect(html).toContain('<dd>2023–2025</dd>');
    expect(html).toContain('<dd>12 февраля 2024 г.</dd>');
    expect(html).toContain('<span class="results__change">+8,5\u00a0п.\u00a0п.</span> Доля: было 12, стало 20,5\u00a0%');
    expect(html).toContain('<li>Новый показатель: было 3, стало —</li>');
  });

  it('lists achievements the latest first, with year and level, as the mentor page does', async () => {
    const { MentorPreview } = await import('../src/admin/previews.ts');
    const html = markup(
      MentorPreview,
      props({
        name: { last: 'Смирнова', first: 'Елена' },
        consent: { publication: true },
        achievements: [
          { title: 'Педагог года', year: 2022, level: 'municipal' },
          { title: 'Наставник года', year: 2024, level: 'regional' },
          { title: 'Без года' },
        ],
      }),
    );
    expect(html).toContain('<span class="avatar">ЕС</span>');
    expect(html).toContain(
      '<li>Наставник года <span class="muted">— 2024, региональный уровень</span></li><li>Педагог года <span class="muted">— 2022, муниципальный уровень</span></li><li>Без года</li>',
    );
  });
});

/**
 * Issue 19 over the built site: progress that says what is known, and results against plan.
 * - The three seed schools' documents carry no completion marks: no output that carries a status
 *   (pages, lists, organisation pages, home, embeds, share-image texts, CSV, ICS, JSON) may call
 *   their items «просрочено» or paint them red.
 * - The demo district: a roadmap's targets beside the year's facts and «выполнено / не выполнено»;
 *   the district office sums two schools; the year's .docx report opens and holds the indicators,
 *   the events by stage and the practices, and nothing personal the honour board does not show.
 * The expected figures are read from the content files, not written here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import mammoth from 'mammoth';
import { parse } from 'yaml';
import { htmlFiles, load } from './helpers/html.ts';
import { ROOT, runFolder } from './helpers/project.ts';
import { builtSite } from './helpers/site.ts';

const SEED_SCHOOLS = ['kayalinskaya-sosh', 'selivanovskaya-sh-28', 'ustyuzhna-sh-2'];
const SEED_ROADMAPS = ['kayalinskaya-sosh-2023-2024', 'selivanovskaya-sh-28-2022-2023', 'ustyuzhna-sh-2-2020'];
const RED = /status--overdue|class="overdue"/;

let dist = '';
const file = (path: string) => readFileSync(join(dist, path), 'utf8');
/** A page's visible text, spaces normalised. */
const text = (path: string) => (load(join(dist, path)).querySelector('body')?.textContent ?? '').replace(/\s+/g, ' ');
const yaml = (path: string) => parse(readFileSync(join(ROOT, 'src/content', path), 'utf8'));

beforeAll(() => {
  dist = builtSite('root');
});

describe('items nobody marked are not «просрочено» (the three seed schools)', () => {
  const outputs = () => [
    ...SEED_ROADMAPS.flatMap((id) => [`dorozhnye-karty/${id}/index.html`, `dorozhnye-karty/${id}.csv`, `dorozhnye-karty/${id}.ics`]),
    ...SEED_SCHOOLS.flatMap((org) => [
      `organizacii/${org}/index.html`,
      `embed/roadmap/${org}/index.html`,
      `embed/section/${org}/index.html`,
      `api/organizacii/${org}/roadmaps.json`,
    ]),
  ];

  it('no page, embed, CSV, ICS or JSON of theirs says «просрочено» or shows the red state', () => {
    for (const path of outputs()) {
      expect(existsSync(join(dist, path)), path).toBe(true);
      const content = file(path);
      expect(content.toLowerCase(), path).not.toContain('просрочено');
      expect(content, path).not.toMatch(RED);
      expect(content, path).not.toContain('"effectiveStatus":"overdue"');
    }
  });

  it('the roadmap list and the home page show their roadmaps without red', () => {
    const list = load(join(dist, 'dorozhnye-karty/index.html'));
    for (const id of SEED_ROADMAPS) {
      const card = list.querySelectorAll('article').find((a) => a.querySelector(`a[href$="/dorozhnye-karty/${id}/"]`));
      expect(card, id).toBeTruthy();
      expect(card!.toString(), id).not.toMatch(RED);
      expect(card!.textContent, id).not.toContain('просрочено');
      // The explanation travels with the state: said in neutral words wherever the bar is.
      expect(card!.textContent, id).toContain('нет отметок о выполнении');
    }
  });

  it('each roadmap page says once that the document carries no marks, and counts after «из» in Russian', () => {
    for (const id of SEED_ROADMAPS) {
      const body = text(`dorozhnye-karty/${id}/index.html`);
      expect(body.split('нет отметок о выполнении').length - 1, id).toBe(1);
      const items = (yaml(`roadmaps/${id}.yaml`).stages as { items: { items?: unknown[] }[] }[]).flatMap((s) =>
        s.items.flatMap((i) => [i, ...(i.items ?? [])]),
      ).length;
      const word = items % 10 === 1 && items % 100 !== 11 ? 'мероприятия' : 'мероприятий';
      // (The text is read with every space as a plain one: the page writes a non-breaking space before the noun.)
      expect(body, id).toContain(`из ${items} ${word}`);
    }
  });

  it('their share images say what is known, not «Выполнено 0 из …»', () => {
    const record = join(runFolder(inject('testRun')), 'astro-cache/src-content/published-build.json');
    const texts = JSON.parse(readFileSync(record, 'utf8')).cardTexts as Record<string, string>;
    for (const id of SEED_ROADMAPS) {
      const card = Object.entries(texts).find(([output]) => output.endsWith(`dorozhnye-karty/${id}.png`))?.[1];
      expect(card, id).toBeTruthy();
      expect(card, id).not.toMatch(/Выполнено 0/);
      expect(card, id).toContain('отметок о выполнении в документе нет');
    }
  });

  it('the JSON states the date the states were computed for and what they mean', () => {
    const roadmaps = JSON.parse(file('api/roadmaps.json')) as { id: string; statusDate: string; statusExplanation?: string }[];
    for (const id of SEED_ROADMAPS) {
      const r = roadmaps.find((x) => x.id === id)!;
      expect(r.statusDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.statusExplanation).toContain('не отмечено');
    }
  });
});

interface Figure {
  measure: string;
  value: number;
}
const figuresOf = (id: string) => new Map((yaml(`results/${id}.yaml`).figures as Figure[]).map((f) => [f.measure, f.value]));

describe('results against plan (the demo district)', () => {
  const schools = ['lesnogorsk-sosh-1-2025-2026', 'lesnogorsk-licey-3-2025-2026'];
  const sum = (measure: string) => schools.reduce((total, id) => total + (figuresOf(id).get(measure) ?? 0), 0);

  it('the district roadmap shows plan, fact and «выполнено» / «не выполнено»', () => {
    const table = load(join(dist, 'dorozhnye-karty/uo-lesnogorsk-2026-2028/index.html')).querySelector('.plan-fact-table')!;
    expect(table).toBeTruthy();
    const rows = table.querySelectorAll('tbody tr').map((tr) => tr.textContent.replace(/\s+/g, ' '));
    const pairs = rows.find((r) => r.includes('Число наставнических пар'))!;
    expect(pairs).toContain(String(sum('pairs')));
    const coverage = rows.find((r) => r.includes('Доля обучающихся, вовлечённых'))!;
    const expected = Math.round((1000 * sum('mentees-pupils')) / sum('pupils-total')) / 10;
    expect(coverage).toContain(`${String(expected).replace('.', ',')} %`);
    const states = rows.map((r) => (r.includes('не выполнено') ? 'no' : r.includes('выполнено') ? 'yes' : 'other'));
    expect(states).toContain('yes');
    expect(states).toContain('no');
  });

  it('a target of a school year still running is never «не выполнено»', () => {
    const table = load(join(dist, 'dorozhnye-karty/lesnogorsk-sosh-1-2026-2027/index.html')).querySelector('.plan-fact-table')!;
    const body = table.textContent.replace(/\s+/g, ' ');
    expect(body).toContain('учебный год ещё идёт');
    expect(body).not.toContain('не выполнено');
  });

  it('the district office page sums its two schools', () => {
    const page = load(join(dist, 'organizacii/uo-lesnogorsk/index.html'));
    const total = page
      .querySelector('.district-table tfoot tr')!
      .querySelectorAll('td')
      .map((td) => td.textContent.replace(/\s+/g, ' '))
      .join(' | ');
    for (const measure of ['pupils-total', 'mentees-pupils', 'pairs']) {
      expect(total.split(' | '), measure).toContain(new Intl.NumberFormat('ru-RU').format(sum(measure)).replace(/\s/g, ' '));
    }
  });

  it('the organisation page links to the year page and its .docx report', () => {
    const links = load(join(dist, 'organizacii/lesnogorsk-sosh-1/index.html'))
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href'));
    expect(links).toContain('/itogi/lesnogorsk-sosh-1-2025-2026/');
    expect(links).toContain('/itogi/lesnogorsk-sosh-1-2025-2026.docx');
  });

  it('the .docx report opens and holds the indicators, the events by stage and the practices', async () => {
    const { value } = await mammoth.extractRawText({ path: join(dist, 'itogi/lesnogorsk-sosh-1-2025-2026.docx') });
    const report = value.replace(/\s+/g, ' ');
    expect(report).toContain('Отчёт о реализации программы наставничества за 2025/2026 учебный год');
    expect(report).toContain(yaml('organizations/lesnogorsk-sosh-1.yaml').name);
    for (const [, v] of figuresOf('lesnogorsk-sosh-1-2025-2026')) expect(report).toContain(new Intl.NumberFormat('ru-RU').format(v));
    expect(report).toContain('Мероприятия по разделам дорожной карты');
    expect(report).toContain('Практики, опубликованные за год');
    expect(report).toContain('Руководитель');
    // The practices of that school year, by their published date.
    for (const name of readdirSync(join(ROOT, 'src/content/practices')).filter((n) => n.endsWith('.md'))) {
      const front = parse(readFileSync(join(ROOT, 'src/content/practices', name), 'utf8').split('---')[1]);
      const published = new Date(front.published);
      if (front.organization === 'lesnogorsk-sosh-1' && published >= new Date('2025-09-01') && published <= new Date('2026-08-31')) {
        expect(report).toContain(front.title);
      }
    }
  });

  it('nothing personal beyond the honour board: no consent records, no hidden surnames', async () => {
    const mentors = readdirSync(join(ROOT, 'src/content/mentors'))
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => yaml(`mentors/${n}`));
    for (const name of readdirSync(join(dist, 'itogi')).filter((n) => n.endsWith('.docx'))) {
      const { value } = await mammoth.extractRawText({ path: join(dist, 'itogi', name) });
      for (const m of mentors) {
        expect(value, name).not.toContain(m.consent.document);
        const minor = m.minor === true || m.category === 'pupil' || m.consent.givenBy === 'parent';
        if (minor && !m.consent.showSurname) expect(value, name).not.toContain(m.name.last);
      }
    }
  });

  it('every year page is an HTML page of the site with its downloads', () => {
    const pages = htmlFiles(join(dist, 'itogi'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      const id = page.split('/').at(-2)!;
      expect(existsSync(join(dist, 'itogi', `${id}.docx`)), id).toBe(true);
      expect(file(`itogi/${id}.csv`).startsWith('\uFEFF'), id).toBe(true);
    }
  });

  it('a signed original is offered with its format, size and approval date, under a Latin name made from the entry', () => {
    const roadmap = yaml('roadmaps/lesnogorsk-sosh-1-2026-2027.yaml');
    const link = load(join(dist, 'dorozhnye-karty/lesnogorsk-sosh-1-2026-2027/index.html')).querySelector('.signed-original')!;
    expect(link.querySelector('a')!.textContent).toBe('Скачать подписанный документ');
    const published = link.querySelector('a')!.getAttribute('href')!;
    expect(published).toBe('/dokumenty/dorozhnaya-karta-lesnogorsk-sosh-1-2026-2027.pdf');
    const uploaded = readFileSync(join(ROOT, 'src/content/roadmaps', roadmap.signedOriginal));
    expect(readFileSync(join(dist, published))).toEqual(uploaded);
    expect(link.textContent.replace(/\s+/g, ' ')).toContain(`(PDF, ${Math.round(uploaded.length / 1024)} КБ), утверждён 1 сентября 2026 г.`);
    const json = (JSON.parse(file('api/roadmaps.json')) as { id: string; signedOriginal?: string }[]).find((r) => r.id === 'lesnogorsk-sosh-1-2026-2027')!;
    expect(json.signedOriginal).toMatch(/\/dokumenty\/dorozhnaya-karta-lesnogorsk-sosh-1-2026-2027\.pdf$/);
    // The uploaded file's own name is nowhere on the site.
    expect(readdirSync(join(dist, 'dokumenty'))).not.toContain(roadmap.signedOriginal.split('/').pop());
  });
});

/**
 * Share images, as satori lays them out: long texts stay inside their boxes, and a long word
 * without spaces is broken inside its box, never drawn into the margin. What the build makes of
 * them (the meta of every page, the PNG files, the cache) is in tests/og-build.test.ts.
 */
import { describe, expect, it } from 'vitest';
import satori from 'satori';
import sharp from 'sharp';
import { checkContent } from '../src/integrity/check.ts';
import type { Card, CardKind } from '../src/og/card.ts';
import { cardSvg, loadFonts } from '../src/og/render.ts';
import { FOOTER, HEIGHT, templates, WIDTH } from '../src/og/templates.ts';
import { ROOT } from './helpers/project.ts';

/** A 1×1 grey photo, as the mentor card gets a consented one. */
const photo = async () =>
  `data:image/png;base64,${(
    await sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } })
      .png()
      .toBuffer()
  ).toString('base64')}`;

/**
 * Lays the card out with satori and checks every run of text against the box it belongs to:
 * inside it left and right, no field reaching into the footer band. Returns the SVG and the
 * text runs, for the checks of the caller.
 */
async function expectTextInsideBoxes(card: Card) {
  const boxes = new Map<string, { left: number; top: number; width: number; height: number; size: number }>();
  const svg = await satori(templates[card.kind](card) as never, {
    width: WIDTH,
    height: HEIGHT,
    fonts: loadFonts(),
    embedFont: false,
    onNodeDetected: (node) => {
      if (node.key) boxes.set(String(node.key), { ...node, size: Number(node.props.style?.fontSize) });
    },
  });
  const texts = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map(
    (m) => ({
      x: +m[1],
      y: +m[2],
      width: +m[3],
      height: +m[4],
      size: +m[5],
      text: m[6],
    }),
  );
  expect(texts.length).toBeGreaterThan(10);
  // Every field ends above the footer band (the site's name has the band to itself).
  for (const [key, b] of boxes) {
    if (key !== 'site') expect(b.top + b.height, `поле ${key} заходит на нижнюю полосу`).toBeLessThanOrEqual(HEIGHT - FOOTER);
  }
  // A space at a line's end may hang past the edge, as in any typesetting; it draws nothing.
  for (const t of texts.filter((t) => t.text.trim())) {
    // The box of this run of text: same font size, its line inside the box's height.
    const box = [...boxes.entries()].find(([, b]) => b.size === t.size && t.y > b.top && t.y <= b.top + b.height + 0.5);
    expect(box, `«${t.text}» (${t.size}px, y=${t.y}) вне какого-либо поля`).toBeDefined();
    const [key, b] = box!;
    expect(t.x, `«${t.text}» в поле ${key} левее края`).toBeGreaterThanOrEqual(b.left - 0.5);
    expect(t.x + t.width, `«${t.text}» в поле ${key} выходит за правый край`).toBeLessThanOrEqual(b.left + b.width + 0.5);
    expect(t.x + t.width).toBeLessThanOrEqual(WIDTH);
    expect(t.y).toBeLessThanOrEqual(HEIGHT);
  }
  const inBox = (key: string) =>
    texts.filter((t) => {
      const b = boxes.get(key)!;
      return t.size === b.size && t.y > b.top && t.y <= b.top + b.height + 0.5;
    });
  return { svg, texts, inBox };
}

const KINDS: CardKind[] = ['home', 'practice', 'mentor', 'roadmap', 'regulation', 'form', 'organization'];

describe('long texts stay inside their boxes', () => {
  const { entries } = checkContent(ROOT);
  const longest = (collection: string, field: (d: Record<string, any>) => string) =>
    entries
      .filter((e) => e.collection === collection)
      .map((e) => field(e.data))
      .sort((a, b) => b.length - a.length)[0];
  const LONG = 'Очень длинное название программы наставничества, в котором перечислены все участники, формы, цели и задачи, '.repeat(3).slice(0, 300);
  const cases: [CardKind, string][] = [
    ['practice', longest('practices', (d) => d.title)],
    ['roadmap', longest('roadmaps', (d) => d.title)],
    ['regulation', longest('regulations', (d) => d.title)],
    ['organization', longest('organizations', (d) => d.shortName)],
    ['form', longest('forms', (d) => d.title)],
    ...KINDS.map((k): [CardKind, string] => [k, LONG]),
  ];

  it.each(cases)('%s card with «%s»', async (kind, title) => {
    expect(title.length).toBeGreaterThan(20);
    const card: Card = {
      kind,
      eyebrow: 'Лучшая практика наставничества в образовательной организации',
      title,
      lines: [LONG, LONG, LONG],
      highlight: LONG,
      progress: { text: 'Выполнено 3 из 7 мероприятий — 43 %', share: 3 / 7 },
      photo: kind === 'mentor' ? await photo() : undefined,
      site: LONG,
      demo: true,
    };
    const { inBox } = await expectTextInsideBoxes(card);
    // The 300-character title is cut, and says so with an ellipsis.
    if (title === LONG) {
      const last = inBox('title').at(-1)!;
      expect(last.text.trim().endsWith('…'), `последнее слово заголовка: «${last.text}»`).toBe(true);
    }
  });
});

describe('a long word without spaces is broken inside its box', () => {
  // 150 letters with no break opportunity, and an address of the kind an editor pastes.
  const WORD = 'Наставничество'.repeat(11).slice(0, 150);
  const URL_TEXT = `https://nastavnichestvo.example/${'materialy-po-nastavnichestvu-'.repeat(6)}itogovyy-otchet.pdf`;
  const PAD = 64;

  it.each(KINDS)('%s card', async (kind) => {
    const card: Card = {
      kind,
      eyebrow: WORD,
      title: WORD,
      lines: [WORD, URL_TEXT, WORD],
      highlight: WORD,
      progress: { text: 'Выполнено 3 из 7 мероприятий — 43 %', share: 3 / 7 },
      photo: kind === 'mentor' ? await photo() : undefined,
      site: URL_TEXT,
      demo: true,
    };
    // Every run of text inside the box it belongs to…
    await expectTextInsideBoxes(card);
    // …and, in the image as the build renders it (glyphs drawn as paths), no ink in the right
    // margin: from the text area's right edge to the card's, the pixels are the background of
    // the body (white) and of the footer band.
    const { data, info } = await sharp(Buffer.from(await cardSvg(card)))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([WIDTH, HEIGHT]);
    const inked: string[] = [];
    const check = (fromY: number, toY: number, colour: [number, number, number]) => {
      for (let y = fromY; y < toY; y++) {
        for (let x = WIDTH - PAD + 1; x < WIDTH; x++) {
          const i = (y * WIDTH + x) * 3;
          if (Math.abs(data[i] - colour[0]) + Math.abs(data[i + 1] - colour[1]) + Math.abs(data[i + 2] - colour[2]) > 6) inked.push(`${x},${y}`);
        }
      }
    };
    check(16, HEIGHT - FOOTER, [0xff, 0xff, 0xff]);
    check(HEIGHT - FOOTER + 2, HEIGHT, [0xf3, 0xf6, 0xfa]);
    expect(inked.length, `краска в правом поле карточки: ${inked.slice(0, 5).join('; ')}…`).toBe(0);
  });
});

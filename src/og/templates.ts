/**
 * The share card layouts (1200×630), one per kind of page, drawn by satori from plain
 * element objects. Every text box has an explicit width and a line limit, so long titles
 * wrap and end with an ellipsis inside the card. Bump TEMPLATE_VERSION when a layout
 * changes: it is part of every cached image's key.
 */
import type { Card, CardKind } from './card.ts';

export const TEMPLATE_VERSION = 6;
export const WIDTH = 1200;
export const HEIGHT = 630;
const PAD = 64;
/** The band at the foot of every card with the section's name; nothing else may reach into it. */
export const FOOTER = 96;
const INNER = WIDTH - 2 * PAD;

type Style = Record<string, string | number>;
export interface Node {
  type: string;
  key?: string;
  props: { style?: Style; children?: (Node | string)[] | Node | string; src?: string; width?: number; height?: number };
}
const h = (type: string, style: Style, children?: Node['props']['children'], key?: string): Node => ({ type, key, props: { style, children } });

const ACCENT: Record<CardKind, string> = {
  home: '#1c4f8a',
  practice: '#1e6b38',
  mentor: '#a8430f',
  roadmap: '#1c4f8a',
  regulation: '#4a5263',
  form: '#6b3fa0',
  organization: '#163f6f',
};

/**
 * A block of text that never leaves its box: fixed width, at most `lines` lines, then «…». A word
 * wider than the box (a 150-letter word, a pasted address) is broken where it meets the edge:
 * `wordBreak: 'break-word'`, which satori 0.63 honours (src/text/processor.ts, canBreakWords);
 * other words still wrap at spaces and hyphens only.
 */
export const textBox = (key: string, text: string, width: number, size: number, lines: number, style: Style = {}): Node =>
  h(
    'div',
    // lineClamp alone keeps the text in its lines; overflow: hidden would add an SVG mask per box,
    // which triples the rasterising time in sharp (librsvg).
    { display: 'block', width, fontSize: size, lineHeight: 1.2, lineClamp: lines, wordBreak: 'break-word', ...style },
    text,
    key,
  );

function progressBar({ text, share }: NonNullable<Card['progress']>, width: number): Node {
  return h('div', { display: 'flex', flexDirection: 'column', width, gap: 12 }, [
    ...(share === undefined
      ? []
      : [
          h('div', { display: 'flex', width, height: 28, borderRadius: 14, background: '#dfe6f0', overflow: 'hidden' }, [
            h('div', { display: 'flex', width: Math.round(width * share), height: 28, background: ACCENT.practice }, []),
          ]),
        ]),
    textBox('progress', text, width, 30, 2, { color: '#1a1f2b' }),
  ]);
}

/** The frame every card shares: a coloured band, the eyebrow, the body, the site line. */
function frame(card: Card, body: Node[], photo?: Node): Node {
  const accent = ACCENT[card.kind];
  const textWidth = photo ? INNER - 300 - 48 : INNER;
  return h('div', { display: 'flex', flexDirection: 'column', width: WIDTH, height: HEIGHT, background: '#ffffff', fontFamily: 'PT Sans', color: '#1a1f2b' }, [
    h('div', { display: 'flex', width: WIDTH, height: 16, background: accent }, []),
    h(
      'div',
      { display: 'flex', flexDirection: 'row', boxSizing: 'border-box', width: WIDTH, height: HEIGHT - 16 - FOOTER, padding: `48px ${PAD}px 0`, gap: 48 },
      [
        h('div', { display: 'flex', flexDirection: 'column', width: textWidth, gap: 16 }, [
          textBox('eyebrow', card.demo ? `${card.eyebrow} · пример` : card.eyebrow, textWidth, 30, 1, {
            color: accent,
            fontWeight: 700,
            textTransform: 'uppercase',
            letterSpacing: 1,
          }),
          ...body,
        ]),
        ...(photo ? [photo] : []),
      ],
    ),
    h(
      'div',
      {
        display: 'flex',
        alignItems: 'center',
        boxSizing: 'border-box',
        width: WIDTH,
        height: FOOTER,
        padding: `0 ${PAD}px`,
        background: '#f3f6fa',
        borderTop: '2px solid #d5dbe5',
      },
      [textBox('site', card.site, INNER, 28, 1, { color: '#4a5263' })],
    ),
  ]);
}

/** The lines under the title, one line each; the first may take `firstLines` (a mentor's position and school). */
const lines = (card: Card, width: number, max = 3, firstLines = 1) =>
  card.lines.slice(0, max).map((line, i) => textBox(`line-${i}`, line, width, 32, i === 0 ? firstLines : 1, { color: '#4a5263' }));

/** One layout per kind; they differ in what they stress (a result, a photo, progress). */
export const templates: Record<CardKind, (card: Card) => Node> = {
  home: (card) => frame(card, [textBox('title', card.title, INNER, 72, 2, { fontWeight: 700 }), ...lines(card, INNER, 2)]),
  practice: (card) =>
    frame(card, [
      textBox('title', card.title, INNER, 56, 3, { fontWeight: 700 }),
      ...lines(card, INNER, 2),
      ...(card.highlight ? [textBox('highlight', card.highlight, INNER, 34, 2, { color: ACCENT.practice, fontWeight: 700 })] : []),
    ]),
  mentor: (card) => {
    const photo = card.photo
      ? h('div', { display: 'flex', width: 300, height: 300, borderRadius: 150, overflow: 'hidden', flexShrink: 0 }, [
          { type: 'img', props: { src: card.photo, width: 300, height: 300, style: { width: 300, height: 300, objectFit: 'cover' } } },
        ])
      : undefined;
    const width = photo ? INNER - 348 : INNER;
    return frame(
      card,
      [
        textBox('title', card.title, width, 60, 2, { fontWeight: 700 }),
        ...lines(card, width, 2, 2),
        ...(card.highlight ? [textBox('highlight', card.highlight, width, 32, 2, { color: ACCENT.mentor, fontWeight: 700 })] : []),
      ],
      photo,
    );
  },
  roadmap: (card) =>
    frame(card, [
      textBox('title', card.title, INNER, 46, 3, { fontWeight: 700 }),
      ...lines(card, INNER, 2),
      ...(card.progress ? [progressBar(card.progress, INNER)] : []),
    ]),
  regulation: (card) => frame(card, [textBox('title', card.title, INNER, 52, 4, { fontWeight: 700 }), ...lines(card, INNER, 2)]),
  form: (card) =>
    frame(card, [
      textBox('title', card.title, INNER, 64, 2, { fontWeight: 700 }),
      ...(card.highlight ? [textBox('highlight', card.highlight, INNER, 32, 4, { color: '#4a5263' })] : []),
    ]),
  organization: (card) => frame(card, [textBox('title', card.title, INNER, 60, 3, { fontWeight: 700 }), ...lines(card, INNER, 3)]),
};

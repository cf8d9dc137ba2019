/**
 * Share image encoder settings, measured: for the same laid-out cards (satori's SVG, made once),
 * the CPU each PNG setting costs per image (rasterising included) and the size it gives. The
 * build's setting (src/og/render.ts, PNG_OPTIONS) is chosen from this table.
 */
import sharp, { type PngOptions } from 'sharp';
import { checkContent } from '../../src/integrity/check.ts';
import type { Card, CardKind } from '../../src/og/card.ts';
import { cardSvg, PNG_OPTIONS } from '../../src/og/render.ts';

export interface EncoderRow {
  label: string;
  options: PngOptions;
  cpuMs: number;
  kb: number;
  current: boolean;
}

const SETTINGS: { label: string; options: PngOptions }[] = [
  { label: 'PNG, сжатие 9', options: { compressionLevel: 9 } },
  { label: 'PNG, сжатие 6', options: { compressionLevel: 6 } },
  { label: 'PNG, сжатие 3', options: { compressionLevel: 3 } },
  { label: 'PNG, сжатие 1', options: { compressionLevel: 1 } },
  { label: 'PNG, сжатие 3, без адаптивной фильтрации', options: { compressionLevel: 3, adaptiveFiltering: false } },
  { label: 'PNG, палитра 256 цветов, сжатие 6', options: { palette: true, compressionLevel: 6 } },
  { label: 'PNG, палитра 256 цветов, усилие 1', options: { palette: true, compressionLevel: 6, effort: 1 } },
];

/** CPU of this process (all its threads) for `run`, in ms. */
async function cpuOf(run: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

export async function encoderTable(cards: Card[], rounds = 2): Promise<{ rows: EncoderRow[]; layoutMs: number }> {
  await cardSvg(cards[0]);
  const svgs: Buffer[] = [];
  const layoutMs =
    (await cpuOf(async () => {
      for (const card of cards) svgs.push(Buffer.from(await cardSvg(card)));
    })) / cards.length;
  // Warm-up: libvips loads its SVG renderer and fonts on first use.
  await sharp(svgs[0]).png().toBuffer();
  const rows: EncoderRow[] = [];
  for (const { label, options } of SETTINGS) {
    let bytes = 0;
    const cpu = await cpuOf(async () => {
      for (let r = 0; r < rounds; r++) for (const svg of svgs) bytes += (await sharp(svg).png(options).toBuffer()).length;
    });
    const count = rounds * svgs.length;
    rows.push({ label, options, cpuMs: cpu / count, kb: bytes / count / 1024, current: JSON.stringify(options) === JSON.stringify(PNG_OPTIONS) });
  }
  return { rows, layoutMs };
}

export function encoderLines(rows: EncoderRow[]): string[] {
  return [
    '| настройка | процессор на картинку (растр и PNG), мс | размер, КБ |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.label}${r.current ? ' — **в сборке**' : ''} | ${r.cpuMs.toFixed(1)} | ${r.kb.toFixed(1)} |`),
  ];
}

const KIND: Record<string, CardKind> = {
  practices: 'practice',
  mentors: 'mentor',
  roadmaps: 'roadmap',
  regulations: 'regulation',
  forms: 'form',
  organizations: 'organization',
};

/** Cards like the build's, from the demo content: one per material. */
export function sampleCards(root: string): Card[] {
  const site = 'Наставничество · Управление образования Лесногорского округа';
  return checkContent(root)
    .entries.filter((e) => KIND[e.collection])
    .map((e) => {
      const d = e.data as Record<string, any>;
      const title = e.collection === 'mentors' ? `${d.name.last} ${d.name.first}` : e.collection === 'organizations' ? d.shortName : d.title;
      return {
        kind: KIND[e.collection],
        eyebrow: 'Материал раздела',
        title,
        lines: [d.summary ?? d.position ?? 'строка под заголовком', 'МБОУ «СОШ № 1 г. Лесногорска»'],
        highlight: d.summary,
        progress: e.collection === 'roadmaps' ? { text: 'Выполнено 5 из 12 мероприятий — 42 %', share: 5 / 12 } : undefined,
        site,
        demo: d.demo,
      };
    });
}

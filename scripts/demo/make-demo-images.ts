/**
 * Demo images for the example content set: neutral placeholder portraits for the
 * honour board and abstract covers for practices. No photographs of people are used —
 * a portrait is a soft gradient with a simple bust silhouette.
 *
 * Run: npx node scripts/demo/make-demo-images.ts
 * Writes src/content/mentors/photos/*.jpg (800×800) and src/content/practices/covers/*.jpg (1200×675).
 * The output is deterministic: the same ids give the same pictures.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const ROOT = process.cwd();
const PHOTOS = join(ROOT, 'src/content/mentors/photos');
const COVERS = join(ROOT, 'src/content/practices/covers');
const MAX_BYTES = 120 * 1024;

interface Palette {
  /** Background gradient, top-left → bottom-right. */
  from: string;
  to: string;
  /** Silhouette or main shapes. */
  main: string;
  /** Secondary shapes. */
  accent: string;
}

const portraits: Record<string, Palette> = {
  'smirnova-elena': { from: '#f3e7d9', to: '#d9c2e6', main: '#7b5e8f', accent: '#b89bc9' },
  'kuznetsov-andrey': { from: '#dce9f2', to: '#b7d0e3', main: '#3f6485', accent: '#8fb3cf' },
  'volkova-irina': { from: '#e3f0e6', to: '#bcdcc6', main: '#46765a', accent: '#94c2a4' },
  'morozov-sergey': { from: '#efe6d8', to: '#d6c3a3', main: '#6f5a3a', accent: '#b9a27b' },
  'sokolov-dmitriy': { from: '#e2e4f3', to: '#c2c6e6', main: '#4a5290', accent: '#9da3d4' },
};

const covers: Record<string, Palette> = {
  'shkola-molodogo-pedagoga': { from: '#f6efe4', to: '#e6d3bd', main: '#b0643f', accent: '#e0a878' },
  'ravnyy-ravnomu-oge': { from: '#e8f1f8', to: '#c9dced', main: '#2f6f9f', accent: '#f0b64a' },
  'proektnaya-laboratoriya-it': { from: '#eaf4ef', to: '#c6e2d4', main: '#2e7a5b', accent: '#6cb3d9' },
  'studencheskiy-desant': { from: '#f4eaf1', to: '#e2c9dc', main: '#8a3f72', accent: '#f2a65a' },
};

/** A small seeded generator so each picture is stable between runs. */
function seeded(text: string) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let state = h >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function portraitSvg(id: string, p: Palette): string {
  const rnd = seeded(id);
  const size = 800;
  const glowX = 200 + rnd() * 400;
  const glowY = 150 + rnd() * 200;
  // A few large translucent circles behind the bust, so portraits differ from each other.
  const circles = Array.from({ length: 3 }, () => {
    const r = 120 + rnd() * 180;
    return `<circle cx="${(rnd() * size).toFixed(0)}" cy="${(rnd() * size * 0.7).toFixed(0)}" r="${r.toFixed(0)}" fill="${p.accent}" opacity="${(0.18 + rnd() * 0.17).toFixed(2)}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${p.from}"/><stop offset="1" stop-color="${p.to}"/>
    </linearGradient>
    <radialGradient id="glow" cx="${glowX / size}" cy="${glowY / size}" r="0.6">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.55"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="${size}" height="${size}" fill="url(#bg)"/>
  ${circles}
  <rect width="${size}" height="${size}" fill="url(#glow)"/>
  <g fill="${p.main}" opacity="0.85">
    <circle cx="400" cy="315" r="135"/>
    <path d="M350 400 L450 400 L460 500 L340 500 Z"/>
    <path d="M130 800 C130 590 250 480 400 480 C550 480 670 590 670 800 Z"/>
  </g>
</svg>`;
}

function coverSvg(id: string, p: Palette): string {
  const rnd = seeded(id);
  const w = 1200;
  const h = 675;
  const shapes: string[] = [];
  for (let i = 0; i < 7; i++) {
    const color = i % 2 ? p.accent : p.main;
    const opacity = (0.22 + rnd() * 0.4).toFixed(2);
    const x = rnd() * w;
    const y = rnd() * h;
    const s = 80 + rnd() * 260;
    switch (i % 3) {
      case 0:
        shapes.push(`<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${(s / 1.6).toFixed(0)}" fill="${color}" opacity="${opacity}"/>`);
        break;
      case 1:
        shapes.push(
          `<rect x="${(x - s / 2).toFixed(0)}" y="${(y - s / 2).toFixed(0)}" width="${s.toFixed(0)}" height="${(s * 0.7).toFixed(0)}" rx="${(s / 8).toFixed(0)}" fill="${color}" opacity="${opacity}" transform="rotate(${(rnd() * 40 - 20).toFixed(1)} ${x.toFixed(0)} ${y.toFixed(0)})"/>`,
        );
        break;
      default:
        shapes.push(
          `<path d="M${(x - s).toFixed(0)} ${(y + s / 2).toFixed(0)} Q${x.toFixed(0)} ${(y - s).toFixed(0)} ${(x + s).toFixed(0)} ${(y + s / 2).toFixed(0)}" stroke="${color}" stroke-width="${(18 + rnd() * 22).toFixed(0)}" stroke-linecap="round" fill="none" opacity="${opacity}"/>`,
        );
    }
  }
  // Two linked circles: the mentor and the mentee, the one motif all covers share.
  const cy = 250 + rnd() * 180;
  const cx = 420 + rnd() * 300;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${p.from}"/><stop offset="1" stop-color="${p.to}"/>
    </linearGradient>
  </defs>
  <rect width="${w}" height="${h}" fill="url(#bg)"/>
  ${shapes.join('\n  ')}
  <line x1="${cx}" y1="${cy}" x2="${cx + 190}" y2="${cy + 40}" stroke="${p.main}" stroke-width="14" stroke-linecap="round" opacity="0.85"/>
  <circle cx="${cx}" cy="${cy}" r="70" fill="${p.main}"/>
  <circle cx="${cx + 190}" cy="${cy + 40}" r="48" fill="${p.accent}"/>
</svg>`;
}

async function render(svg: string, file: string) {
  for (const quality of [82, 74, 66, 58]) {
    await sharp(Buffer.from(svg)).jpeg({ quality, mozjpeg: true, chromaSubsampling: '4:2:0' }).toFile(file);
    const { size } = statSync(file);
    if (size <= MAX_BYTES) return size;
  }
  throw new Error(`${file}: больше ${MAX_BYTES} байт даже при низком качестве`);
}

mkdirSync(PHOTOS, { recursive: true });
mkdirSync(COVERS, { recursive: true });
for (const [id, palette] of Object.entries(portraits)) {
  const size = await render(portraitSvg(id, palette), join(PHOTOS, `${id}.jpg`));
  console.log(`mentors/photos/${id}.jpg — ${Math.round(size / 1024)} КБ`);
}
for (const [id, palette] of Object.entries(covers)) {
  const size = await render(coverSvg(id, palette), join(COVERS, `${id}.jpg`));
  console.log(`practices/covers/${id}.jpg — ${Math.round(size / 1024)} КБ`);
}

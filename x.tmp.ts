import { writeFileSync } from 'node:fs';
import { renderCard } from './src/og/render.ts';
const card = { kind: 'practice' as const, eyebrow: 'Лучшая практика', title: 'Очень длинное название практики '.repeat(10), lines: ['Учитель – учитель', 'МБОУ «СОШ № 1 г. Лесногорска»'], highlight: 'Доля молодых учителей, оставшихся в школе: 60 → 90 %', site: 'Наставничество · Управление образования Лесногорского округа', demo: true };
const r = await renderCard(card);
writeFileSync('/tmp/og-practice.png', r.png);
console.log(r.png.length, r.layoutMs.toFixed(0), r.encodeMs.toFixed(0));

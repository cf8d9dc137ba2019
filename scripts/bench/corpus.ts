/**
 * A generated content tree of any size for benchmarks: organisations, practices, mentors,
 * roadmaps and regulations in the proportions a large district would have, with Russian
 * text made from the words of the real content (so the index sees a real vocabulary).
 * Deterministic: the same size gives the same corpus.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryFileText } from '../../src/lib/entry-file.ts';

/** mulberry32: a small seeded generator, so corpora are reproducible. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function vocabulary(contentDir: string): string[] {
  const words = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      if (name.isDirectory()) walk(join(dir, name.name));
      else if (/\.(md|yaml)$/.test(name.name)) for (const w of readFileSync(join(dir, name.name), 'utf8').match(/[а-яё]{3,}/g) ?? []) words.add(w);
    }
  };
  walk(contentDir);
  return [...words];
}

export interface CorpusCounts {
  organizations: number;
  practices: number;
  mentors: number;
  roadmaps: number;
  regulations: number;
}

/** Splits a total the way a district's section looks: mostly practices and mentors. */
export function countsFor(total: number): CorpusCounts {
  const organizations = Math.max(1, Math.round(total * 0.04));
  const roadmaps = Math.round(total * 0.04);
  const regulations = Math.round(total * 0.02);
  const practices = Math.round(total * 0.45);
  return { organizations, roadmaps, regulations, practices, mentors: Math.max(0, total - organizations - roadmaps - regulations - practices) };
}

export function generateCorpus(root: string, target: string, total: number): CorpusCounts {
  const counts = countsFor(total);
  const next = random(total);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const words = vocabulary(join(root, 'src/content'));
  const sentence = (n: number) => {
    const s = Array.from({ length: n }, () => pick(words)).join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(8 + Math.floor(next() * 8))).join(' ');
  const forms = readdirSync(join(root, 'src/content/forms')).map((f) => f.replace(/\.yaml$/, ''));

  rmSync(target, { recursive: true, force: true });
  for (const dir of ['organizations', 'practices', 'mentors', 'roadmaps', 'regulations']) mkdirSync(join(target, dir), { recursive: true });
  cpSync(join(root, 'src/content/forms'), join(target, 'forms'), { recursive: true });
  cpSync(join(root, 'src/content/settings'), join(target, 'settings'), { recursive: true });
  const write = (dir: string, id: string, text: string, ext = 'yaml') => writeFileSync(join(target, dir, `${id}.${ext}`), text);

  const orgs = Array.from({ length: counts.organizations }, (_, i) => `shkola-${i + 1}`);
  // The settings name an owner: the first generated organisation takes its id.
  orgs[0] = readSettingsOwner(root);
  orgs.forEach((id, i) =>
    write(
      'organizations',
      id,
      entryFileText('organizations', {
        name: `Муниципальное общеобразовательное учреждение «Школа № ${i + 1}»`,
        shortName: `Школа № ${i + 1}`,
        kind: i === 0 ? 'education-office' : 'school',
        region: 'Северо-Западная область',
      }),
    ),
  );
  const mentorIds = Array.from({ length: counts.mentors }, (_, i) => `nastavnik-${i + 1}`);
  mentorIds.forEach((id, i) =>
    write(
      'mentors',
      id,
      entryFileText('mentors', {
        name: {
          last: `Фамилия${i + 1}`,
          first: pick(['Анна', 'Ольга', 'Иван', 'Пётр', 'Мария', 'Сергей']),
          middle: pick(['Петровна', 'Ивановна', 'Сергеевич', 'Андреевич']),
        },
        position: `учитель ${pick(words)}`,
        organization: orgs[i % orgs.length],
        sphere: pick(words),
        category: 'teacher',
        forms: [pick(forms)],
        since: 2010 + (i % 15),
        achievements: [{ title: sentence(6), year: 2020 + (i % 6), level: 'municipal' }],
        quote: sentence(10),
        // A register number as schools write them: a bare «№ 1» would also be «Школа № 1», and the
        // leak scan rightly refuses a text where random words put «согласии» before a school's name.
        consent: { publication: true, date: '2025-09-01', document: `согласие № НС-${i + 1}/25` },
      }),
    ),
  );
  for (let i = 0; i < counts.practices; i++) {
    const data = {
      title: `Практика ${i + 1}: ${sentence(5).slice(0, -1)}`,
      organization: orgs[i % orgs.length],
      years: [2020 + (i % 7)],
      forms: [pick(forms)],
      summary: sentence(18),
      problem: paragraph(2),
      participants: { pairs: 1 + (i % 30), description: sentence(6) },
      results: [{ indicator: sentence(4).slice(0, -1), before: 40, after: 60 + (i % 40), unit: '%' }],
      replicability: paragraph(1),
      mentors: mentorIds.length ? [mentorIds[i % mentorIds.length]] : [],
      published: '2026-05-01',
    };
    write('practices', `praktika-${i + 1}`, entryFileText('practices', data, `${paragraph(4)}\n\n### ${sentence(3).slice(0, -1)}\n\n${paragraph(4)}\n`), 'md');
  }
  for (let i = 0; i < counts.roadmaps; i++) {
    const items = Array.from({ length: 12 }, (_, k) => ({
      number: `1.${k + 1}`,
      title: sentence(9),
      deadline: { text: 'сентябрь 2026', from: '2026-09-01', to: '2026-09-30', kind: 'month' },
      responsible: ['Директор'],
      result: sentence(4),
    }));
    write(
      'roadmaps',
      `karta-${i + 1}`,
      entryFileText('roadmaps', {
        title: `Дорожная карта ${i + 1}: ${sentence(6).slice(0, -1)}`,
        organization: orgs[i % orgs.length],
        level: 'organization',
        period: { from: '2026-09-01', to: '2027-06-30' },
        stages: [{ title: sentence(5), stage: 'preparation', items }],
      }),
    );
  }
  for (let i = 0; i < counts.regulations; i++) {
    const body = Array.from(
      { length: 4 },
      (_, s) => `## ${s + 1}. ${sentence(3).slice(0, -1)}\n\n${Array.from({ length: 6 }, (_, c) => `${s + 1}.${c + 1}. ${paragraph(1)}`).join('\n\n')}`,
    ).join('\n\n');
    write(
      'regulations',
      `polozhenie-${i + 1}`,
      entryFileText(
        'regulations',
        {
          title: `Положение о наставничестве ${i + 1}`,
          organization: orgs[i % orgs.length],
          approval: { date: '2026-08-29', document: `приказ № ${i + 1}` },
          status: 'active',
          forms: [pick(forms)],
        },
        `${body}\n`,
      ),
      'md',
    );
  }
  return counts;
}

function readSettingsOwner(root: string): string {
  return /^owner:\s*(\S+)/m.exec(readFileSync(join(root, 'src/content/settings/site.yaml'), 'utf8'))![1];
}

/**
 * The share card of every page that has one of its own, from the site's data: its name
 * (shareCard, the same the page links in its meta tags) and what the card shows.
 * Non-material pages share the section's card.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { Site } from '../lib/data.ts';
import { achievementNote, resultLine, topAchievement } from '../lib/display.ts';
import { countAfterOf, countOf, dateRange, numericDate, WORDS } from '../lib/format.ts';
import { flattenItems, hasMarks, tally } from '../lib/roadmap.ts';
import { shortPeriodNote, type PeriodFacts } from '../lib/provenance.ts';
import { shareCard } from '../lib/url.ts';
import { HOME_CARD, type Card } from './card.ts';

/** A consented photo, re-encoded small (and so without EXIF) for embedding in the card. */
async function photoData(photo: unknown): Promise<string | undefined> {
  const path = (photo as { fsPath?: string } | undefined)?.fsPath;
  if (!path) return undefined;
  const jpeg = await sharp(readFileSync(path)).resize(300, 300, { fit: 'cover' }).jpeg({ quality: 80 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

/**
 * A roadmap's period on its card; one the importer worked out says so, its dates short so that the
 * line (cut at its end) keeps the words.
 */
function periodLine(period: PeriodFacts): string {
  const note = shortPeriodNote(period);
  return note ? `${numericDate(period.from)} — ${numericDate(period.to)} (${note})` : dateRange(period.from, period.to);
}

export async function siteCards(site: Site): Promise<{ path: string; card: Card }[]> {
  const footer = `${site.settings.title} · ${site.owner.data.shortName}`;
  const org = (id: string) => site.organization(id).data.shortName;
  const forms = (refs: { id: string }[]) => refs.map((f) => site.form(f.id).data.title).join(', ');
  const cards: { path: string; card: Card }[] = [
    {
      path: HOME_CARD,
      card: {
        kind: 'home',
        eyebrow: 'Целевая модель наставничества',
        title: site.settings.title,
        lines: [site.settings.tagline ?? '', site.owner.data.name].filter(Boolean),
        site: footer,
      },
    },
  ];
  for (const p of site.practices) {
    const result = p.data.results[0];
    cards.push({
      path: shareCard('practices', p.id),
      card: {
        kind: 'practice',
        eyebrow: 'Лучшая практика',
        title: p.data.title,
        lines: [forms(p.data.forms), org(p.data.organization.id)],
        highlight: result ? resultLine(result) : undefined,
        site: footer,
        demo: p.data.demo,
      },
    });
  }
  for (const m of site.mentors) {
    const top = topAchievement(m.data.achievements);
    cards.push({
      path: shareCard('mentors', m.id),
      card: {
        kind: 'mentor',
        eyebrow: 'Доска почёта наставников',
        title: m.person.displayName,
        lines: [`${m.data.position}, ${org(m.data.organization.id)}`, `Сфера: ${m.data.sphere}`],
        highlight: top ? `${top.title} — ${achievementNote(top)}` : undefined,
        // Only where the person (or, for a minor, the parents) allowed a photo.
        photo: m.person.showPhoto ? await photoData(m.data.photo) : undefined,
        site: footer,
        demo: m.data.demo,
      },
    });
  }
  for (const r of site.roadmaps) {
    const counts = tally(flattenItems(r.data));
    cards.push({
      path: shareCard('roadmaps', r.id),
      card: {
        kind: 'roadmap',
        eyebrow: 'Дорожная карта',
        title: r.data.title,
        lines: [org(r.data.organization.id), periodLine(r.data.period)],
        progress: hasMarks(r.data)
          ? {
              text: `Выполнено ${counts.done} из ${countAfterOf(counts.total, WORDS.item)} — ${Math.round((100 * counts.done) / (counts.total || 1))} %`,
              share: counts.total ? counts.done / counts.total : 0,
            }
          : { text: `${countOf(counts.total, WORDS.item)} · отметок о выполнении в документе нет` },
        site: footer,
        demo: r.data.demo,
      },
    });
  }
  for (const r of site.results) {
    cards.push({
      path: shareCard('results', r.id),
      card: {
        kind: 'organization',
        eyebrow: 'Итоги учебного года',
        title: `Итоги ${r.data.schoolYear} учебного года`,
        lines: [site.organization(r.data.organization.id).data.name],
        site: footer,
        demo: r.data.demo,
      },
    });
  }
  for (const r of site.regulations) {
    cards.push({
      path: shareCard('regulations', r.id),
      card: {
        kind: 'regulation',
        eyebrow: 'Положение о наставничестве',
        title: r.data.title,
        lines: [org(r.data.organization.id)],
        site: footer,
        demo: r.data.demo,
      },
    });
  }
  for (const f of site.forms) {
    cards.push({
      path: shareCard('forms', f.id),
      card: { kind: 'form', eyebrow: 'Форма наставничества', title: f.data.title, lines: [], highlight: f.data.summary, site: footer },
    });
  }
  for (const o of site.organizations) {
    cards.push({
      path: shareCard('organizations', o.id),
      card: {
        kind: 'organization',
        eyebrow: 'Организация',
        title: o.data.shortName,
        lines: [o.data.name, [o.data.municipality, o.data.region].filter(Boolean).join(', ')].filter(Boolean),
        site: footer,
        demo: o.data.demo,
      },
    });
  }
  return cards;
}

import type { APIRoute } from 'astro';
import { loadSite, type Roadmap } from '../../lib/data.ts';
import { roadmapCalendar } from '../../lib/exports.ts';
import { buildDate, progressExplanation } from '../../lib/roadmap.ts';
import { routes } from '../../lib/url.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return site.roadmaps.map((roadmap) => ({ params: { id: roadmap.id }, props: { roadmap } }));
}

export const GET: APIRoute = async ({ props, site: siteUrl }) => {
  const { roadmap } = props as { roadmap: Roadmap };
  const site = await loadSite();
  const today = buildDate();
  const calendar = roadmapCalendar(roadmap.id, roadmap.data, {
    pageUrl: new URL(routes.roadmap(roadmap.id), siteUrl).href,
    organization: site.organization(roadmap.data.organization.id).data.shortName,
    today,
    explanation: progressExplanation(roadmap.data, today),
  });
  return new Response(calendar, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};

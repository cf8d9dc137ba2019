import type { APIRoute } from 'astro';
import { loadSite, type Roadmap } from '../../lib/data.ts';
import { roadmapCalendar } from '../../lib/exports.ts';
import { routes } from '../../lib/url.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return site.roadmaps.map((roadmap) => ({ params: { id: roadmap.id }, props: { roadmap } }));
}

export const GET: APIRoute = ({ props, site }) => {
  const { roadmap } = props as { roadmap: Roadmap };
  const page = new URL(routes.roadmap(roadmap.id), site);
  return new Response(roadmapCalendar(roadmap.id, roadmap.data, page.href, page.hostname), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};

import type { APIRoute } from 'astro';
import { loadSite, type Roadmap } from '../../lib/data.ts';
import { roadmapCsv } from '../../lib/exports.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return site.roadmaps.map((roadmap) => ({ params: { id: roadmap.id }, props: { roadmap } }));
}

export const GET: APIRoute = ({ props }) => {
  const { roadmap } = props as { roadmap: Roadmap };
  return new Response(roadmapCsv(roadmap.data), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

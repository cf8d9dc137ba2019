import type { APIRoute } from 'astro';
import { loadSite, type Roadmap } from '../../lib/data.ts';
import { roadmapCsv } from '../../lib/exports.ts';
import { buildDate, progressExplanation } from '../../lib/roadmap.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return site.roadmaps.map((roadmap) => ({ params: { id: roadmap.id }, props: { roadmap } }));
}

export const GET: APIRoute = ({ props }) => {
  const { roadmap } = props as { roadmap: Roadmap };
  const today = buildDate();
  const csv = roadmapCsv(roadmap.data, { today, explanation: progressExplanation(roadmap.data, today) });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

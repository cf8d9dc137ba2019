/**
 * The peer of the benchmark (SHARE_IMAGES=1): what an Astro user would write for share images —
 * one endpoint per page, satori and sharp inside Astro's page pipeline, no cache. The card is
 * ours (same template, same fonts), so the peer does the same work per image as our build.
 * Without SHARE_IMAGES it makes nothing, and the baseline stays plain Astro.
 */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { renderCard } from '../../../../../../src/og/render.ts';

export async function getStaticPaths() {
  if (process.env.SHARE_IMAGES !== '1') return [];
  const entries = [...(await getCollection('texts')), ...(await getCollection('records'))];
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as { entry: CollectionEntry<'texts'> | CollectionEntry<'records'> };
  const data = entry.data as Record<string, unknown>;
  const { png } = await renderCard({
    kind: 'practice',
    eyebrow: 'Лучшая практика',
    title: String(data.title ?? data.shortName ?? entry.id),
    lines: [String(data.organization ?? ''), String(data.period ?? '')].filter(Boolean),
    highlight: typeof data.result === 'string' ? data.result : undefined,
    site: 'Наставничество',
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

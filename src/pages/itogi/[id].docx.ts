import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data.ts';
import { yearReports, type YearReport } from '../../lib/year-report.ts';
import { yearReportDocx } from '../../lib/report-docx.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return yearReports(site).map((report) => ({ params: { id: report.id }, props: { report } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { report } = props as { report: YearReport };
  const body = new Uint8Array(await yearReportDocx(report));
  return new Response(body, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
};

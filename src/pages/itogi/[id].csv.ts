import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/data.ts';
import { yearReports, type YearReport } from '../../lib/year-report.ts';
import { yearReportCsv } from '../../lib/report-csv.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return yearReports(site).map((report) => ({ params: { id: report.id }, props: { report } }));
}

export const GET: APIRoute = ({ props }) => {
  const { report } = props as { report: YearReport };
  return new Response(yearReportCsv(report), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

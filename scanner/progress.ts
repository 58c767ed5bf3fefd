/** What the scan prints while it runs: a line per finished server, then a summary. */
import type { ServerResult } from './schemas/index.ts';
import type { ScanSummary } from './pipeline.ts';

/** Server text is hostile: no control characters or escape sequences reach the terminal. */
function printable(text: string, max: number): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').slice(0, max);
}

/** One line for a finished server. */
export function progressLine(r: ServerResult): string {
  const mark = r.status === 'ok' ? '✓' : '✗';
  const what = r.status === 'ok' ? `${r.tools.length} tools` : `${r.error?.kind}: ${r.error?.message ?? ''}`;
  return `${mark} ${printable(r.id, 60)}  ${r.status}  ${printable(what, 200)}  (${(r.durationMs / 1000).toFixed(1)} s)`;
}

/** The closing line: how many servers ended in each status. */
export function summaryLine(summary: ScanSummary): string {
  const counts = Object.entries(summary.byStatus)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  return `scanned ${summary.total} servers: ${counts || 'none'}`;
}

/** Drift as text for a terminal. Tool names are server-controlled: control and bidi characters are blanked. */
import type { Drift, DriftReportLine } from '../schemas/index.ts';
import { printable as blank } from '../terminal.ts';

const printable = (text: string) => blank(text, 120);

/** `1 added, 2 changed, instructions changed`. */
export function driftSummary(drift: Drift): string {
  const parts = [
    drift.added.length ? `${drift.added.length} added` : '',
    drift.removed.length ? `${drift.removed.length} removed` : '',
    drift.changed.length ? `${drift.changed.length} changed` : '',
    drift.instructionsChanged ? 'instructions changed' : '',
  ].filter(Boolean);
  return parts.join(', ') + (drift.partial ? ' (a tool list was cut short: removals not known)' : '');
}

/** The lines printed for one server: a heading, then `+`, `-` and `~` per tool. */
export function formatDrift(id: string, drift: Drift, since = 'since'): string[] {
  return [
    `~ ${printable(id)}: ${driftSummary(drift)} (${since} ${drift.since})`,
    ...drift.added.map((n) => `  + ${printable(n)}`),
    ...drift.removed.map((n) => `  - ${printable(n)}`),
    ...drift.changed.map((c) => `  ~ ${printable(c.name)}: ${c.fields.join(', ')}`),
    ...(drift.instructionsChanged ? ['  ~ (instructions)'] : []),
  ];
}

/** The whole report of `npm run diff`. */
export function formatReport(lines: readonly DriftReportLine[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.kind === 'new') out.push(`+ ${printable(line.id)}: new server`);
    else if (line.kind === 'gone') out.push(`- ${printable(line.id)}: gone`);
    else if (line.drift) out.push(...formatDrift(line.id, line.drift));
  }
  return out;
}

/**
 * Drift stage: hashes every stored result, compares it with the previous scan
 * of the same server, and compares whole scans (`npm run diff`).
 */
import type { DriftReportLine, ServerResult } from '../schemas/index.ts';
import { diffResults } from './diff.ts';

export { canonicalJson, hashOf, serverHash, snapshotOf, toolFingerprint, withHashes } from './canonical.ts';
export { diffResults, diffSnapshots } from './diff.ts';
export { PIN_MISMATCH_EXIT_CODE, checkPins, pinsOf, readPins, writePins, type PinCheck } from './pin.ts';
export { readResults } from './results.ts';
export { previousResult } from './previous.ts';
export { annotate } from './annotate.ts';
export { driftSummary, formatDrift, formatReport } from './format.ts';

/**
 * Drift between two whole scans, matched by server id: servers that changed,
 * appeared (`new`) or went away (`gone`). A server that failed in either scan has no drift.
 */
export function diffScans(before: readonly ServerResult[], after: readonly ServerResult[]): DriftReportLine[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const lines: DriftReportLine[] = [];
  for (const [id, result] of now) {
    const prev = old.get(id);
    if (!prev) lines.push({ id, kind: 'new' });
    else {
      const drift = diffResults(prev, result);
      if (drift) lines.push({ id, kind: 'changed', drift });
    }
  }
  for (const id of old.keys()) if (!now.has(id)) lines.push({ id, kind: 'gone' });
  return lines;
}

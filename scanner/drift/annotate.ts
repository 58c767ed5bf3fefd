/** Annotates a result before it is stored: its hashes, and its drift from the previous scan. */
import type { ServerResult } from '../schemas/index.ts';
import { withHashes } from './canonical.ts';
import { diffResults } from './diff.ts';

/** The result as it is stored: hashed, with its drift from `previous` when something changed. */
export function annotate(result: ServerResult, previous: ServerResult | undefined): ServerResult {
  const hashed = withHashes(result);
  const { drift: _stale, ...rest } = hashed;
  const drift = previous ? diffResults(previous, hashed) : undefined;
  return drift ? { ...rest, drift } : rest;
}

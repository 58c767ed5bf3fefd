/**
 * `npm run scan -- --json`: one JSON object per line on stdout, for CI logs.
 * A `plan` line first, a `result` line per server as it is stored, then a `summary` line.
 */
import { z } from 'zod';
import { ErrorKindSchema, StatusSchema } from './result.ts';

const count = z.number().int().nonnegative();

export const ScanEventSchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('plan'),
    /** Servers this run will scan. */
    total: count,
    /** Servers skipped because their stored result is fresh (`--resume`). */
    fresh: count,
  }),
  z.object({
    event: z.literal('result'),
    id: z.string(),
    slug: z.string(),
    status: StatusSchema,
    tools: count,
    error: z.object({ kind: ErrorKindSchema, message: z.string() }).optional(),
    truncated: z.boolean().optional(),
    durationMs: count,
    /** Servers finished so far in this run, this one included. */
    done: count,
    total: count,
  }),
  z.object({
    event: z.literal('summary'),
    total: count,
    fresh: count,
    byStatus: z.record(StatusSchema, count),
    elapsedMs: count,
    /** Set when Ctrl-C stopped the scan early. */
    interrupted: z.object({ notStarted: count, abandoned: count }).optional(),
  }),
]);
export type ScanEvent = z.infer<typeof ScanEventSchema>;

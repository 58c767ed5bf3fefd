/**
 * What every runner of the crawl benchmark shares: the report it prints (one
 * JSON line that crawl.ts reads) and, for the baselines, a plain pool of
 * workers taking the next server until none is left.
 */
import { performance } from 'node:perf_hooks';

/** Each server's outcome, as the fleet's manifest states what it should be. */
export type Results = Record<string, { status: string; tools: number }>;

const cpuMs = (u: NodeJS.ResourceUsage) => (u.userCPUTime + u.systemCPUTime) / 1000;

/**
 * Runs `work` and prints its wall time, CPU time, peak RSS and `results`; with
 * `mainThread`, also how long the main thread was busy (event-loop utilisation).
 */
export async function measure(work: () => Promise<void>, results: Results, opts: { mainThread?: boolean } = {}): Promise<void> {
  const cpuBefore = cpuMs(process.resourceUsage());
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const usage = process.resourceUsage();
  const mainThreadMs = opts.mainThread ? performance.eventLoopUtilization(elu).active : undefined;
  process.stdout.write(JSON.stringify({ wallMs, ...(mainThreadMs === undefined ? {} : { mainThreadMs }), cpuMs: cpuMs(usage) - cpuBefore, maxRssMb: usage.maxRSS / 1024, results }) + '\n');
}

/** `concurrency` workers, each taking the next item until none is left. */
export async function pool<T>(items: readonly T[], concurrency: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await each(items[next++]);
    }),
  );
}

/**
 * What every runner of the crawl benchmark shares: the report it prints (one
 * JSON line that crawl.ts reads) and, for the baselines, a plain pool of
 * workers taking the next server until none is left.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Each server's outcome, as the fleet's manifest states what it should be. */
export type Results = Record<string, { status: string; tools: number }>;

const cpuMs = (u: NodeJS.ResourceUsage) => (u.userCPUTime + u.systemCPUTime) / 1000;

/**
 * CPU time (user + system, in ms) of one task, a process or a thread, from Linux's `/proc`;
 * undefined elsewhere. Node 20 has no per-thread CPU figure of its own.
 */
export function procCpuMs(statFile: string): number | undefined {
  try {
    const stat = readFileSync(statFile, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` and prints its wall time, CPU time, peak RSS and `results`; with
 * `mainThread`, also how long the main thread was busy (event-loop utilisation) and the CPU
 * it got (where `/proc` tells): busy time beyond its CPU is time it waited for a core.
 */
export async function measure(work: () => Promise<void>, results: Results, opts: { mainThread?: boolean } = {}): Promise<void> {
  const mainStat = `/proc/self/task/${process.pid}/stat`;
  const mainCpuBefore = opts.mainThread ? procCpuMs(mainStat) : undefined;
  const cpuBefore = cpuMs(process.resourceUsage());
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const usage = process.resourceUsage();
  const mainThreadMs = opts.mainThread ? performance.eventLoopUtilization(elu).active : undefined;
  const mainCpuAfter = mainCpuBefore === undefined ? undefined : procCpuMs(mainStat);
  const mainThreadCpuMs = mainCpuBefore === undefined || mainCpuAfter === undefined ? undefined : mainCpuAfter - mainCpuBefore;
  process.stdout.write(JSON.stringify({ wallMs, ...(mainThreadMs === undefined ? {} : { mainThreadMs }), ...(mainThreadCpuMs === undefined ? {} : { mainThreadCpuMs }), cpuMs: cpuMs(usage) - cpuBefore, maxRssMb: usage.maxRSS / 1024, results }) + '\n');
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

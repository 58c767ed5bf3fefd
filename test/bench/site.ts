/**
 * `npm run bench:site -- [--servers 4600] [--tools 31000] [--seed 1] [--keep] [--data DIR]`
 * (`--data` builds an existing data directory instead of writing one)
 *
 * Writes synthetic scan results of that size (test/bench/synthetic.ts), builds
 * the catalogue with `buildSite`, and prints for each step (Astro pages, other
 * files, search index) its wall time, its peak memory and what it wrote, next
 * to the targets and their ratio.
 *
 * Peak memory, two ways, both printed:
 * - `tree`: the resident set (VmRSS) of the step's processes (two Astro
 *   builds at once for the pages) and all their descendants, summed, sampled
 *   from /proc every 20 ms (a spike shorter than that can be missed);
 * - `self`: each step process's own peak resident set as the kernel recorded
 *   it (getrusage maxrss, reported by the process as it ends), summed over the
 *   step's processes: exact per process, but without their child processes
 *   (esbuild's service during the Astro step), and an upper bound when two
 *   processes peak at different times.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, type BuildStepName } from '../../site/build.ts';
import { writeSyntheticData } from './synthetic.ts';

/** Targets of issue 3 at 31,000 tools on 2 cores. */
const TARGETS: Record<'pages' | 'search', { seconds: number; bytes: number }> = {
  pages: { seconds: 25, bytes: 1.5 * 1024 ** 3 },
  search: { seconds: 15, bytes: 2 * 1024 ** 3 },
};

const SAMPLE_MS = 20;

/** The direct children of a process (Linux `/proc/<pid>/task/<tid>/children`, every thread). */
async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const out: number[] = [];
  for (const tid of tasks) {
    const text = await readFile(`/proc/${pid}/task/${tid}/children`, 'utf8').catch(() => '');
    for (const c of text.split(' ')) if (c.trim()) out.push(Number(c));
  }
  return out;
}

/** Resident bytes of these processes and every process below them, from /proc. */
async function treeRss(pids: readonly number[]): Promise<number> {
  let total = 0;
  const queue = [...pids];
  while (queue.length) {
    const p = queue.pop()!;
    const status = await readFile(`/proc/${p}/status`, 'utf8').catch(() => '');
    const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
    if (m) total += Number(m[1]) * 1024;
    queue.push(...(await childrenOf(p)));
  }
  return total;
}

/** Samples the trees of a step's processes (added as they start) until `stop()`; resolves to the peak of their sum. */
function sampler(): { add: (pid: number) => void; stop: () => Promise<number> } {
  const pids: number[] = [];
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await treeRss(pids));
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  return {
    add: (pid) => pids.push(pid),
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

async function sizeOf(dir: string, skip?: string): Promise<{ files: number; bytes: number; html: number }> {
  let files = 0;
  let bytes = 0;
  let html = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    if (skip && path.startsWith(skip)) continue;
    files++;
    if (e.name.endsWith('.html')) html++;
    bytes += (await stat(path)).size;
  }
  return { files, bytes, html };
}

const mb = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '4600' },
      tools: { type: 'string', default: '31000' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      data: { type: 'string' },
    },
  });
  const servers = Number(values.servers);
  const tools = Number(values.tools);
  if (!Number.isInteger(servers) || servers < 1 || !Number.isInteger(tools) || tools < 0) {
    process.stderr.write('usage: npm run bench:site -- [--servers N] [--tools N] [--seed N] [--keep]\n');
    process.exit(2);
  }
  const base = await mkdtemp(join(tmpdir(), 'census-bench-site-'));
  let data = join(base, 'data');
  const out = join(base, 'dist');
  try {
    let t = performance.now();
    if (values.data) {
      data = values.data;
      console.log(`data: ${data} (given)`);
    } else {
      const written = await writeSyntheticData(data, { servers, tools, seed: Number(values.seed) });
      console.log(`synthetic data: ${written.servers} servers, ${written.tools} tools, ${mb(written.bytes)} of JSON (${sec(performance.now() - t)})`);
    }

    const samplers = new Map<BuildStepName, ReturnType<typeof sampler>>();
    t = performance.now();
    const built = await buildSite({
      dataDir: data,
      outDir: out,
      onStep: (step, pid) => {
        let s = samplers.get(step);
        if (!s) samplers.set(step, (s = sampler()));
        s.add(pid);
      },
    });
    const wall = performance.now() - t;
    const peaks = new Map<BuildStepName, number>();
    for (const [step, s] of samplers) peaks.set(step, await s.stop());

    const search = await sizeOf(join(out, 'search'));
    const rest = await sizeOf(out, join(out, 'search'));
    console.log(`built ${built.pages} HTML pages, ${rest.files} files (${mb(rest.bytes)}) besides the search index; search index ${search.files} files (${mb(search.bytes)})`);
    console.log('');
    console.log('step     wall      cpu       peak tree   peak self');
    for (const step of built.steps) {
      console.log(
        `${step.name.padEnd(8)} ${sec(step.ms).padStart(7)}   ${sec(step.cpuMs).padStart(7)}   ${mb(peaks.get(step.name) ?? 0).padStart(9)}   ${mb(step.maxRssBytes).padStart(9)}`,
      );
    }
    const by = (name: BuildStepName) => built.steps.find((s) => s.name === name)!;
    const peakOf = (name: BuildStepName) => Math.max(peaks.get(name) ?? 0, by(name).maxRssBytes);
    // Lanes: pages beside (tools, then search); then files (two processes). Peaks of processes that ran at once add up.
    const pagesPeak = Math.max(peakOf('pages') + Math.max(peakOf('tools'), peakOf('search')), peakOf('files'));
    const pagesCpu = by('pages').cpuMs + by('tools').cpuMs + by('files').cpuMs;
    const row = (what: string, ms: number, bytes: number, target: { seconds: number; bytes: number }) =>
      console.log(
        `${what.padEnd(44)} ${sec(ms).padStart(7)} ${mb(bytes).padStart(9)}   target ${target.seconds} s, ${mb(target.bytes)}   ratio ${(ms / 1000 / target.seconds).toFixed(2)}, ${(bytes / target.bytes).toFixed(2)}`,
      );
    console.log('');
    console.log('against the targets                             wall      peak');
    row('all pages and files (whole build, search too)', wall, pagesPeak, TARGETS.pages);
    row('search index', by('search').ms, peakOf('search'), TARGETS.search);
    console.log(
      `CPU time: pages and files ${sec(pagesCpu)}, search ${sec(by('search').cpuMs)}; on 2 idle cores the build's wall time is at least half their sum`,
    );
    const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ').slice(0, 3).join(' ');
    console.log(`load average during the run (1, 5, 15 min): ${load} on ${availableParallelism()} cores; figures from a busy machine overstate wall time`);
    if (values.keep) console.log(`kept ${base}`);
  } finally {
    if (!values.keep) await rm(base, { recursive: true, force: true });
  }
}

await main();

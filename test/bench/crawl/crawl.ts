/**
 * `npm run bench:crawl -- [--servers N] [--latency MS] [--concurrency C[,C2…]] [--no-sdk] [--crawl-only] [--inline] [--floor]`
 *
 * Starts a fleet of N Streamable HTTP MCP servers on loopback (fleet.ts, its own
 * process), then, in the same run and against the same fleet, our scanner
 * (run-scanner.ts) and a plain pool of the SDK's `Client` (run-sdk.ts), each in
 * its own process at the same concurrency. Prints servers/s, wall time, peak
 * memory of each, the latency bound (the fewest sequential round trips every
 * server needs × latency ÷ concurrency), each one's efficiency against it, the
 * ratio of the two, and whether every status and tool count is right.
 * With `--crawl-only`, a third row: the scanner's crawling stages alone (scheduler,
 * connect, list; no classification, policies or files). With `--inline`, a row for
 * the scanner with every stage on the main thread (no offload worker). With `--floor`, a row
 * for the least client that gets every answer (run-floor.ts): how close to the bound this
 * machine and the fleet let any client come, and each row's share of that.
 * On Linux each row also shows the CPU the fleet spent serving it (the two cores are shared)
 * and, for the scanner's rows, the CPU its main thread got beside how long it was busy.
 * Exits 1 when any result is wrong.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import type { FleetServer } from './fleet.ts';
import { procCpuMs } from './measure.ts';

const here = import.meta.dirname;

interface Report {
  wallMs: number;
  /** CPU time (user + system) the run took: the figure least disturbed by a busy machine. */
  cpuMs: number;
  /** Time the scanner's main thread was busy (event-loop utilisation). */
  mainThreadMs?: number;
  /** CPU time the scanner's main thread got (Linux only); busy time beyond it was spent waiting for a core. */
  mainThreadCpuMs?: number;
  /** CPU time the fleet spent serving this run (Linux only): the other user of the machine's cores. */
  fleetCpuMs?: number;
  maxRssMb: number;
  results: Record<string, { status: string; tools: number }>;
}

/** The fewest sequential round trips our scanner needs for a server of each kind. */
const ROUND_TRIPS: Record<FleetServer['expect']['status'], number> = {
  ok: 2, // initialize; then tools/list (the initialized notification is pipelined beside it)
  auth_required: 2, // the 401; then its RFC 9728 resource metadata
  unreachable: 0, // a refused connection costs no latency
};

function child(file: string, args: string[]): Promise<Report> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(here, file), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${file} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as Report);
    });
  });
}

async function startFleet(n: number, latency: number, manifestFile: string): Promise<{ manifest: FleetServer[]; cpuMs(): number | undefined; stop(): void }> {
  const p = spawn(process.execPath, ['--import', 'tsx', join(here, 'fleet.ts'), String(n), String(latency), manifestFile], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: p.stdout });
  await new Promise<void>((resolve, reject) => {
    p.once('exit', (code) => reject(new Error(`the fleet exited with ${code}`)));
    lines.on('line', (line) => line === 'ready' && resolve());
  });
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as FleetServer[];
  return {
    manifest,
    cpuMs: () => procCpuMs(`/proc/${p.pid}/stat`),
    stop: () => {
      p.removeAllListeners('exit');
      p.stdin.end();
    },
  };
}

/** Servers whose status or tool count differs from what the fleet serves. */
function wrong(manifest: FleetServer[], report: Report): string[] {
  const bad: string[] = [];
  for (const s of manifest) {
    const got = report.results[s.id];
    if (!got || got.status !== s.expect.status || got.tools !== s.expect.tools) {
      bad.push(`${s.id}: expected ${s.expect.status}/${s.expect.tools}, got ${got ? `${got.status}/${got.tools}` : 'nothing'}`);
    }
  }
  return bad;
}

const pad = (s: string, n: number) => s.padEnd(n);

/** How busy the scanner's main thread was (share of the wall time) and the CPU it got. */
function mainThread(r: Report): string {
  if (r.mainThreadMs === undefined) return '';
  const busy = `${((100 * r.mainThreadMs) / r.wallMs).toFixed(0)}%`;
  return r.mainThreadCpuMs === undefined ? busy : `${busy}, ${(r.mainThreadCpuMs / 1000).toFixed(2)} s`;
}

/**
 * System CPU a new file costs here, written and renamed into place as the scanner's store
 * does, in µs: on ext4 without a journal it grows for minutes after thousands of files were
 * deleted (the inode allocator steps over every recently deleted inode), which moves the
 * scanner's figures more than most changes do. Printed so that such a run can be told apart.
 */
function fileCost(dir: string, files = 2000): number {
  mkdirSync(dir, { recursive: true });
  const text = '{}\n'.repeat(200);
  const before = process.resourceUsage().systemCPUTime;
  for (let i = 0; i < files; i++) {
    writeFileSync(join(dir, `${i}.tmp`), text);
    renameSync(join(dir, `${i}.tmp`), join(dir, `${i}.json`));
  }
  return (process.resourceUsage().systemCPUTime - before) / files;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      servers: { type: 'string', default: '2000' },
      latency: { type: 'string', default: '100' },
      concurrency: { type: 'string', default: '64,256' },
      'no-sdk': { type: 'boolean', default: false },
      'crawl-only': { type: 'boolean', default: false },
      inline: { type: 'boolean', default: false },
      floor: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.servers);
  const latency = Number(values.latency);
  const levels = String(values.concurrency).split(',').map(Number);
  if (!(n > 0) || !(latency >= 0) || levels.some((c) => !(c > 0))) throw new Error('--servers, --latency and --concurrency must be positive numbers');
  const dir = await mkdtemp(join(tmpdir(), 'bench-crawl-'));
  const fleet = await startFleet(n, latency, join(dir, 'manifest.json'));
  let failed = false;
  try {
    const mix = { ok: 0, auth_required: 0, unreachable: 0 };
    for (const s of fleet.manifest) mix[s.expect.status]++;
    const trips = fleet.manifest.reduce((sum, s) => sum + ROUND_TRIPS[s.expect.status], 0);
    console.log(`crawl benchmark: ${n} servers (${mix.ok} ok with 1–13 tools, ${mix.auth_required} 401, ${mix.unreachable} refused), latency ${latency} ms per response`);
    console.log(`file system: a new file costs ${fileCost(join(dir, 'file-cost')).toFixed(0)} µs of system CPU (the scanner writes two a server; see the README on files deleted minutes before)`);
    for (const c of levels) {
      const boundMs = (trips * latency) / c;
      console.log(`\nconcurrency ${c}: latency bound ${trips} round trips × ${latency} ms ÷ ${c} = ${(boundMs / 1000).toFixed(2)} s`);
      // Each run writes into a folder of its own, and every folder is removed at the end: on ext4,
      // creating files within a minute (up to six) of deleting thousands makes every new inode step
      // over the recently deleted ones (`recently_deleted` in the kernel's inode allocator), so
      // removing one run's files right before the next would slow the next run's writes.
      const run = async (file: string, args: string[]): Promise<Report> => {
        const fleetBefore = fleet.cpuMs();
        const report = await child(file, args);
        const fleetAfter = fleet.cpuMs();
        return fleetBefore === undefined || fleetAfter === undefined ? report : { ...report, fleetCpuMs: fleetAfter - fleetBefore };
      };
      const scanner = (mode?: 'inline' | 'crawl-only') =>
        run('run-scanner.ts', [join(dir, 'manifest.json'), String(c), join(dir, `scan-${c}-${mode ?? 'default'}`), ...(mode ? [mode] : [])]);
      const runs: [string, Report][] = [['mcp-census', await scanner()]];
      if (values.inline) runs.push(['  --no-offload', await scanner('inline')]);
      if (values['crawl-only']) runs.push(['  crawl only', await scanner('crawl-only')]);
      if (!values['no-sdk']) runs.push(['SDK Client pool', await run('run-sdk.ts', [join(dir, 'manifest.json'), String(c)])]);
      if (values.floor) runs.push(['minimal client', await run('run-floor.ts', [join(dir, 'manifest.json'), String(c)])]);
      console.log(`  ${pad('', 16)}${pad('wall', 10)}${pad('servers/s', 11)}${pad('peak RSS', 11)}${pad('of bound', 10)}${pad('CPU/server', 12)}${pad('fleet CPU', 11)}${pad('main thread: busy, CPU', 24)}results`);
      for (const [name, r] of runs) {
        const bad = wrong(fleet.manifest, r);
        failed ||= bad.length > 0;
        const verdict = bad.length ? `${bad.length} WRONG, e.g. ${bad.slice(0, 3).join('; ')}` : 'all right';
        console.log(
          `  ${pad(name, 16)}${pad(`${(r.wallMs / 1000).toFixed(2)} s`, 10)}${pad((n / (r.wallMs / 1000)).toFixed(0), 11)}${pad(`${r.maxRssMb.toFixed(0)} MB`, 11)}${pad(`${((100 * boundMs) / r.wallMs).toFixed(0)}%`, 10)}${pad(`${(r.cpuMs / n).toFixed(2)} ms`, 12)}${pad(r.fleetCpuMs === undefined ? '' : `${(r.fleetCpuMs / 1000).toFixed(2)} s`, 11)}${pad(mainThread(r), 24)}${verdict}`,
        );
      }
      const sdk = runs.find(([name]) => name === 'SDK Client pool');
      if (sdk) {
        for (const [name, r] of runs.filter((run) => run !== sdk)) console.log(`  ${name.trim()} is ${(sdk[1].wallMs / r.wallMs).toFixed(2)}× as fast as the SDK pool`);
      }
      const floor = runs.find(([name]) => name === 'minimal client');
      if (floor) {
        for (const [name, r] of runs.filter((run) => run !== floor)) console.log(`  ${name.trim()} runs at ${((100 * floor[1].wallMs) / r.wallMs).toFixed(0)}% of the minimal client's speed`);
      }
    }
  } finally {
    fleet.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);

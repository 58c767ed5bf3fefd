/**
 * Builds the static catalogue of a data directory with Astro's programmatic `build()`.
 *
 * The build runs in a child process (`build-worker.mjs`):
 * - its environment carries CENSUS_DATA and ASTRO_TELEMETRY_DISABLED without
 *   touching this process's `process.env`;
 * - its working directory is a fresh folder of this build only, inside the
 *   git-ignored `site/.astro/builds/`. When outDir is outside the working
 *   directory, Astro stages its server chunks in `<cwd>/.astro/` (where the
 *   project's node_modules resolve), copies the site to outDir and deletes the
 *   staging folder: so two builds at once never share (or delete) a staging
 *   folder, and nothing lands in the repository outside `site/.astro/`;
 * - Astro's and Vite's caches go to that same folder, removed when the build ends;
 * - the memory of a 31,000-page build is returned when it ends.
 *
 * Steps, each a process of its own that reports its time, CPU time and peak
 * memory, two at a time (one per core of a 2-core machine):
 * 1. `pages` (Astro: every page but the tool pages) beside `tools` (the
 *    31,000 tool pages, written by site/src/emit/worker.ts from the same
 *    renderers and shell) then `search` (the search index), both into a
 *    staging folder moved into outDir after (Astro empties outDir as it starts);
 * 2. `files` (policies, the API, sitemap, robots.txt, llms.txt), written
 *    straight from the data by two processes, half the servers each.
 */
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface BuildSiteOptions {
  /** Folder with `servers/<slug>.json` and `policies/<slug>.json`. */
  dataDir: string;
  /** Where the site is written. Emptied first. */
  outDir: string;
  /**
   * The address the site will be served at, for the absolute URLs of `sitemap.xml` and `robots.txt`.
   * @default 'http://localhost:4321/'
   * Why: sitemaps must hold absolute URLs; the default is where `npm start` serves it.
   */
  siteUrl?: string;
  /** Called as each step's process starts (the benchmark samples its memory through /proc). @default none */
  onStep?: (step: BuildStepName, pid: number) => void;
}

export type BuildStepName = 'pages' | 'tools' | 'files' | 'search';

/** What one step of the build took, measured by the parent (time) and by its process (peak memory). */
export interface BuildStep {
  name: BuildStepName;
  /** Wall time from spawning the process to its exit. */
  ms: number;
  /** The process's own peak resident set (getrusage maxrss), in bytes; its child processes not included. */
  maxRssBytes: number;
  /** CPU time (user + system) of the step's process: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** What a non-Astro step wrote, as it reported it. */
  summary?: Record<string, number>;
}

export interface BuiltSite {
  /** HTML pages written. */
  pages: number;
  steps: BuildStep[];
}

/** A failed build; `output` holds what Astro printed. */
export class SiteBuildError extends Error {
  constructor(
    message: string,
    readonly output: string,
    /** True when the data directory, not the site, is at fault (a missing folder, a file that fails its schema). */
    readonly badInput = false,
  ) {
    super(message);
    this.name = 'SiteBuildError';
  }
}

const SITE_DIR = import.meta.dirname;
const WORKER = join(SITE_DIR, 'build-worker.mjs');
const EMIT_WORKER = join(SITE_DIR, 'src', 'emit', 'worker.ts');
/** tsx's loader, for the TypeScript emit worker. */
const TSX_LOADER = import.meta.resolve('tsx');
/** Most output kept from the build process, for the error. */
const MAX_OUTPUT = 64 * 1024;

/** `a` is `b` or a folder inside it. */
function isWithin(a: string, b: string): boolean {
  const rel = relative(b, a);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function countHtml(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n++;
  }
  return n;
}

interface WorkerOutcome {
  ok: boolean;
  message?: string;
  maxRssBytes?: number;
  cpuMs?: number;
  summary?: Record<string, number>;
}

function runWorker(
  step: BuildStepName,
  outDir: string,
  workDir: string,
  dataDir: string,
  opts: BuildSiteOptions,
  part = '0/1',
): Promise<BuildStep> {
  return new Promise((done, fail) => {
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT);
    };
    let outcome: WorkerOutcome | undefined;
    const started = performance.now();
    const [script, args, execArgv] =
      step === 'pages'
        ? [WORKER, [outDir, join(workDir, 'cache')], []]
        : [EMIT_WORKER, [step, outDir, opts.siteUrl ?? 'http://localhost:4321/', part], ['--import', TSX_LOADER]];
    const child = fork(script, args, {
      cwd: workDir,
      env: { ...process.env, CENSUS_DATA: dataDir, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      execArgv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    if (child.pid !== undefined) opts.onStep?.(step, child.pid);
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.on('message', (m) => {
      outcome = m as typeof outcome;
    });
    child.on('error', (err) => fail(new SiteBuildError(`Site build could not start: ${err.message}`, output)));
    child.on('close', (code, signal) => {
      if (outcome?.ok && code === 0) {
        // Quiet on success: only what Astro warned about.
        if (output.trim()) process.stderr.write(output);
        done({ name: step, ms: performance.now() - started, maxRssBytes: outcome.maxRssBytes ?? 0, cpuMs: outcome.cpuMs ?? 0, ...(outcome.summary ? { summary: outcome.summary } : {}) });
        return;
      }
      const why = outcome?.message ?? `the build process ended with ${signal ?? `code ${code}`}\n${output.trim()}`;
      const dataError = /Invalid catalogue data in .*/.exec(why);
      if (dataError) fail(new SiteBuildError(dataError[0], output, true));
      else fail(new SiteBuildError(`Site build failed: ${why}`, output));
    });
  });
}

/** Moves what was written into `staging` (tool pages, search index) into `outDir`, a folder or file at a time. */
async function moveStaged(staging: string, outDir: string): Promise<void> {
  for (const top of ['tools', 'search']) {
    const from = join(staging, top);
    if (!(await isDirectory(from))) continue;
    await mkdir(join(outDir, top), { recursive: true });
    for (const name of await readdir(from)) await rename(join(from, name), join(outDir, top, name));
  }
}

/**
 * Like `Promise.all`, but settles only when every step has ended: a step that
 * fails must not leave its sibling writing into the work folder being removed.
 */
async function allFinished<T extends readonly unknown[]>(steps: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(steps);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** Builds the catalogue of `dataDir` into `outDir`; resolves with the number of HTML pages written and what each step took. */
export async function buildSite(opts: BuildSiteOptions): Promise<BuiltSite> {
  const dataDir = resolve(opts.dataDir);
  const outDir = resolve(opts.outDir);
  if (!(await isDirectory(join(dataDir, 'servers')))) {
    throw new SiteBuildError(`Site build failed: ${join(dataDir, 'servers')} is not a folder: the data directory must hold servers/<slug>.json files from a scan`, '', true);
  }
  // Astro empties outDir first: refuse folders whose emptying would destroy the data or the site's sources.
  for (const precious of [dataDir, SITE_DIR]) {
    if (isWithin(precious, outDir)) throw new SiteBuildError(`Site build refused: outDir ${outDir} contains ${precious} and would be emptied`, '', true);
  }
  for (const source of [join(SITE_DIR, 'src'), join(SITE_DIR, 'public')]) {
    if (isWithin(outDir, source)) throw new SiteBuildError(`Site build refused: outDir ${outDir} is inside the site's sources ${source}`, '', true);
  }
  await mkdir(outDir, { recursive: true });
  const builds = join(SITE_DIR, '.astro', 'builds');
  await mkdir(builds, { recursive: true });
  const workDir = await mkdtemp(join(builds, 'build-'));
  const steps: BuildStep[] = [];
  try {
    const staging = join(workDir, 'staging');
    const [pages, [tools, search]] = await allFinished([
      runWorker('pages', outDir, workDir, dataDir, opts),
      (async () => [await runWorker('tools', staging, workDir, dataDir, opts), await runWorker('search', staging, workDir, dataDir, opts)] as const)(),
    ] as const);
    await moveStaged(staging, outDir);
    // The files, half the servers each, side by side.
    const files = await allFinished([0, 1].map((i) => runWorker('files', outDir, workDir, dataDir, opts, `${i}/2`)));
    steps.push(pages, tools, search, {
      name: 'files',
      ms: Math.max(...files.map((f) => f.ms)),
      cpuMs: files.reduce((n, f) => n + f.cpuMs, 0),
      maxRssBytes: files.reduce((n, f) => n + f.maxRssBytes, 0),
      summary: { files: files.reduce((n, f) => n + (f.summary?.files ?? 0), 0), bytes: files.reduce((n, f) => n + (f.summary?.bytes ?? 0), 0) },
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return { pages: await countHtml(outDir), steps };
}

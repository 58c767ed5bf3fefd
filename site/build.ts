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
 */
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface BuildSiteOptions {
  /** Folder with `servers/<slug>.json` and `policies/<slug>.json`. */
  dataDir: string;
  /** Where the site is written. Emptied first. */
  outDir: string;
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

function runWorker(outDir: string, workDir: string, dataDir: string): Promise<void> {
  return new Promise((done, fail) => {
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT);
    };
    let outcome: { ok: boolean; message?: string } | undefined;
    const child = fork(WORKER, [outDir, join(workDir, 'cache')], {
      cwd: workDir,
      env: { ...process.env, CENSUS_DATA: dataDir, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
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
        done();
        return;
      }
      const why = outcome?.message ?? `the build process ended with ${signal ?? `code ${code}`}\n${output.trim()}`;
      const dataError = /Invalid catalogue data in .*/.exec(why);
      if (dataError) fail(new SiteBuildError(dataError[0], output, true));
      else fail(new SiteBuildError(`Site build failed: ${why}`, output));
    });
  });
}

/** Builds the catalogue of `dataDir` into `outDir`; resolves with the number of HTML pages written. */
export async function buildSite(opts: BuildSiteOptions): Promise<{ pages: number }> {
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
  try {
    await runWorker(outDir, workDir, dataDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return { pages: await countHtml(outDir) };
}

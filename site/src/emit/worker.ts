/**
 * One build step that is not Astro, in a process of its own (spawned by
 * `buildSite` with tsx's loader): `tools` (the tool pages), `files` (policies,
 * API, sitemap, robots.txt, llms.txt) or `search` (the search index). Its own process so that its time
 * and peak memory are its own, and its memory is returned when it ends.
 *
 * Usage: node --import tsx site/src/emit/worker.ts tools|files|search OUT_DIR SITE_URL [PART/PARTS]
 * (data directory in $CENSUS_DATA). Reports `{ok, ms, maxRssBytes, summary}`
 * or `{ok: false, message}` over the IPC channel.
 */
import { catalogue } from '../data.ts';
import { writeSearchIndex } from '../search/build-index.ts';
import { writeCatalogueFiles } from './files.ts';
import { writeToolPages } from './tools.ts';

function report(message: unknown): Promise<void> {
  return new Promise((done) => (process.send ? process.send(message, () => done()) : done()));
}

const [step, outDir, siteUrl, partArg] = process.argv.slice(2);
/** `index/count`: the share of the per-server files this process writes (`files` only). */
const part = /^(\d+)\/(\d+)$/.exec(partArg ?? '0/1');
const started = performance.now();
try {
  if (!outDir || !['tools', 'files', 'search'].includes(step) || !part || Number(part[1]) >= Number(part[2])) {
    throw new Error('usage: worker.ts tools|files|search OUT_DIR SITE_URL [PART/PARTS]');
  }
  const cat = catalogue();
  const summary =
    step === 'tools'
      ? writeToolPages(cat, outDir)
      : step === 'files'
        ? await writeCatalogueFiles(cat, outDir, siteUrl || 'http://localhost:4321/', { index: Number(part[1]), count: Number(part[2]) })
        : await writeSearchIndex(cat, outDir);
  // resourceUsage().maxRSS is the kernel's peak resident set of this process, in KiB.
  const usage = process.resourceUsage();
  await report({ ok: true, ms: performance.now() - started, maxRssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, summary });
  process.exit(0);
} catch (err) {
  await report({ ok: false, message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}

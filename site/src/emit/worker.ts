/**
 * One build step that is not Astro, in a process of its own (spawned by
 * `buildSite` with tsx's loader): `tools` (the tool pages), `files` (policies,
 * API, sitemap, robots.txt, llms.txt) or `search` (the search index). Its own process so that its time
 * and peak memory are its own, and its memory is returned when it ends.
 *
 * Usage: node --import tsx site/src/emit/worker.ts tools|files|search OUT_DIR SITE_URL
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

const [step, outDir, siteUrl] = process.argv.slice(2);
const started = performance.now();
try {
  if (!outDir || !['tools', 'files', 'search'].includes(step)) throw new Error('usage: worker.ts tools|files|search OUT_DIR SITE_URL');
  const cat = catalogue();
  const summary =
    step === 'tools'
      ? writeToolPages(cat, outDir)
      : step === 'files'
        ? await writeCatalogueFiles(cat, outDir, siteUrl || 'http://localhost:4321/')
        : await writeSearchIndex(cat, outDir);
  // resourceUsage().maxRSS is the kernel's peak resident set of this process, in KiB.
  const usage = process.resourceUsage();
  await report({ ok: true, ms: performance.now() - started, maxRssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, summary });
  process.exit(0);
} catch (err) {
  await report({ ok: false, message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}

// One Astro build, in a process of its own: spawned by `buildSite` (site/build.ts),
// which sets its working directory, CENSUS_DATA and ASTRO_TELEMETRY_DISABLED.
// Usage: node site/build-worker.mjs OUT_DIR CACHE_DIR
// Reports `{ok: true}` or `{ok: false, message}` over the IPC channel.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';

const [outDir, cacheDir] = process.argv.slice(2);
const root = fileURLToPath(new URL('.', import.meta.url));

function report(message) {
  return new Promise((done) => (process.send ? process.send(message, () => done()) : done()));
}

try {
  if (!outDir || !cacheDir) throw new Error('usage: build-worker.mjs OUT_DIR CACHE_DIR');
  await build({
    root,
    outDir,
    // Astro's and Vite's caches go to a folder of this build only (removed by buildSite),
    // never into the repository.
    cacheDir,
    vite: { cacheDir: join(cacheDir, 'vite'), logLevel: 'warn' },
    logLevel: 'warn',
    mode: 'production',
  });
  // resourceUsage().maxRSS: the kernel's peak resident set of this process, in KiB.
  const usage = process.resourceUsage();
  await report({ ok: true, maxRssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 });
  process.exit(0);
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  await report({ ok: false, message, name: err?.name, stack: err?.stack });
  process.exit(1);
}

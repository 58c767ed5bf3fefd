/**
 * The crawl benchmark's scanner side: runs the real pipeline (connect, list,
 * classify, policy, drift, store) over the fleet's servers in this process, through
 * `scan()`, the entry `npm run scan` calls, with its defaults; so its peak memory
 * is the scanner's alone. `run-scanner.ts MANIFEST CONCURRENCY OUT_DIR [crawl-only|inline]`
 * prints one JSON line: wall time, main-thread busy time, CPU time, peak RSS, and every server's status and tool count.
 * With `crawl-only`, only the crawling stages run (the scheduler, connect and list: no
 * classification, policies or files), to show what the crawl itself costs. With `inline`, the
 * scan runs with `offload: false` (every stage on the main thread).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan } from '../../../scanner/run.ts';
import { connect, statusFor, toScanError } from '../../../scanner/connect/index.ts';
import { createAgents } from '../../../scanner/connect/agent.ts';
import { runPolitely } from '../../../scanner/connect/hosts.ts';
import { listTools } from '../../../scanner/list/tools.ts';
import type { FleetServer } from './fleet.ts';
import { measure, type Results } from './measure.ts';

const [manifestFile, concurrency, out, mode] = [process.argv[2], Number(process.argv[3]), process.argv[4], process.argv[5]];
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as FleetServer[];
mkdirSync(out, { recursive: true });
const servers = join(out, 'servers.json');
writeFileSync(servers, JSON.stringify({ mcpServers: Object.fromEntries(manifest.map((s) => [s.id, { url: s.url }])) }));
const results: Results = {};
await measure(async () => {
  if (mode === 'crawl-only') {
    const agents = createAgents({ allowPrivate: true });
    await runPolitely(manifest, (s) => new URL(s.url).hostname, concurrency, {}, async (server) => {
      const cleanups: (() => unknown)[] = [];
      const target = { id: server.id, slug: server.id, kind: 'remote' as const, entry: { url: server.url, headers: {} } };
      try {
        const session = await connect(target, { allowPrivate: true, signal: AbortSignal.timeout(60_000), agents, defer: (fn) => cleanups.push(fn) });
        results[server.id] = { status: 'ok', tools: (await listTools(session)).tools.length };
      } catch (err) {
        results[server.id] = { status: statusFor(toScanError(err).kind), tools: 0 };
      } finally {
        for (const fn of cleanups) await fn();
      }
    });
    agents.destroy();
  } else {
    await scan({
      servers,
      out,
      concurrency,
      allowPrivate: true,
      timeoutSeconds: 60,
      ...(mode === 'inline' ? { offload: false } : {}),
      onResult: (r) => void (results[r.id] = { status: r.status, tools: r.toolCount }),
    });
  }
}, results, { mainThread: true });

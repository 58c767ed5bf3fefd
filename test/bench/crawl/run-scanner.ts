/**
 * The crawl benchmark's scanner side: runs the real pipeline (connect, list,
 * classify, policy, store) over the fleet's servers in this process, so its
 * peak memory is the scanner's alone. `run-scanner.ts MANIFEST CONCURRENCY OUT_DIR`
 * prints one JSON line: wall time, peak RSS, and every server's status and tool count.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScan } from '../../../scanner/pipeline.ts';
import type { FleetServer } from './fleet.ts';

const [manifestFile, concurrency, out] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as FleetServer[];
mkdirSync(out, { recursive: true });
const servers = join(out, 'servers.json');
writeFileSync(servers, JSON.stringify({ mcpServers: Object.fromEntries(manifest.map((s) => [s.id, { url: s.url }])) }));
const results: Record<string, { status: string; tools: number }> = {};
const cpuMs = (u: NodeJS.ResourceUsage) => (u.userCPUTime + u.systemCPUTime) / 1000;
const cpuBefore = cpuMs(process.resourceUsage());
const started = performance.now();
await runScan({
  servers,
  out,
  concurrency,
  allowPrivate: true,
  timeoutSeconds: 60,
  onResult: (r) => void (results[r.id] = { status: r.status, tools: r.tools.length }),
});
const wallMs = performance.now() - started;
const usage = process.resourceUsage();
process.stdout.write(JSON.stringify({ wallMs, cpuMs: cpuMs(usage) - cpuBefore, maxRssMb: usage.maxRSS / 1024, results }) + '\n');

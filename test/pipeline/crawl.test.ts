// Long runs: shards, --resume after SIGKILL, Ctrl-C, and the progress output.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawMcpServer, tool, type RawRunning } from '../helpers/raw-mcp.ts';
import { listen } from '../helpers/mcp-servers.ts';
import { projectPath } from '../helpers/scan.ts';
import { OFFLOAD_MIN_SERVERS, runScan, shardOf } from '../../scanner/pipeline.ts';
import { completeServer, outcomeOf, type Crawled } from '../../scanner/finish.ts';
import { prepareStore } from '../../scanner/store/index.ts';
import { Offload } from '../../scanner/offload.ts';
import { ScanEventSchema, type ScanEvent } from '../../scanner/schemas/scan-event.ts';
import { ServerResultSchema } from '../../scanner/schemas/index.ts';
import { ScanProgress, statusLine } from '../../scanner/progress.ts';
import { parseShard } from '../../scanner/crawl-options.ts';

/** Runs the scan command; resolves with its exit code and output. `onStart` gets the child. */
function cli(args: string[], onStart?: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', projectPath('scanner/cli.ts'), 'scan', ...args], { cwd: projectPath() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onStart?.(child);
  });
}

/** Slow servers: each holds initialize for `ms`, and counts its initializes. */
async function slowServers(n: number, ms: number): Promise<RawRunning[]> {
  const servers: RawRunning[] = [];
  for (let i = 0; i < n; i++) {
    servers.push(
      await rawMcpServer({
        tools: [tool(`get_${i}`)],
        intercept: async (_req, _res, msg) => {
          if (msg?.method === 'initialize') await new Promise((r) => setTimeout(r, ms));
          return false;
        },
      }),
    );
  }
  return servers;
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const jsonFiles = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));

describe('long runs', () => {
  const running: RawRunning[] = [];
  after(() => Promise.all(running.map((s) => s.close())));

  it('--shard i/n: every server lands in exactly one shard, the same one every time', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `server-${i}`);
    for (const n of [1, 2, 3, 7, 16]) {
      const sizes = new Array(n).fill(0);
      for (const id of ids) {
        const s = shardOf(id, n);
        assert.ok(s >= 0 && s < n);
        assert.equal(shardOf(id, n), s);
        sizes[s]++;
      }
      // A fair share each (within 25% of the mean for these sizes).
      for (const size of sizes) assert.ok(Math.abs(size - ids.length / n) <= (ids.length / n) * 0.25, `${n}: ${sizes.join(',')}`);
    }
    assert.deepEqual(parseShard('0/4'), { index: 0, count: 4 });
    assert.equal(parseShard('4/4'), undefined);
    assert.equal(parseShard('1/0'), undefined);
    assert.equal(parseShard('a/b'), undefined);

    // In a real scan: the shards' results are disjoint and together the whole list.
    const gone = await listen(() => {});
    await gone.close(); // refused connections: quick, real scans
    const dir = await mkdtemp(join(tmpdir(), 'census-shard-'));
    const servers = join(dir, 'servers.json');
    await writeFile(servers, JSON.stringify({ mcpServers: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`srv-${i}`, { url: gone.url }])) }));
    const seen = new Map<string, number>();
    for (let i = 0; i < 3; i++) {
      const summary = await runScan({ servers, out: join(dir, `out-${i}`), allowPrivate: true, concurrency: 8, shard: { index: i, count: 3 } });
      for (const r of summary.results) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
      assert.deepEqual((await jsonFiles(join(dir, `out-${i}`, 'servers'))).length, summary.results.length);
    }
    assert.equal(seen.size, 30);
    for (const [id, times] of seen) assert.equal(times, 1, id);
  });

  it('loses only the servers in flight to SIGKILL, and --resume skips what was stored', async () => {
    const servers = await slowServers(20, 400);
    running.push(...servers);
    const dir = await mkdtemp(join(tmpdir(), 'census-resume-'));
    const list = join(dir, 'servers.json');
    await writeFile(list, JSON.stringify({ mcpServers: Object.fromEntries(servers.map((s, i) => [`srv-${i}`, { url: s.url }])) }));
    const out = join(dir, 'out');
    const args = ['--servers', list, '--out', out, '--allow-private', '--concurrency', '2'];
    const killed = await cli(args, (child) => {
      void waitFor(async () => (await jsonFiles(join(out, 'servers'))).length >= 3, 30_000).then(() => child.kill('SIGKILL'));
    });
    assert.equal(killed.signal, 'SIGKILL');
    const stored = await jsonFiles(join(out, 'servers'));
    assert.ok(stored.length >= 3 && stored.length < servers.length, `${stored.length} stored before the kill`);
    // Every file there is whole (written atomically).
    for (const f of stored) ServerResultSchema.parse(JSON.parse(await readFile(join(out, 'servers', f), 'utf8')));
    const before = servers.map((s) => s.log.filter((l) => l.rpc === 'initialize').length);

    const resumed = await cli([...args, '--resume', '--max-age', '1h']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, new RegExp(`resuming: ${stored.length} server\\(s\\) have fresh results`));
    assert.equal((await jsonFiles(join(out, 'servers'))).length, servers.length);
    for (const [i, s] of servers.entries()) {
      const again = s.log.filter((l) => l.rpc === 'initialize').length - before[i];
      assert.equal(again, stored.includes(`srv-${i}.json`) ? 0 : 1, `srv-${i}`);
    }
    // With a max age that has passed, everything is scanned again.
    await new Promise((r) => setTimeout(r, 1100));
    const stale = await cli([...args, '--resume', '--max-age', '1s', '--json']);
    const plan = ScanEventSchema.parse(JSON.parse(stale.stdout.split('\n')[0]));
    assert.deepEqual(plan, { event: 'plan', total: servers.length, fresh: 0 });
  });

  it('Ctrl-C starts no new server, finishes those in flight, and prints a summary', async () => {
    const servers = await slowServers(8, 600);
    running.push(...servers);
    const dir = await mkdtemp(join(tmpdir(), 'census-int-'));
    const list = join(dir, 'servers.json');
    await writeFile(list, JSON.stringify({ mcpServers: Object.fromEntries(servers.map((s, i) => [`srv-${i}`, { url: s.url }])) }));
    const out = join(dir, 'out');
    const r = await cli(['--servers', list, '--out', out, '--allow-private', '--concurrency', '2'], (child) => {
      void waitFor(async () => (await jsonFiles(join(out, 'servers'))).length >= 1, 30_000).then(() => child.kill('SIGINT'));
    });
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /SIGINT: starting no new servers/);
    const stored = await jsonFiles(join(out, 'servers'));
    const started = servers.filter((s) => s.log.some((l) => l.rpc === 'initialize')).length;
    assert.equal(stored.length, started, 'every server that started was finished and stored');
    assert.ok(started < 8);
    assert.match(r.stderr, new RegExp(`scanned ${started} of 8 servers: ${started} ok; interrupted: ${8 - started} not started`));
  });

  it('--json prints a plan line, a result line per server and a summary line, all valid', async () => {
    const servers = await slowServers(3, 0);
    running.push(...servers);
    const dir = await mkdtemp(join(tmpdir(), 'census-json-'));
    const list = join(dir, 'servers.json');
    await writeFile(list, JSON.stringify({ mcpServers: Object.fromEntries(servers.map((s, i) => [`srv-${i}`, { url: s.url }])) }));
    const r = await cli(['--servers', list, '--out', join(dir, 'out'), '--allow-private', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const events: ScanEvent[] = r.stdout.trim().split('\n').map((l) => ScanEventSchema.parse(JSON.parse(l)));
    assert.deepEqual(events.map((e) => e.event), ['plan', 'result', 'result', 'result', 'summary']);
    const last = events.at(-1)!;
    assert.ok(last.event === 'summary' && last.byStatus.ok === 3);
  });

  it('stores the same results whether classification and storing run on a worker thread or not', async () => {
    const changing: unknown[] = [tool('get_0')];
    const servers = [await rawMcpServer({ tools: changing }), ...(await slowServers(2, 0))];
    running.push(...servers);
    const dir = await mkdtemp(join(tmpdir(), 'census-offload-'));
    const list = join(dir, 'servers.json');
    await writeFile(list, JSON.stringify({ mcpServers: Object.fromEntries(servers.map((s, i) => [`srv-${i}`, { url: s.url }])) }));
    const stored: Record<string, string>[] = [];
    for (const offload of [true, false]) {
      const out = join(dir, `out-${offload}`);
      const seen: string[] = [];
      const summary = await runScan({ servers: list, out, allowPrivate: true, offload, onResult: (r) => seen.push(r.id) });
      assert.equal(summary.offloaded, offload);
      assert.equal(summary.byStatus.ok, 3);
      assert.deepEqual(seen.sort(), ['srv-0', 'srv-1', 'srv-2']);
      // A rescan compares with what the first one stored, on the worker as on the main thread.
      changing.push(tool('drop_table'));
      const again = await runScan({ servers: list, out, allowPrivate: true, offload, keepResults: true });
      changing.pop();
      assert.deepEqual(again.stored.find((r) => r.id === 'srv-0')?.drift?.added, ['drop_table']);
      const files: Record<string, string> = {};
      for (const folder of ['servers', 'policies']) {
        for (const f of await readdir(join(out, folder))) {
          files[`${folder}/${f}`] = (await readFile(join(out, folder, f), 'utf8')).replace(/"(scannedAt|durationMs|since)": [^,\n]+/g, '"$1": -');
        }
      }
      stored.push(files);
    }
    assert.ok(Object.keys(stored[0]).length >= 6);
    assert.deepEqual(stored[0], stored[1]);

    // The worker really does the work (it is not the main-thread fallback answering).
    const offload = Offload.start()!;
    try {
      const crawled: Crawled = {
        base: { id: 'a', slug: 'a', target: { transport: 'streamable-http', url: 'https://example.com/mcp' }, scannedAt: new Date().toISOString() },
        durationMs: 5,
        ok: true,
        server: { name: 'n', version: '1', protocolVersion: '2025-06-18' },
        tools: [{ name: 'delete_file', description: 'Deletes a file permanently.', inputSchema: { type: 'object' } }],
        warnings: [],
      };
      await Promise.all(['worker', 'inline'].map((d) => prepareStore(join(dir, d))));
      const { outcome, result } = await offload.complete(join(dir, 'worker'), crawled, {}, true);
      assert.equal(offload.answered, 1);
      const inline = await completeServer(join(dir, 'inline'), crawled);
      assert.deepEqual(result, inline);
      assert.equal(result?.tools[0].category, 'destructive');
      assert.deepEqual(outcome, outcomeOf(inline));
      assert.deepEqual(outcome, { id: 'a', slug: 'a', status: 'ok', durationMs: 5, toolCount: 1 });
      // Without `full`, only the outcome comes back (the result is in its file).
      const slim = await offload.complete(join(dir, 'worker'), crawled);
      assert.equal(slim.result, undefined);
      assert.equal(slim.outcome.toolCount, 1);
    } finally {
      await offload.close();
    }
  });

  it(`offload 'auto': a worker thread for a scan of ${OFFLOAD_MIN_SERVERS} servers or more, none for fewer`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'census-auto-'));
    // Ports nothing listens on: connections are refused at once.
    const refused = await Promise.all(
      Array.from({ length: OFFLOAD_MIN_SERVERS }, async () => {
        const s = await listen((_req, res) => res.end());
        await s.close();
        return s.url;
      }),
    );
    for (const n of [OFFLOAD_MIN_SERVERS - 1, OFFLOAD_MIN_SERVERS]) {
      const list = join(dir, `servers-${n}.json`);
      await writeFile(list, JSON.stringify({ mcpServers: Object.fromEntries(refused.slice(0, n).map((url, i) => [`srv-${i}`, { url }])) }));
      const summary = await runScan({ servers: list, out: join(dir, `out-${n}`), allowPrivate: true, concurrency: 32 });
      assert.equal(summary.byStatus.unreachable, n);
      assert.equal((await jsonFiles(join(dir, `out-${n}`, 'servers'))).length, n);
      assert.equal(summary.offloaded, n >= OFFLOAD_MIN_SERVERS && availableParallelism() > 1, `${n} servers`);
    }
  });

  it('draws a status line on a terminal: done/total, ok, failed, rate, ETA', () => {
    assert.equal(statusLine({ done: 50, total: 200, ok: 40, elapsedMs: 10_000 }), '50/200 done · 40 ok · 10 failed · 5.0/s · ETA 0:30');
    assert.equal(statusLine({ done: 0, total: 10, ok: 0, elapsedMs: 0 }), '0/10 done · 0 ok · 0 failed · 0.0/s · ETA –');
    let written = '';
    const err = { isTTY: true, write: (s: string) => ((written += s), true) } as unknown as NodeJS.WritableStream & { isTTY: boolean };
    const progress = new ScanProgress({ err, out: err, redrawMs: 10_000 });
    progress.plan({ total: 2, fresh: 0 });
    progress.print('hello');
    assert.match(written, /0\/2 done/);
    assert.match(written, /\r\x1b\[2Khello\n0\/2 done/);
    progress.finish({ total: 2, byStatus: { ok: 0, auth_required: 0, timeout: 0, unreachable: 0, blocked: 0, error: 0 }, results: [], fresh: 0, stored: [], offloaded: false });
  });
});

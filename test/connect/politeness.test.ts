// Per-host concurrency and spacing, and the retry schedule.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { rawMcpServer, tool, type RawRunning } from '../helpers/raw-mcp.ts';
import { scanList } from '../helpers/scan.ts';
import { runPolitely } from '../../scanner/connect/hosts.ts';
import { parseRetryAfter, retryDelay } from '../../scanner/connect/retry.ts';

/** Servers on one host (127.0.0.1, different ports) that hold each initialize for `ms` and count how many overlap. */
async function sharedHost(n: number, ms: number): Promise<{ servers: RawRunning[]; peak(): number; starts: number[] }> {
  let active = 0;
  let peak = 0;
  const starts: number[] = [];
  const servers: RawRunning[] = [];
  for (let i = 0; i < n; i++) {
    servers.push(
      await rawMcpServer({
        tools: [tool('get_a')],
        intercept: async (_req, _res, msg) => {
          if (msg?.method !== 'initialize') return false;
          starts.push(Date.now());
          peak = Math.max(peak, ++active);
          await new Promise((r) => setTimeout(r, ms));
          active--;
          return false;
        },
      }),
    );
  }
  return { servers, peak: () => peak, starts };
}

describe('politeness', () => {
  const all: RawRunning[] = [];
  after(() => Promise.all(all.map((s) => s.close())));

  it('never has more than --per-host servers of one host in flight', async () => {
    const limited = await sharedHost(6, 200);
    all.push(...limited.servers);
    const list = Object.fromEntries(limited.servers.map((s, i) => [`s${i}`, { url: s.url }]));
    const { summary } = await scanList(list, { concurrency: 8, politeness: { perHost: 2 } });
    assert.equal(summary.byStatus.ok, 6);
    assert.equal(limited.peak(), 2);
    // The same servers without the limit overlap more: the check above can fail.
    const free = await sharedHost(6, 200);
    all.push(...free.servers);
    await scanList(Object.fromEntries(free.servers.map((s, i) => [`s${i}`, { url: s.url }])), { concurrency: 8, politeness: { perHost: 8 } });
    assert.ok(free.peak() > 2, `peak ${free.peak()}`);
  });

  it('spaces the starts on one host by --host-spacing', async () => {
    const spaced = await sharedHost(4, 0);
    all.push(...spaced.servers);
    const list = Object.fromEntries(spaced.servers.map((s, i) => [`s${i}`, { url: s.url }]));
    await scanList(list, { concurrency: 8, politeness: { perHost: 4, hostSpacingMs: 250 } });
    const gaps = spaced.starts.slice(1).map((t, i) => t - spaced.starts[i]);
    for (const gap of gaps) assert.ok(gap >= 200, `gaps ${gaps.join(', ')}`);
  });

  it('takes hosts in turn and keeps the global limit', async () => {
    const order: string[] = [];
    let active = 0;
    let peak = 0;
    const items = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'c1', 'x1', 'x2'];
    await runPolitely(
      items,
      (item) => (item.startsWith('x') ? undefined : item[0]),
      3,
      { perHost: 1 },
      async (item) => {
        order.push(item);
        peak = Math.max(peak, ++active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
      },
    );
    assert.equal(peak, 3);
    assert.deepEqual([...order].sort(), [...items].sort());
    // One of host a at a time: its four items are never two in a row at the start.
    assert.ok(order.indexOf('b1') < order.indexOf('a2'), order.join(' '));
  });

  it('starts nothing new once stopped, and reports how many started', async () => {
    const stop = new AbortController();
    let ran = 0;
    const { started } = await runPolitely(Array.from({ length: 20 }, (_, i) => i), () => undefined, 2, {}, async () => {
      ran++;
      if (ran === 3) stop.abort();
      await new Promise((r) => setTimeout(r, 10));
    }, stop.signal);
    assert.equal(started, ran);
    assert.ok(ran >= 3 && ran <= 4, `ran ${ran}`);
  });
});

describe('retry schedule', () => {
  it('backs off exponentially with jitter, up to the number of retries', () => {
    const opts = { retries: 3, baseDelayMs: 100, maxDelayMs: 10_000 };
    assert.equal(retryDelay(1, opts, undefined, () => 0), 50);
    assert.equal(retryDelay(1, opts, undefined, () => 1), 100);
    assert.equal(retryDelay(3, opts, undefined, () => 1), 400);
    assert.equal(retryDelay(4, opts, undefined, () => 1), undefined);
  });

  it('honours Retry-After up to the cap, and not beyond', () => {
    assert.equal(retryDelay(1, { maxDelayMs: 5000 }, 3000), 3000);
    assert.equal(retryDelay(1, { maxDelayMs: 5000 }, 60_000), undefined);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('7'), 7000);
    const now = Date.parse('2026-11-23T10:00:00Z');
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
  });
});

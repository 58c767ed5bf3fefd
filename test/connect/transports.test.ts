import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { listen, sseOnlyServer, streamableHttpServer, syntheticTools, type Running } from '../helpers/mcp-servers.ts';
import { projectPath, scanList } from '../helpers/scan.ts';

const everything = JSON.parse(readFileSync(projectPath('test/fixtures/tools-list/everything.json'), 'utf8')).tools;

describe('connect and list over every transport', () => {
  const running: Running[] = [];
  after(() => Promise.all(running.map((r) => r.close())));

  it('lists a Streamable HTTP server, following nextCursor across pages', async () => {
    const http = await streamableHttpServer({ tools: everything, pageSize: 4, instructions: 'Be nice.' });
    running.push(http);
    const { results, policies, summary } = await scanList({ remote: { url: http.url } });
    const r = results.get('remote')!;
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.equal(r.target.transport, 'streamable-http');
    assert.deepEqual(r.tools.map((t) => t.name), everything.map((t: { name: string }) => t.name));
    assert.equal(r.server?.name, 'fixture-server');
    assert.match(r.server?.protocolVersion ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(r.instructions, 'Be nice.');
    assert.equal(summary.byStatus.ok, 1);
    assert.deepEqual(Object.keys(policies.get('remote')!.tools).sort(), r.tools.map((t) => t.name).sort());
    // Several pages were requested on one session.
    assert.ok(http.requests.filter((q) => q.startsWith('POST')).length >= 4);
  });

  it('falls back to the legacy HTTP+SSE transport when POST is refused', async () => {
    const sse = await sseOnlyServer({ tools: everything.slice(0, 3) });
    running.push(sse);
    const { results } = await scanList({ legacy: { url: sse.url } });
    const r = results.get('legacy')!;
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.equal(r.target.transport, 'sse');
    assert.equal(r.tools.length, 3);
    assert.ok(sse.requests.some((q) => q.startsWith('POST /mcp')), 'tried Streamable HTTP first');
    assert.ok(sse.requests.some((q) => q.startsWith('GET /mcp')), 'then opened the SSE stream');
  });

  it('goes straight to SSE for `type: sse`', async () => {
    const sse = await sseOnlyServer({ tools: everything.slice(0, 2) });
    running.push(sse);
    const { results } = await scanList({ legacy: { type: 'sse', url: sse.url } });
    assert.equal(results.get('legacy')!.status, 'ok');
    assert.ok(!sse.requests.some((q) => q.startsWith('POST /mcp')));
  });

  it('records 401 as auth_required without trying SSE', async () => {
    const locked = await listen((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource"' }).end();
    });
    running.push(locked);
    const { results, summary } = await scanList({ locked: { url: locked.url } });
    const r = results.get('locked')!;
    assert.equal(r.status, 'auth_required');
    assert.equal(r.error?.kind, 'auth');
    assert.deepEqual(r.tools, []);
    assert.equal(summary.byStatus.auth_required, 1);
    assert.ok(!locked.requests.some((q) => q.startsWith('GET')), 'no SSE fallback after a 401');
  });

  it('records a refused connection as unreachable', async () => {
    const gone = await listen(() => {});
    await gone.close();
    const { results } = await scanList({ gone: { url: gone.url } });
    assert.equal(results.get('gone')!.status, 'unreachable');
    assert.equal(results.get('gone')!.error?.kind, 'unreachable');
  });

  it('gives up on a server that never answers, within the timeout', async () => {
    const silent = await listen(() => {
      /* never answers */
    });
    running.push(silent);
    const started = Date.now();
    const { results } = await scanList({ silent: { url: silent.url } }, { timeoutSeconds: 1 });
    assert.equal(results.get('silent')!.status, 'timeout');
    assert.ok(Date.now() - started < 10_000);
  });

  it('blocks loopback URLs without allowPrivate, sending no request', async () => {
    const http = await streamableHttpServer({ tools: everything });
    running.push(http);
    const { results } = await scanList({ local: { url: http.url } }, { allowPrivate: false });
    assert.equal(results.get('local')!.status, 'blocked');
    assert.equal(http.requests.length, 0);
  });

  it('stops on a repeated cursor, keeping what was listed and flagging it', async () => {
    const tools = syntheticTools(6);
    const http = await streamableHttpServer({
      tools,
      page: (cursor) => (cursor ? { tools: tools.slice(3), nextCursor: 'again' } : { tools: tools.slice(0, 3), nextCursor: 'again' }),
    });
    running.push(http);
    const { results } = await scanList({ looping: { url: http.url } });
    const r = results.get('looping')!;
    assert.equal(r.status, 'ok');
    assert.equal(r.truncated, true);
    assert.equal(r.error?.kind, 'pagination-loop');
    assert.equal(r.tools.length, 6);
  });

  it('scans many servers in one run, one bad server failing alone', async () => {
    const a = await streamableHttpServer({ tools: syntheticTools(2, 'list_a') });
    const b = await sseOnlyServer({ tools: syntheticTools(3, 'list_b') });
    running.push(a, b);
    const gone = await listen(() => {});
    await gone.close();
    const { summary, results } = await scanList({ a: { url: a.url }, b: { url: b.url }, gone: { url: gone.url } }, { concurrency: 2 });
    assert.equal(summary.total, 3);
    assert.equal(summary.byStatus.ok, 2);
    assert.equal(results.get('a')!.tools.length, 2);
    assert.equal(results.get('b')!.tools.length, 3);
    assert.equal(results.get('gone')!.status, 'unreachable');
  });
});

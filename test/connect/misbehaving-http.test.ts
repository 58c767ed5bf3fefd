// Remote servers that misbehave, each a real HTTP server on loopback: every one
// ends with a recorded status (never a crash), within its bounds.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { listen, type Running } from '../helpers/mcp-servers.ts';
import { rawMcpServer, tool } from '../helpers/raw-mcp.ts';
import { scanList } from '../helpers/scan.ts';
import { createAgents } from '../../scanner/connect/agent.ts';
import { exchange } from '../../scanner/connect/http.ts';
import { ScanError } from '../../scanner/connect/errors.ts';

describe('misbehaving remote servers', () => {
  const running: Running[] = [];
  const track = <T extends Running>(r: T): T => (running.push(r), r);
  after(() => Promise.all(running.map((r) => r.close())));

  it('speaks the protocol: initialize, the initialized notification, session id and version header on every later request, DELETE at the end', async () => {
    const http = track(await rawMcpServer({ tools: [tool('get_a'), tool('get_b')] }));
    const { results } = await scanList({ s: { url: http.url } });
    const r = results.get('s')!;
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.equal(r.tools.length, 2);
    assert.equal(r.target.transport, 'streamable-http');
    assert.equal(http.log[0].rpc, 'initialize');
    assert.equal(http.log[0].session, undefined);
    const later = http.log.slice(1);
    assert.ok(later.some((l) => l.rpc === 'notifications/initialized'));
    assert.ok(later.some((l) => l.rpc === 'tools/list'));
    for (const l of later) {
      assert.equal(l.session, 'session-1', l.http);
      assert.equal(l.protocol, r.server?.protocolVersion, l.http);
    }
    // DELETE is sent without waiting for it; give it a moment to arrive.
    for (let i = 0; i < 50 && !http.log.some((l) => l.http.startsWith('DELETE')); i++) await new Promise((res) => setTimeout(res, 20));
    assert.ok(http.log.some((l) => l.http.startsWith('DELETE')), 'the session is ended');
    assert.ok(!http.log.some((l) => l.http.startsWith('GET')), 'no standalone GET stream');
  });

  it('reads answers sent as an SSE stream, skipping other events', async () => {
    const http = track(await rawMcpServer({ tools: [tool('get_a')], sse: true }));
    const { results } = await scanList({ s: { url: http.url } });
    assert.equal(results.get('s')!.status, 'ok', JSON.stringify(results.get('s')!.error));
    assert.equal(results.get('s')!.tools.length, 1);
  });

  it('answers the server\'s requests on an SSE stream: ping with an empty result, others with "method not found", at most 16', async () => {
    const replies: { id?: unknown; result?: unknown; error?: { code?: number } }[] = [];
    let heard: () => void = () => {};
    const bothHeard = new Promise<void>((resolve) => (heard = resolve));
    const http = track(
      await rawMcpServer({
        tools: [tool('get_a')],
        intercept: async (req, res, msg) => {
          const reply = msg as (typeof replies)[number] | undefined;
          if (req.method === 'POST' && reply && !msg?.method && reply.id !== undefined) {
            replies.push(reply);
            if (replies.length >= 2) heard();
            res.writeHead(202).end();
            return true;
          }
          if (msg?.method !== 'tools/list') return false;
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(`data: ${JSON.stringify({ jsonrpc: '2.0', id: 'p-1', method: 'ping' })}\n\n`);
          res.write(`data: ${JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'sampling/createMessage', params: {} })}\n\n`);
          for (let i = 0; i < 40; i++) res.write(`data: ${JSON.stringify({ jsonrpc: '2.0', id: `flood-${i}`, method: 'ping' })}\n\n`);
          // Like a server that waits for its ping to be answered before it answers the client.
          await bothHeard;
          res.end(`data: ${JSON.stringify({ jsonrpc: '2.0', id: msg.id, result: { tools: [tool('get_a')] } })}\n\n`);
          return true;
        },
      }),
    );
    const { results } = await scanList({ s: { url: http.url } }, { timeoutSeconds: 10 });
    const r = results.get('s')!;
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.equal(r.tools.length, 1);
    for (let i = 0; i < 50 && replies.length < 16; i++) await new Promise((res) => setTimeout(res, 20));
    assert.deepEqual(replies.find((x) => x.id === 'p-1'), { jsonrpc: '2.0', id: 'p-1', result: {} });
    assert.equal(replies.find((x) => x.id === 7)?.error?.code, -32601);
    assert.equal(replies.length, 16, 'the flood of pings gets 16 answers in all, no more');
  });

  it('times out a server that answers one byte a second', async () => {
    const http = track(
      await listen((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const text = '{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-06-18"}}';
        let i = 0;
        const timer = setInterval(() => (i < text.length ? res.write(text[i++]) : clearInterval(timer)), 1000);
        res.on('close', () => clearInterval(timer));
      }),
    );
    const started = Date.now();
    const { results } = await scanList({ slow: { url: http.url } }, { timeoutSeconds: 2 });
    assert.equal(results.get('slow')!.status, 'timeout');
    assert.ok(Date.now() - started < 6000, 'the whole budget bounds a trickle');
  });

  it('records invalid JSON as a protocol error', async () => {
    const http = track(
      await rawMcpServer({
        intercept: (_req, res, msg) => (msg?.method === 'initialize' ? (res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc": "2.0", "id": 1, "res'), true) : false),
      }),
    );
    const { results } = await scanList({ s: { url: http.url } });
    assert.equal(results.get('s')!.status, 'error');
    assert.equal(results.get('s')!.error?.kind, 'protocol');
    assert.match(results.get('s')!.error!.message, /invalid JSON/);
  });

  it('records a 500 as a protocol error without retrying it', async () => {
    const http = track(await rawMcpServer({ intercept: (_req, res) => (res.writeHead(500).end('oops'), true) }));
    const { results } = await scanList({ s: { url: http.url } });
    assert.equal(results.get('s')!.status, 'error');
    assert.match(results.get('s')!.error!.message, /HTTP 500/);
    assert.equal(http.log.filter((l) => l.rpc === 'initialize').length, 1);
  });

  it('retries a 503 (twice) and then scans the server', async () => {
    const http = track(
      await rawMcpServer({
        tools: [tool('get_a')],
        intercept: (_req, res, msg, n) => (msg?.method === 'initialize' && n <= 2 ? (res.writeHead(503).end(), true) : false),
      }),
    );
    const { results } = await scanList({ s: { url: http.url } });
    assert.equal(results.get('s')!.status, 'ok', JSON.stringify(results.get('s')!.error));
    assert.equal(http.log.filter((l) => l.rpc === 'initialize').length, 3);
  });

  it('retries a connection reset mid-request', async () => {
    const http = track(
      await rawMcpServer({
        tools: [tool('get_a')],
        intercept: (req, _res, msg, n) => (msg?.method === 'initialize' && n === 1 ? (req.socket.destroy(), true) : false),
      }),
    );
    const { results } = await scanList({ s: { url: http.url } });
    assert.equal(results.get('s')!.status, 'ok', JSON.stringify(results.get('s')!.error));
    assert.equal(http.log.filter((l) => l.rpc === 'initialize').length, 2);
  });

  it('waits as long as a 429 Retry-After asks, within the cap', async () => {
    const http = track(
      await rawMcpServer({
        tools: [tool('get_a')],
        intercept: (_req, res, msg, n) => (msg?.method === 'initialize' && n === 1 ? (res.writeHead(429, { 'retry-after': '1' }).end(), true) : false),
      }),
    );
    const started = Date.now();
    const { results } = await scanList({ s: { url: http.url } });
    assert.equal(results.get('s')!.status, 'ok', JSON.stringify(results.get('s')!.error));
    assert.ok(Date.now() - started >= 1000, 'Retry-After was honoured');
  });

  it('does not wait for a Retry-After beyond the cap, and never retries other 4xx', async () => {
    const busy = track(await rawMcpServer({ intercept: (_req, res) => (res.writeHead(429, { 'retry-after': '3600' }).end(), true) }));
    const gone = track(await rawMcpServer({ intercept: (_req, res) => (res.writeHead(410).end(), true) }));
    const started = Date.now();
    const { results } = await scanList({ busy: { url: busy.url }, gone: { url: gone.url } }, { http: { retry: { maxDelayMs: 2000 } } });
    assert.ok(Date.now() - started < 5000);
    assert.equal(results.get('busy')!.status, 'unreachable');
    assert.match(results.get('busy')!.error!.message, /429/);
    assert.equal(busy.log.length, 1);
    // 410 is "not this transport": tried once over Streamable HTTP, once as legacy SSE, never again.
    assert.equal(results.get('gone')!.status, 'error');
    assert.equal(gone.log.filter((l) => l.http.startsWith('POST')).length, 1);
  });

  it('records a 401 as auth_required with the RFC 9728 metadata it advertises', async () => {
    const http = track(
      await rawMcpServer({
        intercept: (req, res) => {
          const base = `http://${req.headers.host}`;
          if (req.url === '/.well-known/oauth-protected-resource/mcp') {
            res.writeHead(200, { 'content-type': 'application/json' }).end(
              JSON.stringify({ resource: `${base}/mcp`, authorization_servers: ['https://auth.example.com'], scopes_supported: ['files:read', 'files:write'] }),
            );
          } else {
            res.writeHead(401, { 'www-authenticate': `Bearer resource_metadata="${base}/.well-known/oauth-protected-resource/mcp", scope="files:read"` }).end();
          }
          return true;
        },
      }),
    );
    const { results } = await scanList({ locked: { url: http.url } });
    const r = results.get('locked')!;
    assert.equal(r.status, 'auth_required');
    assert.equal(r.auth?.scheme, 'bearer');
    assert.deepEqual(r.auth?.authorizationServers, ['https://auth.example.com']);
    assert.deepEqual(r.auth?.scopes, ['files:read', 'files:write']);
    assert.match(r.auth?.resourceMetadata ?? '', /oauth-protected-resource\/mcp$/);
    assert.ok(!http.log.some((l) => l.rpc === 'tools/list'), 'no login attempted, nothing listed');
  });

  it('looks for the metadata at the well-known URL when the 401 names none, and records a failure to read it', async () => {
    const http = track(
      await rawMcpServer({
        intercept: (req, res) => {
          if (req.url?.startsWith('/.well-known/')) res.writeHead(200, { 'content-type': 'application/json' }).end('x'.repeat(200_000));
          else res.writeHead(401, { 'www-authenticate': 'Bearer realm="mcp"' }).end();
          return true;
        },
      }),
    );
    const { results } = await scanList({ locked: { url: http.url } });
    const r = results.get('locked')!;
    assert.equal(r.status, 'auth_required');
    assert.ok(http.log.some((l) => l.http === 'GET /.well-known/oauth-protected-resource/mcp'));
    assert.match(r.auth?.metadataError ?? '', /cap/);
  });

  it('sends configured headers with ${VAR} expanded, and never writes their values', async () => {
    process.env.CENSUS_TEST_TOKEN = 'sekrit-token-value';
    try {
      const http = track(await rawMcpServer({ tools: [tool('get_a')] }));
      const { results, out } = await scanList({ s: { url: http.url, headers: { Authorization: 'Bearer ${CENSUS_TEST_TOKEN}' } } });
      assert.equal(results.get('s')!.status, 'ok');
      assert.equal(http.log[0].headers.authorization, 'Bearer sekrit-token-value');
      const { readFile, readdir } = await import('node:fs/promises');
      for (const dir of ['servers', 'policies']) {
        for (const f of await readdir(`${out}/${dir}`)) assert.ok(!(await readFile(`${out}/${dir}/${f}`, 'utf8')).includes('sekrit'), `${dir}/${f}`);
      }
    } finally {
      delete process.env.CENSUS_TEST_TOKEN;
    }
  });

  it('stops reading a message over the size cap (tens of MB in one description): too-large', async () => {
    const huge = 'A'.repeat(24 * 1024 * 1024);
    for (const sse of [false, true]) {
      const http = track(await rawMcpServer({ tools: [tool('get_a', huge)], sse }));
      const { results } = await scanList({ s: { url: http.url } });
      const r = results.get('s')!;
      assert.equal(r.status, 'error', `sse=${sse}`);
      assert.equal(r.error?.kind, 'too-large', `sse=${sse}`);
    }
  });

  it('ends pagination that never ends at the page cap, keeping and flagging what was listed', async () => {
    const http = track(await rawMcpServer({ tools: (cursor) => ({ tools: [tool(`get_${cursor ?? 0}`)], nextCursor: String(Number(cursor ?? 0) + 1) }) }));
    const { results } = await scanList({ s: { url: http.url } }, { list: { maxPages: 25 } });
    const r = results.get('s')!;
    assert.equal(r.status, 'ok');
    assert.equal(r.truncated, true);
    assert.equal(r.error?.kind, 'pagination-loop');
    assert.equal(r.tools.length, 25);
    assert.equal(http.log.filter((l) => l.rpc === 'tools/list').length, 25);
  });

  it('lists 1,000 tools across pages, each with its own slug', async () => {
    const all = Array.from({ length: 1000 }, (_, i) => tool(`tool_${i}`));
    const http = track(await rawMcpServer({ tools: (cursor) => ({ tools: all.slice(Number(cursor ?? 0), Number(cursor ?? 0) + 100), ...(Number(cursor ?? 0) + 100 < 1000 ? { nextCursor: String(Number(cursor ?? 0) + 100) } : {}) }) }));
    const { results, policies } = await scanList({ big: { url: http.url } });
    const r = results.get('big')!;
    assert.equal(r.status, 'ok');
    assert.equal(r.tools.length, 1000);
    assert.equal(new Set(r.tools.map((t) => t.slug)).size, 1000);
    assert.equal(Object.keys(policies.get('big')!.tools).length, 1000);
  });

  it('keeps duplicate and strange tool names with safe, unique slugs', async () => {
    const names = ['../x', '..', 'a tool with spaces', '🔥 fire', 'x'.repeat(200), 'Read', 'read', 'dup', 'dup', '/etc/passwd', 'CON', '<script>'];
    const http = track(await rawMcpServer({ tools: names.map((n) => tool(n)) }));
    const { results } = await scanList({ odd: { url: http.url } });
    const r = results.get('odd')!;
    assert.equal(r.status, 'ok');
    assert.deepEqual(r.tools.map((t) => t.name), names);
    const slugs = r.tools.map((t) => t.slug);
    assert.equal(new Set(slugs).size, names.length, slugs.join(' '));
    for (const slug of slugs) {
      assert.match(slug, /^[a-z0-9][a-z0-9-]*$/);
      assert.ok(slug.length <= 100, slug);
    }
  });

  it('records an unsupported protocol version as a protocol error', async () => {
    const http = track(await rawMcpServer({ protocolVersion: '1999-01-01', tools: [tool('get_a')] }));
    const { results } = await scanList({ s: { url: http.url } });
    assert.equal(results.get('s')!.status, 'error');
    assert.equal(results.get('s')!.error?.kind, 'protocol');
    assert.match(results.get('s')!.error!.message, /protocol version is not supported/);
  });

  it('follows a 307 redirect, without the credentials when it leaves the origin, and refuses one to another scheme', async () => {
    const target = track(await rawMcpServer({ tools: [tool('get_a')] }));
    const hop = track(await listen((_req, res) => res.writeHead(307, { location: target.url }).end()));
    const bad = track(await listen((_req, res) => res.writeHead(307, { location: 'file:///etc/passwd' }).end()));
    const { results } = await scanList({
      hop: { url: hop.url, headers: { Authorization: 'Bearer abc' } },
      bad: { url: bad.url },
    });
    assert.equal(results.get('hop')!.status, 'ok', JSON.stringify(results.get('hop')!.error));
    assert.ok(target.log.length > 0);
    for (const l of target.log) assert.equal(l.headers.authorization, undefined, 'credentials stay with their origin');
    assert.equal(results.get('bad')!.status, 'blocked');
  });

  it('checks every redirect hop with the guard: a hop to a private address is blocked before any request', async () => {
    const inside = track(await rawMcpServer({ tools: [tool('get_secret')] }));
    const hop = track(await listen((_req, res) => res.writeHead(308, { location: inside.url }).end()));
    // The first hop is a name the test resolves to loopback (standing in for a public host);
    // the redirect names a private address literally, and the guard is on for it.
    const connected = createAgents({ allowPrivate: true, lookup: async () => ['127.0.0.1'] });
    const agents = { ...connected, options: { allowPrivate: false } };
    const port = new URL(hop.url).port;
    try {
      await assert.rejects(
        exchange({ agents, signal: AbortSignal.timeout(5000) }, new URL(`http://public.test:${port}/mcp`), 'POST', {}, '{}'),
        (err: unknown) => err instanceof ScanError && err.kind === 'blocked',
      );
    } finally {
      connected.destroy();
    }
    assert.equal(hop.requests.length, 1);
    assert.equal(inside.log.length, 0, 'nothing reached the private address');
  });
});

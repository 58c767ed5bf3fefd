/**
 * The crawl benchmark's floor: the least a client can do and still get every
 * server's answer, to show how close to the latency bound this machine and the
 * fleet let any client come. Node's `http` with a keep-alive agent, the same
 * round trips as the scanner (`initialize`; then `tools/list` with the
 * `initialized` notification sent beside it; for a 401, its resource metadata),
 * and nothing else: no address guard, no size caps, no retries, no validation
 * beyond finding the tools array, no pagination (the fleet sends one page).
 * Not a client to use on real servers. `run-floor.ts MANIFEST CONCURRENCY`
 * prints one JSON line like run-scanner.ts.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { FleetServer } from './fleet.ts';
import { measure, pool, type Results } from './measure.ts';

const [manifestFile, concurrency] = [process.argv[2], Number(process.argv[3])];
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as FleetServer[];
const results: Results = {};
const agent = new http.Agent({ keepAlive: true });
const PROTOCOL = '2025-06-18';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(url: string, method: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function scanOne(server: FleetServer): Promise<{ status: string; tools: number }> {
  const accept = { accept: 'application/json, text/event-stream' };
  let init: Answer;
  try {
    init = await send(server.url, 'POST', accept, {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: PROTOCOL, capabilities: {}, clientInfo: { name: 'floor', version: '1.0.0' } },
    });
  } catch (err) {
    return { status: (err as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? 'unreachable' : 'error', tools: 0 };
  }
  if (init.status === 401) {
    const metadata = /resource_metadata="([^"]+)"/.exec(String(init.headers['www-authenticate']))?.[1];
    if (metadata) await send(metadata, 'GET', {});
    return { status: 'auth_required', tools: 0 };
  }
  const session = { ...accept, 'mcp-session-id': String(init.headers['mcp-session-id']), 'mcp-protocol-version': PROTOCOL };
  void send(server.url, 'POST', session, { jsonrpc: '2.0', method: 'notifications/initialized' }).catch(() => {});
  const list = await send(server.url, 'POST', session, { jsonrpc: '2.0', id: 2, method: 'tools/list' });
  const tools = (JSON.parse(list.body) as { result?: { tools?: unknown[] } }).result?.tools;
  return Array.isArray(tools) ? { status: 'ok', tools: tools.length } : { status: 'error', tools: 0 };
}

await measure(async () => {
  await pool(manifest, concurrency, async (server) => {
    results[server.id] = await scanOne(server).catch(() => ({ status: 'error', tools: 0 }));
  });
  agent.destroy();
}, results);

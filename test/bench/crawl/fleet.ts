/**
 * The crawl benchmark's fleet: N Streamable HTTP MCP servers in this one
 * process, each on its own loopback address (127.x.y.z; all of 127.0.0.0/8 is
 * loopback on Linux), every response delayed by the given latency. The mix is
 * like the registries': about 80% answer with 1–13 tools, 10% answer 401 (with
 * RFC 9728 resource metadata), 10% refuse connections. A small hand-written
 * server (not the SDK's) keeps the fleet from being the bottleneck.
 *
 * Run as a child of crawl.ts: `fleet.ts N LATENCY_MS MANIFEST_FILE`; it writes
 * the manifest (every server's URL and expected outcome), prints `ready`, and
 * serves until its stdin closes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';

export interface FleetServer {
  id: string;
  url: string;
  expect: { status: 'ok' | 'auth_required' | 'unreachable'; tools: number };
}

const PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];

/** The kind of server `i` is: a fixed pattern, so every run has the same mix. */
export function planOf(i: number): FleetServer['expect'] {
  const slot = i % 10;
  if (slot === 8) return { status: 'auth_required', tools: 0 };
  if (slot === 9) return { status: 'unreachable', tools: 0 };
  return { status: 'ok', tools: 1 + ((i * 7) % 13) };
}

/** The loopback address of server `i`: 127.1.0.1 upwards, never 127.0.0.x (left to other tests). */
export function addressOf(i: number): string {
  const n = (1 << 16) + 1 + i;
  return `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function toolsFor(i: number, count: number) {
  return Array.from({ length: count }, (_, k) => ({
    name: k % 2 ? `get_record_${k}` : `update_record_${k}`,
    description: k % 2 ? `Returns record ${k} of server ${i}.` : `Updates record ${k} of server ${i}.`,
    inputSchema: { type: 'object', properties: { id: { type: 'string', description: 'The record id.' } }, required: ['id'] },
  }));
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
  });
}

async function main(): Promise<void> {
  const [n, latency, manifestFile] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
  const later = (fn: () => void) => setTimeout(fn, latency);
  const manifest: FleetServer[] = [];
  const listening: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const plan = planOf(i);
    const host = addressOf(i);
    const id = `server-${String(i).padStart(5, '0')}`;
    if (plan.status === 'unreachable') {
      // A port that was free a moment ago and that nothing listens on now: connections are refused.
      const entry: FleetServer = { id, url: '', expect: plan };
      manifest.push(entry);
      const probe = createServer();
      listening.push(
        new Promise((resolve, reject) => {
          probe.once('error', reject);
          probe.listen(0, host, () => {
            entry.url = `http://${host}:${(probe.address() as AddressInfo).port}/mcp`;
            probe.close(() => resolve());
          });
        }),
      );
      continue;
    }
    const tools = toolsFor(i, plan.tools);
    const sessions = new Set<string>();
    let nextSession = 0;
    const entry: FleetServer = { id, url: '', expect: plan };
    manifest.push(entry);
    const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
      const url = req.url ?? '/';
      if (plan.status === 'auth_required') {
        req.resume();
        const base = `http://${host}:${(server.address() as AddressInfo).port}`;
        if (req.method === 'GET' && url === '/.well-known/oauth-protected-resource/mcp') {
          const body = JSON.stringify({ resource: `${base}/mcp`, authorization_servers: ['https://auth.example.com'], scopes_supported: ['tools:read'] });
          return later(() => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
        }
        const challenge = `Bearer resource_metadata="${base}/.well-known/oauth-protected-resource/mcp", scope="tools:read"`;
        return later(() => res.writeHead(401, { 'www-authenticate': challenge }).end());
      }
      if (req.method === 'GET') {
        req.resume();
        return later(() => res.writeHead(405, { allow: 'POST, DELETE' }).end());
      }
      if (req.method === 'DELETE') {
        req.resume();
        const sid = req.headers['mcp-session-id'];
        if (typeof sid === 'string') sessions.delete(sid);
        return later(() => res.writeHead(200).end());
      }
      const msg = (await readJson(req)) as { id?: number | string; method?: string; params?: { protocolVersion?: string } } | undefined;
      if (!msg || typeof msg.method !== 'string') return later(() => res.writeHead(400).end());
      const reply = (status: number, headers: Record<string, string>, body?: unknown) =>
        later(() => res.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json', ...headers }).end(body === undefined ? undefined : JSON.stringify(body)));
      if (msg.method === 'initialize') {
        const sid = `s${i}-${++nextSession}`;
        sessions.add(sid);
        const asked = msg.params?.protocolVersion ?? '';
        const protocolVersion = PROTOCOL_VERSIONS.includes(asked) ? asked : PROTOCOL_VERSIONS[0];
        return reply(200, { 'mcp-session-id': sid }, {
          jsonrpc: '2.0',
          id: msg.id,
          result: { protocolVersion, capabilities: { tools: {} }, serverInfo: { name: `fleet-${i}`, version: '1.0.0' } },
        });
      }
      const sid = req.headers['mcp-session-id'];
      if (typeof sid !== 'string' || !sessions.has(sid)) return reply(404, {}, { jsonrpc: '2.0', id: msg.id ?? null, error: { code: -32001, message: 'Session not found' } });
      if (msg.id === undefined) return reply(202, {});
      if (msg.method === 'tools/list') return reply(200, {}, { jsonrpc: '2.0', id: msg.id, result: { tools } });
      if (msg.method === 'ping') return reply(200, {}, { jsonrpc: '2.0', id: msg.id, result: {} });
      return reply(200, {}, { jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: 'Method not found' } });
    });
    server.keepAliveTimeout = 30_000;
    listening.push(
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, host, () => {
          entry.url = `http://${host}:${(server.address() as AddressInfo).port}/mcp`;
          resolve();
        });
      }),
    );
  }
  await Promise.all(listening);
  writeFileSync(manifestFile, JSON.stringify(manifest));
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

if (import.meta.url === `file://${process.argv[1]}`) void main();

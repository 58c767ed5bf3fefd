/**
 * A hand-written Streamable HTTP MCP server for misbehaving-server tests: it
 * speaks the protocol (sessions, the protocol-version header, JSON or SSE
 * answers) unless a test's `intercept` takes over a request to misbehave.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, type Running } from './mcp-servers.ts';

export interface JsonRpc {
  jsonrpc?: string;
  id?: number | string;
  method?: string;
  params?: Record<string, unknown> & { cursor?: string; protocolVersion?: string };
}

export interface RawOptions {
  /** The tools, or each page by cursor. */
  tools?: unknown[] | ((cursor: string | undefined) => { tools: unknown[]; nextCursor?: string });
  /** The version answered to `initialize`. @default the one the client asked for */
  protocolVersion?: string;
  /** Answer requests as an SSE stream (a notification first, then the response). @default false */
  sse?: boolean;
  /**
   * Sees every request first (the body parsed when it is JSON, `n` counting requests
   * of the same method from 1); returns true when it answered it itself.
   */
  intercept?: (req: IncomingMessage, res: ServerResponse, msg: JsonRpc | undefined, n: number) => boolean | Promise<boolean>;
}

export interface RawRunning extends Running {
  /** Every request as received: method, JSON-RPC method, and the MCP headers. */
  log: { http: string; rpc?: string; session?: string; protocol?: string; headers: IncomingMessage['headers'] }[];
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

export async function rawMcpServer(opts: RawOptions = {}): Promise<RawRunning> {
  const log: RawRunning['log'] = [];
  const counts = new Map<string, number>();
  const sessions = new Set<string>();
  let sessionCount = 0;
  const running = await listen(async (req, res) => {
    const text = req.method === 'POST' ? await body(req) : (req.resume(), '');
    let msg: JsonRpc | undefined;
    try {
      msg = text ? (JSON.parse(text) as JsonRpc) : undefined;
    } catch {
      msg = undefined;
    }
    const key = msg?.method ?? `${req.method} ${req.url}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    log.push({ http: `${req.method} ${req.url}`, rpc: msg?.method, session: header('mcp-session-id'), protocol: header('mcp-protocol-version'), headers: req.headers });
    if (opts.intercept && (await opts.intercept(req, res, msg, n))) return;
    if (req.method === 'DELETE') return void res.writeHead(200).end();
    if (req.method !== 'POST') return void res.writeHead(405).end();
    if (!msg?.method) return void res.writeHead(400).end();
    const answer = (result: unknown, headers: Record<string, string> = {}) => {
      const response = JSON.stringify({ jsonrpc: '2.0', id: msg!.id, result });
      if (opts.sse) {
        res.writeHead(200, { 'content-type': 'text/event-stream', ...headers });
        res.write(`event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params: { level: 'info', data: 'hi' } })}\n\n`);
        res.end(`event: message\ndata: ${response}\n\n`);
      } else {
        res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(response);
      }
    };
    if (msg.method === 'initialize') {
      const sid = `session-${++sessionCount}`;
      sessions.add(sid);
      return answer(
        {
          protocolVersion: opts.protocolVersion ?? msg.params?.protocolVersion,
          capabilities: { tools: {} },
          serverInfo: { name: 'raw', version: '0.0.1' },
        },
        { 'mcp-session-id': sid },
      );
    }
    // Everything after initialize must carry the session and the agreed protocol version.
    const sid = header('mcp-session-id');
    if (!sid || !sessions.has(sid)) return void res.writeHead(404).end();
    if (!header('mcp-protocol-version')) return void res.writeHead(400).end();
    if (msg.id === undefined) return void res.writeHead(202).end();
    if (msg.method === 'tools/list') {
      const tools = opts.tools ?? [];
      return answer(typeof tools === 'function' ? tools(msg.params?.cursor) : { tools });
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: 'no' } }));
  });
  return { ...running, log };
}

/** A valid tool named `name`. */
export function tool(name: string, description = `Returns ${name}.`): { name: string; description: string; inputSchema: object } {
  return { name, description, inputSchema: { type: 'object', properties: {} } };
}

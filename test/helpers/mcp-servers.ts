/**
 * Real MCP servers (the SDK's own server classes) on loopback, for tests:
 * Streamable HTTP, legacy HTTP+SSE, and misbehaving HTTP endpoints.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';

export interface ToolSource {
  /** The tools the server lists. */
  tools: Tool[];
  /** Tools per `tools/list` page; all on one page when unset. */
  pageSize?: number;
  /** Replaces the cursor logic: answer each page request with this. */
  page?: (cursor: string | undefined) => { tools: Tool[]; nextCursor?: string };
  instructions?: string;
}

/** A real SDK `Server` that lists `source.tools`, paginated by `pageSize`. */
export function mcpServer(source: ToolSource, name = 'fixture-server'): Server {
  const server = new Server(
    { name, version: '1.2.3' },
    { capabilities: { tools: {} }, ...(source.instructions ? { instructions: source.instructions } : {}) },
  );
  server.setRequestHandler(ListToolsRequestSchema, async (req) => {
    const cursor = req.params?.cursor;
    if (source.page) return source.page(cursor);
    const size = source.pageSize ?? source.tools.length;
    const start = cursor ? Number(cursor) : 0;
    const end = start + size;
    return { tools: source.tools.slice(start, end), ...(end < source.tools.length ? { nextCursor: String(end) } : {}) };
  });
  return server;
}

export interface Running {
  url: string;
  /** Requests the HTTP server received (method + path). */
  requests: string[];
  close(): Promise<void>;
}

/** Starts `handler` on 127.0.0.1 on a free port. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, path = '/mcp'): Promise<Running> {
  const requests: string[] = [];
  const http: HttpServer = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        http.closeAllConnections();
        http.close(() => r());
      }),
  };
}

/** A stateful Streamable HTTP MCP server: a new SDK server per session. */
export function streamableHttpServer(source: ToolSource): Promise<Running> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  return listen(async (req, res) => {
    const id = req.headers['mcp-session-id'];
    let transport = typeof id === 'string' ? sessions.get(id) : undefined;
    if (!transport) {
      if (req.method !== 'POST') {
        res.writeHead(400).end();
        return;
      }
      const created: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (sid) => void sessions.set(sid, created),
      });
      transport = created;
      await mcpServer(source).connect(transport);
    }
    await transport.handleRequest(req, res);
  });
}

/** A legacy HTTP+SSE-only MCP server (2024-11-05 transport): GET /mcp opens the stream, POST /messages. */
export function sseOnlyServer(source: ToolSource): Promise<Running> {
  const sessions = new Map<string, SSEServerTransport>();
  return listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === '/mcp') {
      const transport = new SSEServerTransport('/messages', res);
      sessions.set(transport.sessionId, transport);
      await mcpServer(source).connect(transport);
      return;
    }
    if (req.method === 'POST' && url.pathname === '/messages') {
      const transport = sessions.get(url.searchParams.get('sessionId') ?? '');
      if (transport) return void transport.handlePostMessage(req, res);
    }
    // A legacy server knows nothing of POST /mcp.
    res.writeHead(405).end();
  });
}

/** Tools shaped like real ones, for size and pagination tests. */
export function syntheticTools(n: number, prefix = 'get_item'): Tool[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `${prefix}_${i}`,
    description: `Returns item ${i}.`,
    inputSchema: { type: 'object', properties: { id: { type: 'string' } } },
  }));
}

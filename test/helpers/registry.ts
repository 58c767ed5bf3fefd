/**
 * A local MCP Registry for tests: answers `GET /v0.1/servers` in the shapes of
 * the real API (`{servers: [{server, _meta}], metadata: {nextCursor, count}}`),
 * paging by an opaque cursor, on 127.0.0.1.
 */
import { listen, type Running } from './mcp-servers.ts';

export interface RegistryFixture {
  /** The entries served, in order, exactly as they are sent. */
  entries: unknown[];
  /** Name of the cursor field: `nextCursor` (current) or `next_cursor` (older answers). @default 'nextCursor' */
  cursorField?: 'nextCursor' | 'next_cursor';
  /** Apply `updated_since` to `_meta[official].updatedAt` like the real registry. @default false (the client must filter) */
  honourUpdatedSince?: boolean;
  /** Replaces the answer to a page request. */
  answer?: (url: URL) => { status: number; body: string; headers?: Record<string, string> } | undefined;
}

const OFFICIAL = 'io.modelcontextprotocol.registry/official';

function updatedAt(entry: unknown): string | undefined {
  const meta = (entry as { _meta?: Record<string, { updatedAt?: string }> })?._meta?.[OFFICIAL];
  return meta?.updatedAt;
}

export function registryServer(fixture: RegistryFixture): Promise<Running & { base: string }> {
  return listen((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const custom = fixture.answer?.(url);
    if (custom) {
      res.writeHead(custom.status, { 'content-type': 'application/json', ...custom.headers }).end(custom.body);
      return;
    }
    if (req.method !== 'GET' || url.pathname !== '/v0.1/servers') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const since = url.searchParams.get('updated_since');
    const all = fixture.honourUpdatedSince && since ? fixture.entries.filter((e) => (updatedAt(e) ?? '') >= since) : fixture.entries;
    const limit = Math.max(1, Number(url.searchParams.get('limit') ?? 30));
    const cursor = url.searchParams.get('cursor');
    const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8').replace('after:', '')) : 0;
    const page = all.slice(start, start + limit);
    const end = start + page.length;
    const metadata = { count: page.length, ...(end < all.length ? { [fixture.cursorField ?? 'nextCursor']: Buffer.from(`after:${end}`).toString('base64url') } : {}) };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ servers: page, metadata }));
  }, '/').then((running) => ({ ...running, base: running.url.replace(/\/$/, '') }));
}

/** An entry in the current API shape. */
export function entry(
  server: Record<string, unknown>,
  meta: { status?: string; isLatest?: boolean; publishedAt?: string; updatedAt?: string } = {},
): { server: Record<string, unknown>; _meta: Record<string, unknown> } {
  return {
    server: { description: 'A server.', version: '1.0.0', ...server },
    _meta: {
      [OFFICIAL]: { status: 'active', isLatest: true, publishedAt: '2026-10-01T00:00:00Z', updatedAt: '2026-10-01T00:00:00Z', ...meta },
    },
  };
}

/**
 * The crawl benchmark's baseline: a plain pool of the MCP SDK's `Client` over
 * `StreamableHTTPClientTransport`, at the same concurrency, listing every page of
 * tools of each server. `run-sdk.ts MANIFEST CONCURRENCY` prints one JSON line
 * like run-scanner.ts.
 */
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FleetServer } from './fleet.ts';
import { measure, pool, type Results } from './measure.ts';

const [manifestFile, concurrency] = [process.argv[2], Number(process.argv[3])];
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as FleetServer[];
const results: Results = {};

function statusOf(err: unknown): string {
  if (err instanceof UnauthorizedError || (err instanceof StreamableHTTPError && err.code === 401)) return 'auth_required';
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === 'ECONNREFUSED') return 'unreachable';
  }
  return 'error';
}

async function scanOne(server: FleetServer): Promise<void> {
  const client = new Client({ name: 'sdk-pool', version: '1.0.0' }, { capabilities: {} });
  const transport = new StreamableHTTPClientTransport(new URL(server.url));
  try {
    await client.connect(transport);
    let tools = 0;
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor === undefined ? {} : { cursor });
      tools += page.tools.length;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    results[server.id] = { status: 'ok', tools };
  } catch (err) {
    results[server.id] = { status: statusOf(err), tools: 0 };
  } finally {
    await transport.close().catch(() => {});
  }
}

await measure(() => pool(manifest, concurrency, scanOne), results);

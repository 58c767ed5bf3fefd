/**
 * Connect stage: opens an MCP session to a target over stdio, Streamable HTTP,
 * or legacy HTTP+SSE (the spec's backwards-compatible fallback), and maps every
 * failure to a `ScanError`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport, SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { Transport as McpTransport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Target, Transport } from '../schemas/index.ts';
import type { ServerTarget } from '../sources/servers.ts';
import { expandRefs } from './env.ts';
import { ScanError } from './errors.ts';
import { guardedFetch, type Lookup } from './guard.ts';
import { StdioTransport } from './stdio.ts';

export { ScanError, statusFor } from './errors.ts';

/** How the scanner identifies itself in `initialize`. */
export const CLIENT_INFO = { name: 'mcp-census', version: '0.1.0' } as const;

export interface ConnectOptions {
  /** Permit loopback and private addresses for remote servers. @default false */
  allowPrivate: boolean;
  /** Aborts the connection attempt (the per-server deadline). */
  signal: AbortSignal;
  /** Where `${NAME}` references in env values and headers are looked up. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Host name resolver for the private-network guard. @default the system resolver */
  lookup?: Lookup;
  /** Registers cleanup to run when the scan of this server ends, however it ends. */
  defer(cleanup: () => Promise<void> | void): void;
}

/** An open, initialised MCP session. */
export interface Session {
  client: Client;
  transport: Transport;
  /** The protocol version agreed in `initialize`. */
  protocolVersion: string;
  /** Why the connection broke, if the transport knows better than the error it caused. */
  failure(): ScanError | undefined;
}

/** The target as it is recorded: never env values, header values or URL credentials and query strings. */
export function describeTarget(target: ServerTarget): Target {
  const { entry } = target;
  const extra = { ...(entry.package ? { package: entry.package } : {}), ...(entry.homepage ? { homepage: entry.homepage } : {}) };
  if (target.kind === 'stdio') {
    return { transport: 'stdio', command: target.entry.command, args: target.entry.args, ...extra };
  }
  const url = new URL(target.entry.url);
  url.username = url.password = url.search = url.hash = '';
  return { transport: target.entry.type === 'sse' ? 'sse' : 'streamable-http', url: url.href, ...extra };
}

function newClient(): Client {
  return new Client(CLIENT_INFO, { capabilities: {} });
}

/** Records the protocol version the client agrees on (the SDK hands it to the transport). */
function trackProtocolVersion(transport: McpTransport): () => string {
  let agreed = '';
  const forward = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version: string) => {
    agreed = version;
    forward?.(version);
  };
  return () => agreed;
}

async function connectStdio(target: ServerTarget & { kind: 'stdio' }, opts: ConnectOptions): Promise<Session> {
  const home = await mkdtemp(join(tmpdir(), 'mcp-census-home-'));
  opts.defer(() => rm(home, { recursive: true, force: true }));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: home,
    LANG: 'C.UTF-8',
    ...expandRefs(target.entry.env, opts.env ?? process.env, `mcpServers.${target.id}.env`, 'config'),
  };
  const transport = new StdioTransport({ command: target.entry.command, args: target.entry.args, env, cwd: target.entry.cwd ?? home });
  opts.defer(() => transport.close());
  const protocolVersion = trackProtocolVersion(transport);
  const client = newClient();
  try {
    await client.connect(transport, { signal: opts.signal });
  } catch (err) {
    throw transport.failure ?? err;
  }
  return { client, transport: 'stdio', protocolVersion: protocolVersion(), failure: () => transport.failure };
}

/** A Streamable HTTP status that means "not this transport", so the legacy SSE transport is tried. */
function isFallbackStatus(err: unknown): boolean {
  return err instanceof StreamableHTTPError && err.code !== undefined && err.code >= 400 && err.code < 500 && ![401, 403, 408, 429].includes(err.code);
}

async function connectRemote(target: ServerTarget & { kind: 'remote' }, opts: ConnectOptions): Promise<Session> {
  const url = new URL(target.entry.url);
  const headers = expandRefs(target.entry.headers, opts.env ?? process.env, `mcpServers.${target.id}.headers`, 'auth');
  const fetch = guardedFetch({ allowPrivate: opts.allowPrivate, lookup: opts.lookup });
  const requestInit: RequestInit = { headers };
  const open = async (transport: McpTransport, kind: Transport): Promise<Session> => {
    opts.defer(() => transport.close());
    const protocolVersion = trackProtocolVersion(transport);
    const client = newClient();
    await client.connect(transport, { signal: opts.signal });
    return { client, transport: kind, protocolVersion: protocolVersion(), failure: () => undefined };
  };
  if (target.entry.type !== 'sse') {
    try {
      return await open(new StreamableHTTPClientTransport(url, { fetch, requestInit }), 'streamable-http');
    } catch (err) {
      if (!isFallbackStatus(err)) throw err;
    }
  }
  return open(new SSEClientTransport(url, { fetch, requestInit }), 'sse');
}

/** Opens and initialises a session with `target`. Throws on failure (see `toScanError`). */
export function connect(target: ServerTarget, opts: ConnectOptions): Promise<Session> {
  return target.kind === 'stdio' ? connectStdio(target, opts) : connectRemote(target, opts);
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The network error code behind a failed fetch, if any (`fetch failed` hides it in `cause`). */
function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Maps anything thrown while scanning a server to a `ScanError` with the right kind. */
export function toScanError(err: unknown): ScanError {
  if (err instanceof ScanError) return err;
  // The SDK wraps transport errors; look for one of ours inside.
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ScanError) return e;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof UnauthorizedError) return new ScanError('auth', 'the server requires authorization');
  if (err instanceof StreamableHTTPError || err instanceof SseError) {
    const code = err.code;
    if (code === 401 || code === 403) return new ScanError('auth', `HTTP ${code}: the server requires authorization`);
    const net = networkCode(err);
    if (net && UNREACHABLE_CODES.has(net)) return new ScanError('unreachable', `cannot connect: ${net}`);
    return new ScanError('protocol', code && code > 0 ? `HTTP ${code}` : message.slice(0, 300));
  }
  if (err instanceof McpError) {
    if (err.code === ErrorCode.RequestTimeout) return new ScanError('timeout', 'the server did not answer in time');
    if (err.code === ErrorCode.ConnectionClosed) return new ScanError('crashed', 'the server closed the connection');
    return new ScanError('protocol', `the server answered with an error: ${message.slice(0, 300)}`);
  }
  const net = networkCode(err);
  if (net && UNREACHABLE_CODES.has(net)) return new ScanError('unreachable', `cannot connect: ${net}`);
  if ((err as Error)?.name === 'AbortError' || (err as Error)?.name === 'TimeoutError') {
    return new ScanError('timeout', 'the server did not answer in time');
  }
  if (/protocol version is not supported/i.test(message)) return new ScanError('protocol', message.slice(0, 300));
  if (/fetch failed/i.test(message)) return new ScanError('unreachable', `cannot connect: ${message.slice(0, 200)}`);
  return new ScanError('protocol', message.slice(0, 300));
}

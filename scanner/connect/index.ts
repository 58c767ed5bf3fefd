/**
 * Connect stage: opens an MCP session to a target over stdio, Streamable HTTP
 * (our lean client, see http.ts), or legacy HTTP+SSE (the spec's
 * backwards-compatible fallback, through the SDK), and maps every failure to a
 * `ScanError`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport, SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import type { Transport as McpTransport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Target, Transport } from '../schemas/index.ts';
import type { ServerTarget } from '../sources/servers.ts';
import { agentFetch, createAgents, type Agents } from './agent.ts';
import { describeAuth } from './auth.ts';
import { expandRefs } from './env.ts';
import { ScanError, unreachableError } from './errors.ts';
import { type Lookup } from './guard.ts';
import { CLIENT_INFO, HttpStatusError, StreamableHttpSession, type HttpContext, type HttpLimits } from './http.ts';
import { StdioTransport } from './stdio.ts';
import { redactArgs, redactUrl } from '../sources/redact.ts';

export { ScanError, statusFor } from './errors.ts';
export { CLIENT_INFO } from './http.ts';

export interface ConnectOptions {
  /** Permit loopback and private addresses for remote servers. @default false */
  allowPrivate: boolean;
  /** Aborts the connection attempt (the per-server deadline). */
  signal: AbortSignal;
  /** Where `${NAME}` references in env values and headers are looked up. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Host name resolver for the private-network guard. @default the system resolver */
  lookup?: Lookup;
  /**
   * The keep-alive agents the scan shares (their lookup is the guard, so they must
   * have been made with the same `allowPrivate` and `lookup`). @default agents made for this connection alone
   */
  agents?: Agents;
  /** Caps and retries for remote servers. */
  http?: HttpLimits;
  /**
   * Longest stdout line (one message) from a stdio server, in bytes.
   * @default 8 MiB
   */
  maxMessageBytes?: number;
  /** Registers cleanup to run when the scan of this server ends, however it ends. */
  defer(cleanup: () => Promise<void> | void): void;
}

/** An open, initialised MCP session. */
export interface Session {
  transport: Transport;
  /** The protocol version agreed in `initialize`. */
  protocolVersion: string;
  /** What the server said about itself in `initialize`. */
  serverInfo?: { name: string; version: string; title?: string };
  /** The server's `instructions`, if any. */
  instructions?: string;
  /** Sends a request and resolves with its `result` (unchecked: the caller validates it). */
  request(method: string, params: Record<string, unknown>): Promise<unknown>;
  /** Why the connection broke, if the transport knows better than the error it caused. */
  failure(): ScanError | undefined;
}

/**
 * The target as it is recorded, and as `--resume` compares it: never env
 * values, header values, URL credentials and query strings, or secret-looking
 * arguments (see `redactArgs`).
 */
export function describeTarget(target: ServerTarget): Target {
  const { entry } = target;
  const extra = { ...(entry.package ? { package: entry.package } : {}), ...(entry.homepage ? { homepage: entry.homepage } : {}) };
  if (target.kind === 'stdio') {
    return { transport: 'stdio', command: target.entry.command, args: redactArgs(target.entry.args), ...extra };
  }
  return { transport: target.entry.type === 'sse' ? 'sse' : 'streamable-http', url: redactUrl(target.entry.url), ...extra };
}

function newClient(): Client {
  return new Client(CLIENT_INFO, { capabilities: {} });
}

/** Anything: the list stage checks what the server sent. */
const AnyResult = z.unknown();

/** A session over the SDK `Client` (stdio and legacy SSE). */
function sdkSession(client: Client, transport: Transport, protocolVersion: string, signal: AbortSignal, failure: () => ScanError | undefined): Session {
  const info = client.getServerVersion();
  const instructions = client.getInstructions();
  return {
    transport,
    protocolVersion,
    ...(info ? { serverInfo: { name: String(info.name ?? ''), version: String(info.version ?? ''), ...(typeof info.title === 'string' ? { title: info.title } : {}) } } : {}),
    ...(typeof instructions === 'string' ? { instructions } : {}),
    request: (method, params) => client.request({ method, params }, AnyResult as never, { signal, timeout: 2 ** 31 - 1 }),
    failure,
  };
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
  const transport = new StdioTransport({
    command: target.entry.command,
    args: target.entry.args,
    env,
    cwd: target.entry.cwd ?? home,
    maxMessageBytes: opts.maxMessageBytes ?? 8 * 1024 * 1024,
  });
  opts.defer(() => transport.close());
  const protocolVersion = trackProtocolVersion(transport);
  const client = newClient();
  try {
    await client.connect(transport, { signal: opts.signal });
  } catch (err) {
    throw transport.failure ?? err;
  }
  return sdkSession(client, 'stdio', protocolVersion(), opts.signal, () => transport.failure);
}

/** A Streamable HTTP status that means "not this transport", so the legacy SSE transport is tried. */
function isFallbackStatus(err: unknown): boolean {
  return err instanceof HttpStatusError && err.status >= 400 && err.status < 500 && ![401, 403, 408, 429].includes(err.status);
}

async function connectRemote(target: ServerTarget & { kind: 'remote' }, opts: ConnectOptions): Promise<Session> {
  const url = new URL(target.entry.url);
  const headers = expandRefs(target.entry.headers, opts.env ?? process.env, `mcpServers.${target.id}.headers`, 'auth');
  let agents = opts.agents;
  if (!agents) {
    const own = createAgents({ allowPrivate: opts.allowPrivate, lookup: opts.lookup });
    opts.defer(() => own.destroy());
    agents = own;
  }
  const ctx: HttpContext = { ...opts.http, agents, signal: opts.signal };
  if (target.entry.type !== 'sse') {
    const session = new StreamableHttpSession(url, headers, ctx);
    opts.defer(() => session.close());
    try {
      const init = await session.initialize();
      return { transport: 'streamable-http', ...init, request: (method, params) => session.request(method, params), failure: () => undefined };
    } catch (err) {
      if (err instanceof HttpStatusError && err.kind === 'auth') {
        throw new ScanError('auth', err.message, { auth: await describeAuth(ctx, url, err.headers) });
      }
      if (!isFallbackStatus(err)) throw err;
    }
  }
  const maxBytes = (ctx.maxMessageBytes ?? 8 * 1024 * 1024) * 4;
  const transport = new SSEClientTransport(url, { fetch: agentFetch(agents, maxBytes), requestInit: { headers } });
  opts.defer(() => transport.close());
  const protocolVersion = trackProtocolVersion(transport);
  const client = newClient();
  await client.connect(transport, { signal: opts.signal });
  return sdkSession(client, 'sse', protocolVersion(), opts.signal, () => undefined);
}

/** Opens and initialises a session with `target`. Throws on failure (see `toScanError`). */
export function connect(target: ServerTarget, opts: ConnectOptions): Promise<Session> {
  return target.kind === 'stdio' ? connectStdio(target, opts) : connectRemote(target, opts);
}


/** The network error behind a failed fetch, if any (`fetch failed` hides it in `cause`). */
function networkError(err: unknown): { code: string; hostname?: unknown } | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return e as { code: string; hostname?: unknown };
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
    const unreachable = unreachableError(networkError(err));
    if (unreachable) return unreachable;
    return new ScanError('protocol', code && code > 0 ? `HTTP ${code}` : message.slice(0, 300));
  }
  if (err instanceof McpError) {
    if (err.code === ErrorCode.RequestTimeout) return new ScanError('timeout', 'the server did not answer in time');
    if (err.code === ErrorCode.ConnectionClosed) return new ScanError('crashed', 'the server closed the connection');
    return new ScanError('protocol', `the server answered with an error: ${message.slice(0, 300)}`);
  }
  const unreachable = unreachableError(networkError(err));
  if (unreachable) return unreachable;
  if ((err as Error)?.name === 'AbortError' || (err as Error)?.name === 'TimeoutError') {
    return new ScanError('timeout', 'the server did not answer in time');
  }
  if (/protocol version is not supported/i.test(message)) return new ScanError('protocol', message.slice(0, 300));
  if (/fetch failed/i.test(message)) return new ScanError('unreachable', `cannot connect: ${message.slice(0, 200)}`);
  return new ScanError('protocol', message.slice(0, 300));
}

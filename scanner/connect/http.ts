/**
 * A lean Streamable HTTP client for scanning: `initialize`, then the
 * `notifications/initialized` notification sent without waiting for its 202
 * (pipelined with the first `tools/list`), then the pages of `tools/list`. No
 * standalone GET stream is opened (a scan expects nothing unsolicited).
 * Sessions (`Mcp-Session-Id`) and the `MCP-Protocol-Version` header are
 * honoured; answers may be JSON or an SSE stream; every body is read under a
 * size bound; transient failures are retried (see retry.ts); every hop of a
 * redirect is checked by the private-network guard.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { ScanError, unreachableError } from './errors.ts';
import { agentFor, type Agents } from './agent.ts';
import { checkLiteral } from './guard.ts';
import { isTransientError, isTransientStatus, parseRetryAfter, retryDelay, sleep, type RetryOptions } from './retry.ts';

/** How the scanner identifies itself in `initialize`. */
export const CLIENT_INFO = { name: 'mcp-census', version: '0.1.0' } as const;

export interface HttpLimits {
  /**
   * Largest body (or one SSE event) read from a server, in bytes.
   * @default 8 MiB
   * Why: the largest real `tools/list` pages are a few hundred KiB; a server must not make the scanner buffer without bound.
   */
  maxMessageBytes?: number;
  /**
   * Redirects (307/308) followed for one request, each hop checked by the guard.
   * @default 3
   */
  maxRedirects?: number;
  /**
   * SSE events that are not the awaited response (notifications, pings) tolerated on one stream.
   * @default 1000
   */
  maxStrayEvents?: number;
  /** Retries of transient failures. */
  retry?: RetryOptions;
}

export interface HttpContext extends HttpLimits {
  agents: Agents;
  /** The per-server deadline. */
  signal: AbortSignal;
}

/** An HTTP answer that was not what the protocol expects, with what the caller may need from it. */
export class HttpStatusError extends ScanError {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  constructor(kind: ScanError['kind'], message: string, status: number, headers: IncomingHttpHeaders) {
    super(kind, message);
    this.status = status;
    this.headers = headers;
  }
}


/** Maps a failed request to a `ScanError`. */
function networkError(err: unknown, signal: AbortSignal): ScanError {
  if (err instanceof ScanError) return err;
  if (signal.aborted) return new ScanError('timeout', 'the server did not answer in time');
  const unreachable = unreachableError(err as NodeJS.ErrnoException);
  if (unreachable) return unreachable;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'HPE_HEADER_OVERFLOW') return new ScanError('too-large', 'the server sent oversized HTTP headers');
  if (code?.startsWith('HPE_')) return new ScanError('protocol', `the server sent malformed HTTP (${code})`);
  return new ScanError('unreachable', `cannot connect: ${code ?? (err as Error)?.message ?? String(err)}`.slice(0, 300));
}

function sendOnce(ctx: HttpContext, url: URL, method: string, headers: Record<string, string>, body: string | undefined): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, { method, headers, agent: agentFor(ctx.agents, url), signal: ctx.signal }, resolve);
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One HTTP request with retries of transient failures and guarded 307/308
 * redirects. Returns the response (body unread) and the URL that answered.
 */
export async function exchange(
  ctx: HttpContext,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ res: IncomingMessage; url: URL }> {
  let current = url;
  let sendHeaders = headers;
  let hops = 0;
  let attempt = 0;
  for (;;) {
    checkLiteral(current, ctx.agents.options); // host names are checked by the agents' lookup, as they connect
    let res: IncomingMessage;
    try {
      res = await sendOnce(ctx, current, method, sendHeaders, body);
    } catch (err) {
      const delay = !ctx.signal.aborted && isTransientError(err) ? retryDelay(++attempt, ctx.retry ?? {}) : undefined;
      if (delay === undefined) throw networkError(err, ctx.signal);
      await sleep(delay, ctx.signal).catch(() => {
        throw networkError(err, ctx.signal);
      });
      continue;
    }
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if ((status === 307 || status === 308) && location) {
      res.resume();
      if (++hops > (ctx.maxRedirects ?? 3)) throw new ScanError('protocol', `more than ${ctx.maxRedirects ?? 3} redirects`);
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        throw new ScanError('protocol', 'the server redirected to an invalid URL');
      }
      // Credentials go only where they were configured for.
      if (next.origin !== current.origin) sendHeaders = stripCredentials(sendHeaders);
      current = next;
      continue;
    }
    if (isTransientStatus(status)) {
      const delay = retryDelay(++attempt, ctx.retry ?? {}, parseRetryAfter(header(res.headers, 'retry-after')));
      if (delay !== undefined) {
        res.resume();
        await sleep(delay, ctx.signal).catch(() => {
          throw new ScanError('timeout', `the server kept answering HTTP ${status} until the time ran out`);
        });
        continue;
      }
    }
    return { res, url: current };
  }
}

/** Headers that carry credentials, dropped on a cross-origin redirect. */
export function stripCredentials(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (!/^(authorization|cookie|proxy-authorization|x-api-key)$/i.test(k) && !/token|secret|key/i.test(k)) kept[k] = v;
  }
  return kept;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Reads a whole body, failing with `too-large` past `max` bytes. */
export function readBody(res: IncomingMessage, max: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(res.headers['content-length']);
    if (declared > max) {
      res.destroy();
      return reject(new ScanError('too-large', `the server's answer is ${declared} bytes, over the ${max}-byte cap`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        res.destroy();
        reject(new ScanError('too-large', `the server's answer exceeds the ${max}-byte cap`));
        return;
      }
      chunks.push(chunk);
    });
    res.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    res.on('error', (err) => reject(networkError(err, signal)));
    res.on('close', () => {
      if (!res.complete) reject(signal.aborted ? new ScanError('timeout', 'the server did not answer in time') : new ScanError('protocol', 'the server closed the connection mid-answer'));
    });
  });
}

type JsonRpcResponse = { jsonrpc?: unknown; id?: unknown; result?: unknown; error?: { code?: unknown; message?: unknown } };

/** The response with `id` among one parsed JSON body (a message or a batch). */
function findResponse(parsed: unknown, id: number): JsonRpcResponse | undefined {
  const items = Array.isArray(parsed) ? parsed : [parsed];
  for (const item of items) {
    if (item && typeof item === 'object' && (item as JsonRpcResponse).id === id && ('result' in item || 'error' in item)) return item as JsonRpcResponse;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ScanError('protocol', 'the server answered with invalid JSON');
  }
}

/**
 * Requests of the server's a session answers, at most.
 * @default 16
 * Why: a server may ping a client; one that sends thousands of requests must not make the
 * scanner send it thousands of POSTs (the rest are skipped like any stray event).
 */
const MAX_ANSWERS = 16;

/** A JSON-RPC request the server sends the client (`ping`, or one for a capability the client lacks). */
export interface ServerRequest {
  id: string | number;
  method: string;
}

/** The server's requests in a parsed message (a message or a batch). */
function serverRequests(parsed: unknown): ServerRequest[] {
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const out: ServerRequest[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const { id, method } = item as { id?: unknown; method?: unknown };
    if (typeof method === 'string' && (typeof id === 'string' || typeof id === 'number')) out.push({ id, method });
  }
  return out;
}

/**
 * Reads an SSE stream until the response with `id` arrives; events other than
 * that response are skipped (up to `maxStray`), the server's requests among
 * them handed to `onRequest`. Each event is bounded by `max`.
 */
export function readSseResponse(
  res: IncomingMessage,
  id: number,
  max: number,
  maxStray: number,
  signal: AbortSignal,
  onRequest?: (request: ServerRequest) => void,
): Promise<JsonRpcResponse> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let data: string[] = [];
    let dataSize = 0;
    let stray = 0;
    let settled = false;
    const finish = (err: ScanError | undefined, value?: JsonRpcResponse) => {
      if (settled) return;
      settled = true;
      if (err) {
        res.destroy();
        reject(err);
      } else {
        // The server should end the stream after the response; drain it without keeping anything.
        res.removeAllListeners('data');
        res.resume();
        resolve(value!);
      }
    };
    const dispatch = () => {
      if (data.length === 0) return;
      const text = data.join('\n');
      data = [];
      dataSize = 0;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return finish(new ScanError('protocol', 'the server sent an SSE event that is not JSON'));
      }
      const found = findResponse(parsed, id);
      if (found) return finish(undefined, found);
      if (++stray > maxStray) return finish(new ScanError('protocol', `the server sent over ${maxStray} events without answering`));
      if (onRequest) for (const request of serverRequests(parsed)) onRequest(request);
    };
    const onLine = (line: string) => {
      if (line === '') return dispatch();
      if (line.startsWith(':')) return;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      if (field !== 'data') return; // event, id, retry: nothing a scan needs
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      dataSize += value.length + 1;
      if (dataSize > max) return finish(new ScanError('too-large', `an event from the server exceeds the ${max}-byte cap`));
      data.push(value);
    };
    res.on('data', (chunk: Buffer) => {
      pending += decoder.write(chunk);
      let start = 0;
      for (;;) {
        let nl = -1;
        for (let i = start; i < pending.length; i++) {
          const c = pending.charCodeAt(i);
          if (c === 10 || c === 13) {
            nl = i;
            break;
          }
        }
        if (nl === -1) break;
        if (pending.charCodeAt(nl) === 13 && nl + 1 === pending.length) break; // a CR whose LF may follow
        onLine(pending.slice(start, nl));
        if (settled) return;
        start = nl + (pending.charCodeAt(nl) === 13 && pending.charCodeAt(nl + 1) === 10 ? 2 : 1);
      }
      pending = pending.slice(start);
      if (pending.length + dataSize > max) finish(new ScanError('too-large', `an event from the server exceeds the ${max}-byte cap`));
    });
    res.on('end', () => {
      if (pending) onLine(pending);
      dispatch();
      finish(new ScanError('protocol', 'the server ended the stream without answering'));
    });
    res.on('error', (err) => finish(networkError(err, signal)));
    res.on('close', () => finish(signal.aborted ? new ScanError('timeout', 'the server did not answer in time') : new ScanError('protocol', 'the server closed the stream without answering')));
  });
}

/** What `initialize` told us. */
export interface InitializeInfo {
  protocolVersion: string;
  serverInfo?: { name: string; version: string; title?: string };
  instructions?: string;
}

/** A session with one Streamable HTTP server. */
export class StreamableHttpSession {
  private endpoint: URL;
  private sessionId?: string;
  private protocolVersion?: string;
  private nextId = 0;
  private answered = 0;
  private readonly max: number;

  constructor(
    url: URL,
    private headers: Record<string, string>,
    private readonly ctx: HttpContext,
  ) {
    this.endpoint = url;
    this.max = ctx.maxMessageBytes ?? 8 * 1024 * 1024;
  }

  private requestHeaders(): Record<string, string> {
    return {
      ...this.headers,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(this.sessionId ? { 'mcp-session-id': this.sessionId } : {}),
      ...(this.protocolVersion ? { 'mcp-protocol-version': this.protocolVersion } : {}),
    };
  }

  /** Sends a request and returns its `result`; JSON-RPC errors and unexpected statuses throw `ScanError`s. */
  async request(method: string, params: Record<string, unknown>): Promise<unknown> {
    const id = ++this.nextId;
    const body = JSON.stringify({ jsonrpc: '2.0', id, method, params });
    const { res, url } = await exchange(this.ctx, this.endpoint, 'POST', this.requestHeaders(), body);
    if (url.origin !== this.endpoint.origin) this.headers = stripCredentials(this.headers); // they were configured for the old origin
    this.endpoint = url;
    const status = res.statusCode ?? 0;
    if (status !== 200) {
      res.resume();
      throw this.statusError(status, res.headers, method);
    }
    if (method === 'initialize') {
      const sid = header(res.headers, 'mcp-session-id');
      if (sid !== undefined) {
        if (!/^[\x21-\x7e]{1,1024}$/.test(sid)) {
          res.destroy();
          throw new ScanError('protocol', 'the server sent an invalid Mcp-Session-Id');
        }
        this.sessionId = sid;
      }
    }
    const type = header(res.headers, 'content-type') ?? '';
    let response: JsonRpcResponse | undefined;
    if (/^text\/event-stream/i.test(type)) {
      response = await readSseResponse(res, id, this.max, this.ctx.maxStrayEvents ?? 1000, this.ctx.signal, (request) => this.answer(request));
    } else if (/^application\/(?:[\w.+-]*\+)?json/i.test(type)) {
      response = findResponse(parseJson((await readBody(res, this.max, this.ctx.signal)).toString('utf8')), id);
      if (!response) throw new ScanError('protocol', `the server's answer to ${method} is not its JSON-RPC response`);
    } else {
      res.destroy();
      throw new ScanError('protocol', `the server answered ${method} with content type ${JSON.stringify(type.slice(0, 60))}`);
    }
    if (response.error !== undefined) {
      const code = typeof response.error?.code === 'number' ? response.error.code : '?';
      const message = typeof response.error?.message === 'string' ? response.error.message.slice(0, 300) : '';
      throw new ScanError('protocol', `the server answered ${method} with error ${code}: ${message}`);
    }
    return response.result;
  }

  private statusError(status: number, headers: IncomingHttpHeaders, method: string): HttpStatusError {
    if (status === 401 || status === 403) return new HttpStatusError('auth', `HTTP ${status}: the server requires authorization`, status, headers);
    if (status === 404 && this.sessionId) return new HttpStatusError('protocol', `HTTP 404: the server ended the session during ${method}`, status, headers);
    if (isTransientStatus(status)) return new HttpStatusError('unreachable', `HTTP ${status}: the server is unavailable`, status, headers);
    return new HttpStatusError('protocol', `HTTP ${status} for ${method}`, status, headers);
  }

  /** Sends a notification without waiting for the answer (202); its failure shows in the next request. */
  notify(method: string): void {
    this.post(JSON.stringify({ jsonrpc: '2.0', method }));
  }

  /**
   * Answers a request the server sent while answering one of ours, as the spec asks of a
   * client: `ping` with an empty result, anything else (sampling, elicitation, roots: none of
   * them declared) with "method not found". Sent without waiting, like a notification.
   */
  private answer(request: ServerRequest): void {
    if (++this.answered > MAX_ANSWERS) return; // a server that keeps asking gets no more POSTs from us
    const reply =
      request.method === 'ping'
        ? { jsonrpc: '2.0', id: request.id, result: {} }
        : { jsonrpc: '2.0', id: request.id, error: { code: -32601, message: 'Method not found: this client is a scanner and offers no capabilities' } };
    this.post(JSON.stringify(reply));
  }

  /** POSTs a message whose answer (202) nobody waits for. */
  private post(body: string): void {
    exchange(this.ctx, this.endpoint, 'POST', this.requestHeaders(), body).then(
      ({ res }) => res.resume(),
      () => {},
    );
  }

  /** `initialize`, then `notifications/initialized` (pipelined, not awaited). */
  async initialize(): Promise<InitializeInfo> {
    const result = (await this.request('initialize', {
      protocolVersion: LATEST_PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: CLIENT_INFO,
    })) as { protocolVersion?: unknown; serverInfo?: { name?: unknown; version?: unknown; title?: unknown }; instructions?: unknown } | null;
    if (!result || typeof result !== 'object' || typeof result.protocolVersion !== 'string') {
      throw new ScanError('protocol', 'the server answered initialize without a protocol version');
    }
    if (!SUPPORTED_PROTOCOL_VERSIONS.includes(result.protocolVersion)) {
      throw new ScanError('protocol', `the server's protocol version is not supported: ${JSON.stringify(result.protocolVersion.slice(0, 40))}`);
    }
    this.protocolVersion = result.protocolVersion;
    this.notify('notifications/initialized');
    const info = result.serverInfo && typeof result.serverInfo === 'object' ? result.serverInfo : undefined;
    return {
      protocolVersion: result.protocolVersion,
      ...(info
        ? {
            serverInfo: {
              name: String(info.name ?? ''),
              version: String(info.version ?? ''),
              ...(typeof info.title === 'string' ? { title: info.title } : {}),
            },
          }
        : {}),
      ...(typeof result.instructions === 'string' ? { instructions: result.instructions } : {}),
    };
  }

  /** Ends the session on the server (DELETE), without waiting for the answer (the spec asks clients to; it frees the server's state). */
  close(): void {
    if (!this.sessionId) return;
    const headers = { ...this.headers, 'mcp-session-id': this.sessionId, ...(this.protocolVersion ? { 'mcp-protocol-version': this.protocolVersion } : {}) };
    // Its own short bound: the server's budget ends with its scan.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 2000).unref();
    exchange({ ...this.ctx, signal: controller.signal, retry: { retries: 0 } }, this.endpoint, 'DELETE', headers)
      .then(
        ({ res }) => res.resume(),
        () => {},
      )
      .finally(() => clearTimeout(timer));
    this.sessionId = undefined;
  }
}

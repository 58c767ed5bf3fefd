/**
 * Connections to remote servers: keep-alive agents whose DNS lookup is the
 * private-network guard, so the address that was checked is the address that
 * is connected to (no DNS-rebinding window), and a `fetch` over those agents
 * for the SDK's legacy SSE transport.
 */
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ScanError } from './errors.ts';
import { checkLiteral, isPrivateAddress, type Lookup } from './guard.ts';

export interface AgentOptions {
  /** Permit loopback and private addresses. @default false */
  allowPrivate: boolean;
  /** Host name resolver (tests). @default the system resolver */
  lookup?: Lookup;
  /**
   * Idle keep-alive sockets kept per host.
   * @default 8
   * Why: a scan sends a few requests per server in quick succession; reusing the socket saves a round trip each.
   */
  maxFreeSockets?: number;
  /**
   * How long an idle keep-alive socket is kept, in ms.
   * @default 250
   * Why: a server's requests follow each other at once (the next is sent as the answer
   * arrives), and so does the next server of the same host; a socket idle for longer belongs
   * to a server already done. At 700 servers a second, 5 s of idleness kept 3,500 such sockets:
   * in the crawl benchmark at 10,000 servers (crawl only) 5 s gave 381 MB and 662 servers/s,
   * 1 s 277 MB and 775/s, 250 ms 259 MB and 946/s.
   */
  idleSocketMs?: number;
}

/** The agents one scan shares, by protocol. */
export interface Agents {
  http: http.Agent;
  https: https.Agent;
  options: AgentOptions;
  /** Ends every pooled socket. */
  destroy(): void;
}

/**
 * A `net` lookup that resolves with `opts.lookup` (or the system resolver) and,
 * unless private addresses are allowed, fails with `ScanError('blocked')` when
 * any address is not public. Node connects only to what this returns.
 */
export function guardedLookup(opts: AgentOptions): LookupFunction {
  return (hostname, options, callback) => {
    const cb = callback as (err: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;
    const all = Boolean((options as { all?: boolean }).all);
    const done = (addrs: string[]) => {
      if (!opts.allowPrivate) {
        const bad = addrs.find(isPrivateAddress);
        if (bad) {
          const err = new ScanError('blocked', `${hostname} resolves to ${bad}, which is not a public address (use --allow-private to scan it)`);
          return cb(err as unknown as NodeJS.ErrnoException, all ? [] : '');
        }
      }
      if (addrs.length === 0) {
        const err = Object.assign(new Error(`cannot resolve ${hostname}`), { code: 'ENOTFOUND' });
        return cb(err, all ? [] : '');
      }
      if (all) cb(null, addrs.map((address) => ({ address, family: isIP(address) })));
      else cb(null, addrs[0], isIP(addrs[0]));
    };
    if (opts.lookup) {
      opts.lookup(hostname).then(done, (err: NodeJS.ErrnoException) => cb(err, all ? [] : ''));
      return;
    }
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addrs) => {
      if (err) return cb(err, all ? [] : '');
      done(addrs.map((a) => a.address));
    });
  };
}

/** Keep-alive agents for one scan, connecting only to addresses the guard accepted. */
export function createAgents(opts: AgentOptions): Agents {
  // `timeout` is the socket idle timeout: the agent destroys a free socket when it fires; a request in flight is bounded by the server's deadline instead.
  const common = { keepAlive: true, maxFreeSockets: opts.maxFreeSockets ?? 8, timeout: opts.idleSocketMs ?? 250, lookup: guardedLookup(opts), scheduling: 'lifo' as const };
  const agents = { http: new http.Agent(common), https: new https.Agent(common) };
  return {
    ...agents,
    options: opts,
    destroy() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** The agent for `url`'s protocol. */
export function agentFor(agents: Agents, url: URL): http.Agent {
  return url.protocol === 'https:' ? agents.https : agents.http;
}

/**
 * A `fetch` over the guarded agents, for the SDK's legacy SSE transport. Each URL
 * (literal hosts included) is checked first; redirects are not followed (the
 * SDK sees them as errors); the response body is cut off after `maxBodyBytes`.
 */
export function agentFetch(agents: Agents, maxBodyBytes: number): FetchLike {
  return async (input, init) => {
    const url = new URL(input);
    checkLiteral(url, agents.options); // host names are checked by the agents' lookup, as they connect
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const body = init?.body === undefined || init.body === null ? undefined : String(init.body);
    return new Promise<Response>((resolve, reject) => {
      const mod = url.protocol === 'https:' ? https : http;
      const req = mod.request(url, { method: init?.method ?? 'GET', headers, agent: agentFor(agents, url), signal: init?.signal ?? undefined }, (res) => {
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > maxBodyBytes) res.destroy(new ScanError('too-large', `the server sent more than ${maxBodyBytes} bytes on one stream`));
        });
        const status = res.statusCode ?? 500;
        const outHeaders = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (typeof v === 'string') outHeaders.set(k, v);
          else if (Array.isArray(v)) for (const one of v) outHeaders.append(k, one);
        }
        const noBody = status === 204 || status === 304 || (init?.method ?? 'GET') === 'HEAD';
        if (noBody) res.resume();
        resolve(new Response(noBody ? null : (Readable.toWeb(res) as ReadableStream), { status, statusText: res.statusMessage, headers: outHeaders }));
      });
      req.on('error', reject);
      req.end(body);
    });
  };
}

/**
 * The pipeline: where the stages meet, in the order data moves:
 * sources → connect → list, then (finish.ts, inline or on the offload worker)
 * classify → policy → drift → store.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { ServerResult, Status } from './schemas/index.ts';
import { loadServerList, type ServerTarget } from './sources/servers.ts';
import { connect, describeTarget, toScanError, ScanError, type Session } from './connect/index.ts';
import { createAgents, type Agents } from './connect/agent.ts';
import type { Lookup } from './connect/guard.ts';
import type { HttpLimits } from './connect/http.ts';
import { runPolitely, type PolitenessOptions } from './connect/hosts.ts';
import { listTools, type ListOptions } from './list/tools.ts';
import { prepareStore, type StoreOptions } from './store/index.ts';
import { freshResult } from './store/resume.ts';
import { completeServer, outcomeOf, type Crawled, type StoredOutcome } from './finish.ts';
import { Offload } from './offload.ts';
import PQueue from 'p-queue';

/**
 * Servers classified and stored at once, after their connections are done.
 * @default 16
 * Why: inline, writes overlap on the file system's thread pool; with the offload worker,
 * requests wait in its queue so it never idles between two. More only queues longer.
 */
const STORE_CONCURRENCY = 16;

/**
 * Crawled servers that may wait to be classified and stored before new crawls pause.
 * @default 256
 * Why: bounds memory when the disk is slower than the network.
 */
const STORE_BACKLOG = 256;

export interface ScanOptions {
  /** The server list to read (JSON or YAML, `mcpServers` shape). @default 'data/servers.yaml' */
  servers: string;
  /**
   * Targets already collected (from other sources); when given, `servers` is not read.
   * @default undefined: the targets of `servers`
   */
  targets?: ServerTarget[];
  /** Where `servers/` and `policies/` are written. @default 'data' */
  out: string;
  /**
   * Servers scanned at once.
   * @default 8
   * Why: stdio servers are processes; eight keep two cores busy without thrashing. Remote-only lists can go much higher (see the README's figures).
   */
  concurrency?: number;
  /**
   * Total time one server gets, connection to last page, in seconds.
   * @default 30
   */
  timeoutSeconds?: number;
  /** Permit loopback and private addresses (tests, internal servers). @default false */
  allowPrivate?: boolean;
  /** Caps on listing one server. */
  list?: ListOptions;
  /** Caps (message size, redirects) and retries for remote servers. */
  http?: HttpLimits;
  /** Per-host concurrency and spacing, on top of `concurrency`. */
  politeness?: PolitenessOptions;
  /**
   * Skip servers whose stored result is younger than this many ms (and made for the same target).
   * @default undefined: scan every server
   * Why: a scan stopped by Ctrl-C, SIGKILL or a lost machine picks up where it was.
   */
  resumeMaxAgeMs?: number;
  /**
   * Scan only shard `index` (0-based) of `count`: a deterministic share by a hash of the server id.
   * @default undefined: the whole list
   * Why: n machines run one scan; their per-server files merge by copying.
   */
  shard?: { index: number; count: number };
  /** When it aborts, no new server starts; those in flight finish (or are abandoned, see `abandon`). */
  stop?: AbortSignal;
  /** When it aborts, servers in flight are abandoned: their processes ended, nothing stored for them. */
  abandon?: AbortSignal;
  /** Where `${NAME}` references are looked up. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Host name resolver for the private-network guard. @default the system resolver */
  lookup?: Lookup;
  /** Called once the list is loaded: how many servers this run will scan and how many it skipped. */
  onPlan?: (plan: { total: number; fresh: number }) => void;
  /**
   * Classify, derive policies, compare and store on a worker thread, leaving the main thread to crawl:
   * `true`, `false`, or `'auto'`: a worker when the scan has at least `OFFLOAD_MIN_SERVERS` servers
   * and the machine more than one core.
   * @default 'auto'
   * Why: on a big crawl those stages cost more CPU than the crawl itself (see the README's figures);
   * on a second core they stop limiting it. On a small scan the thread's start (about 0.4 s
   * of CPU) and memory (about 85 MB) are not worth it.
   */
  offload?: boolean | 'auto';
  /** The policy's formats written beside `policies/<slug>.json` (see `StoreOptions.policyFormats`). @default [] */
  policyFormats?: StoreOptions['policyFormats'];
  /** Return every result as stored in `ScanSummary.stored`. @default false (a long crawl keeps none in memory) */
  keepResults?: boolean;
  /** Called as soon as each server's result is stored, with what progress reports need (the result is in its file). */
  onResult?: (outcome: StoredOutcome) => void;
}

/**
 * Servers a scan needs before `offload: 'auto'` starts a worker thread.
 * @default 64
 * Why: below that the worker's start costs more than it saves.
 */
export const OFFLOAD_MIN_SERVERS = 64;

export interface ScanSummary {
  /** Servers this run was to scan (after the shard and `--resume`). */
  total: number;
  byStatus: Record<Status, number>;
  /** Servers scanned and stored in this run. */
  results: Pick<ServerResult, 'id' | 'slug' | 'status' | 'error'>[];
  /** Servers left alone: their stored result was fresh (`--resume`). */
  fresh: number;
  /** Set when the scan was stopped before every server was scanned. */
  interrupted?: { notStarted: number; abandoned: number };
  /** Every result as stored, with `keepResults`; otherwise empty. */
  stored: ServerResult[];
  /** Whether the stages after the crawl ran on a worker thread (see `offload`). */
  offloaded: boolean;
}

/** Which of `count` shards (0-based) a server id falls in: the first 4 bytes of its SHA-256, modulo `count`. */
export function shardOf(id: string, count: number): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % count;
}

// One reason for every finished server: `abort()` without one builds a new DOMException (and its
// stack) per server, a measurable share of the main thread's CPU on a crawl of thousands.
const SERVER_DONE = new DOMException('the server is done', 'AbortError');

/** Runs `work` until it settles or `signal` aborts, whichever comes first. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, seconds: number): Promise<T> {
  const timedOut = () => new ScanError('timeout', `no complete answer within ${seconds} s`);
  if (signal.aborted) return Promise.reject(timedOut());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(timedOut());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Connects to one server and lists its tools: never throws; every failure is recorded. */
export async function crawlServer(target: ServerTarget, opts: Omit<ScanOptions, 'servers' | 'out'> & { agents?: Agents }): Promise<Crawled> {
  const started = Date.now();
  const seconds = opts.timeoutSeconds ?? 30;
  // The deadline: the time budget, or an abandoned scan (Ctrl-C twice), whichever comes first.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), seconds * 1000);
  const onAbandon = () => controller.abort();
  opts.abandon?.addEventListener('abort', onAbandon, { once: true });
  const deadline = controller.signal;
  const cleanups: (() => Promise<void> | void)[] = [];
  const base = {
    id: target.id,
    slug: target.slug,
    ...(target.entry.title ? { title: target.entry.title } : {}),
    target: describeTarget(target),
    scannedAt: new Date(started).toISOString(),
    ...(target.origin ? { origin: target.origin } : {}),
  };
  let session: Session | undefined;
  try {
    session = await untilAborted(
      connect(target, {
        allowPrivate: opts.allowPrivate ?? false,
        signal: deadline,
        env: opts.env,
        lookup: opts.lookup,
        agents: opts.agents,
        http: opts.http,
        maxMessageBytes: opts.http?.maxMessageBytes,
        defer: (fn) => cleanups.push(fn),
      }),
      deadline,
      seconds,
    );
    const listed = await untilAborted(listTools(session, opts.list), deadline, seconds);
    const info = session.serverInfo;
    const instructions = session.instructions;
    return {
      base: { ...base, target: { ...base.target, transport: session.transport } },
      durationMs: Date.now() - started,
      ok: true,
      server: { name: info?.name ?? '', version: info?.version ?? '', protocolVersion: session.protocolVersion, ...(info?.title !== undefined ? { title: info.title } : {}) },
      ...(typeof instructions === 'string' && instructions ? { instructions } : {}),
      tools: listed.tools,
      ...(listed.truncated ? { truncated: { kind: listed.truncated.kind, message: listed.truncated.message } } : {}),
      warnings: listed.warnings,
    };
  } catch (err) {
    const failure = toScanError(session?.failure() ?? err);
    return {
      base,
      durationMs: Date.now() - started,
      ok: false,
      error: { kind: failure.kind, message: failure.message },
      ...(failure.auth ? { auth: failure.auth } : {}),
    };
  } finally {
    clearTimeout(timer);
    opts.abandon?.removeEventListener('abort', onAbandon);
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // closing a broken connection can fail; the result is already decided
      }
    }
    controller.abort(SERVER_DONE); // whatever of this server is still in flight (a notification's answer) ends here
  }
}

/** The host a remote target's politeness limits count against; stdio targets have none. */
function hostOf(target: ServerTarget): string | undefined {
  if (target.kind === 'stdio') return undefined;
  try {
    return new URL(target.entry.url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Loads the server list, scans every server (of the shard, not fresh), and stores each result as it completes. */
export async function runScan(opts: ScanOptions): Promise<ScanSummary> {
  let targets = opts.targets ?? (await loadServerList(opts.servers));
  if (opts.shard) targets = targets.filter((t) => shardOf(t.id, opts.shard!.count) === opts.shard!.index);
  await prepareStore(opts.out);
  let fresh = 0;
  if (opts.resumeMaxAgeMs !== undefined) {
    const maxAge = opts.resumeMaxAgeMs;
    const stored = await Promise.all(targets.map((t) => freshResult(opts.out, { id: t.id, slug: t.slug, target: describeTarget(t) }, maxAge)));
    fresh = stored.filter(Boolean).length;
    targets = targets.filter((_, i) => !stored[i]);
  }
  opts.onPlan?.({ total: targets.length, fresh });
  const agents = createAgents({ allowPrivate: opts.allowPrivate ?? false, lookup: opts.lookup });
  const wantWorker = opts.offload ?? 'auto';
  const offload =
    wantWorker === true || (wantWorker === 'auto' && targets.length >= OFFLOAD_MIN_SERVERS && availableParallelism() > 1) ? Offload.start() : undefined;
  const stored: ServerResult[] = [];
  const byStatus = { ok: 0, auth_required: 0, timeout: 0, unreachable: 0, blocked: 0, error: 0 } satisfies Record<Status, number>;
  const results: ScanSummary['results'] = [];
  let abandoned = 0;
  // Classifying and storing happen after a server's connection slot is released, so
  // file writes never hold a slot that the next server's round trips could use.
  const finishing = new PQueue({ concurrency: STORE_CONCURRENCY });
  let storeFailure: unknown;
  const storeFailed = new AbortController();
  const stop = opts.stop ? AbortSignal.any([opts.stop, storeFailed.signal]) : storeFailed.signal;
  const store = { policyFormats: opts.policyFormats };
  const complete = offload
    ? (crawled: Crawled) => offload.complete(opts.out, crawled, store, Boolean(opts.keepResults))
    : async (crawled: Crawled) => {
        const result = await completeServer(opts.out, crawled, store);
        return { outcome: outcomeOf(result), result };
      };
  const finish = async (crawled: Crawled) => {
    const { outcome, result } = await complete(crawled);
    if (opts.keepResults && result) stored.push(result);
    byStatus[outcome.status]++;
    results.push({ id: outcome.id, slug: outcome.slug, status: outcome.status, ...(outcome.error ? { error: outcome.error } : {}) });
    opts.onResult?.(outcome);
  };
  try {
    const { started } = await runPolitely(
      targets,
      hostOf,
      opts.concurrency ?? 8,
      opts.politeness ?? {},
      async (target) => {
        const crawled = await crawlServer(target, { ...opts, agents });
        if (opts.abandon?.aborted) {
          abandoned++;
          return;
        }
        // A slow disk must not let crawled servers pile up in memory: wait for room.
        if (finishing.size >= STORE_BACKLOG) await finishing.onSizeLessThan(STORE_BACKLOG);
        finishing
          .add(() => finish(crawled))
          .catch((err: unknown) => {
            // Results cannot be written (disk full, permissions): start nothing more, report it.
            storeFailure ??= err;
            storeFailed.abort();
          });
      },
      stop,
    );
    await finishing.onIdle();
    if (storeFailure) throw storeFailure;
    const notStarted = targets.length - started;
    return {
      total: targets.length,
      byStatus,
      results,
      fresh,
      ...(notStarted || abandoned ? { interrupted: { notStarted, abandoned } } : {}),
      stored,
      offloaded: offload !== undefined,
    };
  } finally {
    agents.destroy();
    await offload?.close();
  }
}

/**
 * The pipeline: where the stages meet, in the order data moves:
 * sources → connect → list → classify → policy → store.
 */
import PQueue from 'p-queue';
import type { Policy, ServerResult, Status, ToolRecord } from './schemas/index.ts';
import { loadServerList, type ServerTarget } from './sources/servers.ts';
import { connect, describeTarget, toScanError, ScanError, statusFor, type Session } from './connect/index.ts';
import type { Lookup } from './connect/guard.ts';
import { listTools, type ListOptions } from './list/tools.ts';
import { classifyTool } from './classify/index.ts';
import type { McpTool } from './schemas/index.ts';
import { policyFor } from './policy/index.ts';
import { prepareStore, storeServer } from './store/index.ts';
import { assignSlugs } from './slug.ts';

export interface ScanOptions {
  /** The server list to read (JSON or YAML, `mcpServers` shape). @default 'data/servers.yaml' */
  servers: string;
  /** Where `servers/` and `policies/` are written. @default 'data' */
  out: string;
  /**
   * Servers scanned at once.
   * @default 8
   * Why: stdio servers are processes; eight keep two cores busy without thrashing.
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
  list?: Omit<ListOptions, 'signal'>;
  /** Where `${NAME}` references are looked up. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Host name resolver for the private-network guard. @default the system resolver */
  lookup?: Lookup;
  /** Called with each result as soon as it is stored. */
  onResult?: (result: ServerResult) => void;
}

export interface ScanSummary {
  total: number;
  byStatus: Record<Status, number>;
  results: Pick<ServerResult, 'id' | 'slug' | 'status' | 'error'>[];
}

/** Classifies listed tools into records with unique slugs. */
export function toolRecords(tools: readonly McpTool[]): ToolRecord[] {
  const slugs = assignSlugs(tools.map((t) => t.name));
  return tools.map((tool, i) => {
    const title = tool.title ?? tool.annotations?.title;
    return {
      name: tool.name,
      slug: slugs[i],
      ...(title !== undefined ? { title } : {}),
      description: tool.description ?? '',
      inputSchema: tool.inputSchema,
      ...(tool.annotations ? { annotations: tool.annotations } : {}),
      ...classifyTool(tool),
    };
  });
}

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

/** Scans one server: never throws; every failure is recorded on the result. */
export async function scanServer(target: ServerTarget, opts: Omit<ScanOptions, 'servers' | 'out'>): Promise<{ result: ServerResult; policy: Policy }> {
  const started = Date.now();
  const seconds = opts.timeoutSeconds ?? 30;
  const deadline = AbortSignal.timeout(seconds * 1000);
  const cleanups: (() => Promise<void> | void)[] = [];
  const base = {
    id: target.id,
    slug: target.slug,
    ...(target.entry.title ? { title: target.entry.title } : {}),
    target: describeTarget(target),
    scannedAt: new Date(started).toISOString(),
  };
  let session: Session | undefined;
  try {
    session = await untilAborted(
      connect(target, {
        allowPrivate: opts.allowPrivate ?? false,
        signal: deadline,
        env: opts.env,
        lookup: opts.lookup,
        defer: (fn) => cleanups.push(fn),
      }),
      deadline,
      seconds,
    );
    const listed = await untilAborted(listTools(session.client, { ...opts.list, signal: deadline }), deadline, seconds);
    const info = session.client.getServerVersion();
    const instructions = session.client.getInstructions();
    const tools = toolRecords(listed.tools);
    const result: ServerResult = {
      ...base,
      target: { ...base.target, transport: session.transport },
      status: 'ok',
      ...(listed.truncated ? { error: { kind: listed.truncated.kind, message: listed.truncated.message }, truncated: true } : {}),
      server: {
        name: String(info?.name ?? ''),
        version: String(info?.version ?? ''),
        protocolVersion: session.protocolVersion,
        ...(typeof info?.title === 'string' ? { title: info.title } : {}),
      },
      ...(typeof instructions === 'string' && instructions ? { instructions } : {}),
      durationMs: Date.now() - started,
      ...(listed.warnings.length ? { warnings: listed.warnings } : {}),
      tools,
    };
    return { result, policy: policyFor(tools) };
  } catch (err) {
    const failure = toScanError(session?.failure() ?? err);
    const result: ServerResult = {
      ...base,
      status: statusFor(failure.kind),
      error: { kind: failure.kind, message: failure.message },
      durationMs: Date.now() - started,
      tools: [],
    };
    return { result, policy: policyFor([]) };
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // closing a broken connection can fail; the result is already decided
      }
    }
  }
}

/** Loads the server list, scans every server, and stores each result as it completes. */
export async function runScan(opts: ScanOptions): Promise<ScanSummary> {
  const targets = await loadServerList(opts.servers);
  await prepareStore(opts.out);
  const queue = new PQueue({ concurrency: opts.concurrency ?? 8 });
  const byStatus = { ok: 0, auth_required: 0, timeout: 0, unreachable: 0, blocked: 0, error: 0 } satisfies Record<Status, number>;
  const results: ScanSummary['results'] = [];
  await Promise.all(
    targets.map((target) =>
      queue.add(async () => {
        const { result, policy } = await scanServer(target, opts);
        await storeServer(opts.out, result, policy);
        byStatus[result.status]++;
        results.push({ id: result.id, slug: result.slug, status: result.status, ...(result.error ? { error: result.error } : {}) });
        opts.onResult?.(result);
      }),
    ),
  );
  return { total: targets.length, byStatus, results };
}

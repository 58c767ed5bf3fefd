/**
 * The CPU-heavy stages after listing (classify → policy → drift → store) on a
 * worker thread, so that the main thread only crawls: on a big crawl the two
 * then use two cores. The worker runs the very same function
 * (`completeServer`); if it fails, the work is done on the main thread instead.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ServerResult } from './schemas/index.ts';
import { completeServer, outcomeOf, type Crawled, type StoredOutcome } from './finish.ts';
import type { StoreOptions } from './store/index.ts';

const ROLE = 'mcp-census-offload';

type Request = { id: number; out: string; crawled: Crawled; store: StoreOptions; full: boolean };

type Reply = { id: number; outcome?: StoredOutcome; result?: ServerResult; error?: string };

/** The worker's side: answers each request in order of arrival. */
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === ROLE) {
  const port = parentPort;
  port.on('message', async (req: Request) => {
    try {
      // Blocking file calls: nothing else waits on this thread (see `StoreOptions.sync`).
      const result = await completeServer(req.out, req.crawled, { ...req.store, sync: true });
      // The whole result only when asked: copying it back costs the main thread more than the outcome.
      port.postMessage({ id: req.id, outcome: outcomeOf(result), ...(req.full ? { result } : {}) } satisfies Reply);
    } catch (err) {
      port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies Reply);
    }
  });
}

interface Pending {
  resolve(reply: Reply): void;
  reject(err: Error): void;
}

/** The main thread's handle on the worker. */
export class Offload {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private broken?: Error;
  /** Requests the worker answered (the rest, if any, ran on the main thread). */
  answered = 0;

  private constructor() {
    // The scanner runs from TypeScript sources through tsx; a worker does not inherit its
    // loader hooks, so the worker registers tsx before it loads this module.
    const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const bootstrap = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    this.worker = new Worker(bootstrap, { eval: true, workerData: { role: ROLE } });
    this.worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      this.answered++;
      p?.resolve(reply);
    });
    const fail = (err: Error) => {
      this.broken ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the offload worker exited (${code})`)));
  }

  /** A worker, or undefined when none can be started (then everything runs on the main thread). */
  static start(): Offload | undefined {
    try {
      return new Offload();
    } catch {
      return undefined;
    }
  }

  private ask(req: Request): Promise<Reply> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      this.worker.postMessage(req);
    });
  }

  /**
   * `completeServer` on the worker (on this thread if the worker is gone): the outcome, and the
   * stored result itself with `full`. A failure to store is thrown, as it would be inline.
   */
  async complete(out: string, crawled: Crawled, store: StoreOptions = {}, full = false): Promise<{ outcome: StoredOutcome; result?: ServerResult }> {
    let reply: Reply;
    try {
      reply = await this.ask({ id: ++this.nextId, out, crawled, store, full });
    } catch {
      const result = await completeServer(out, crawled, store);
      return { outcome: outcomeOf(result), result };
    }
    if (reply.error || !reply.outcome || (full && !reply.result)) throw new Error(reply.error ?? 'the offload worker sent no result');
    return { outcome: reply.outcome, ...(reply.result ? { result: reply.result } : {}) };
  }

  /** Ends the worker. */
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

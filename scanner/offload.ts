/**
 * The CPU-heavy stages after listing (classify → policy → store) on a worker
 * thread, so that the main thread only crawls: on a big crawl the two then use
 * two cores. The worker runs the very same functions (`finishServer`,
 * `storeServer`); if it fails, the work is done on the main thread instead.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Policy, ServerResult } from './schemas/index.ts';
import { finishServer, type Crawled } from './pipeline.ts';
import { storeServer } from './store/index.ts';

const ROLE = 'mcp-census-offload';

type Request =
  | { id: number; op: 'finish'; crawled: Crawled }
  | { id: number; op: 'store'; out: string; result: ServerResult; policy: Policy }
  | { id: number; op: 'finish-and-store'; out: string; crawled: Crawled };

type Reply = { id: number; finished?: { result: ServerResult; policy: Policy }; error?: string };

/** The worker's side: answers each request in order of arrival. */
if (!isMainThread && parentPort && (workerData as { role?: string } | null)?.role === ROLE) {
  const port = parentPort;
  port.on('message', async (req: Request) => {
    try {
      if (req.op === 'finish') return port.postMessage({ id: req.id, finished: finishServer(req.crawled) } satisfies Reply);
      if (req.op === 'store') {
        await storeServer(req.out, req.result, req.policy);
        return port.postMessage({ id: req.id } satisfies Reply);
      }
      const finished = finishServer(req.crawled);
      await storeServer(req.out, finished.result, finished.policy);
      port.postMessage({ id: req.id, finished } satisfies Reply);
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

  /** `finishServer` on the worker (on this thread if the worker is gone). */
  async finish(crawled: Crawled): Promise<{ result: ServerResult; policy: Policy }> {
    try {
      const reply = await this.ask({ id: ++this.nextId, op: 'finish', crawled });
      if (reply.finished) return reply.finished;
    } catch {
      // the worker is gone: fall through
    }
    return finishServer(crawled);
  }

  /** `storeServer` on the worker; a failure to write is thrown, as it would be inline. */
  async store(out: string, result: ServerResult, policy: Policy): Promise<void> {
    let reply: Reply;
    try {
      reply = await this.ask({ id: ++this.nextId, op: 'store', out, result, policy });
    } catch {
      return storeServer(out, result, policy);
    }
    if (reply.error) throw new Error(reply.error);
  }

  /** Both on the worker in one trip, when nothing has to happen in between. */
  async finishAndStore(out: string, crawled: Crawled): Promise<ServerResult> {
    let reply: Reply;
    try {
      reply = await this.ask({ id: ++this.nextId, op: 'finish-and-store', out, crawled });
    } catch {
      const finished = finishServer(crawled);
      await storeServer(out, finished.result, finished.policy);
      return finished.result;
    }
    if (reply.error || !reply.finished) throw new Error(reply.error ?? 'the offload worker sent no result');
    return reply.finished.result;
  }

  /** Ends the worker. */
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * Politeness: runs work items with a global concurrency and, on top of it, a
 * per-host concurrency and a minimum spacing between starts on one host, taking
 * hosts in turn so that one big host does not hold every slot.
 */
import PQueue from 'p-queue';

export interface PolitenessOptions {
  /**
   * Servers on one host scanned at once.
   * @default 4
   * Why: hosting platforms serve thousands of MCP servers from one host name; a scan must not look like a flood to them.
   */
  perHost?: number;
  /**
   * Least time between starting two servers on one host, in ms.
   * @default 0
   */
  hostSpacingMs?: number;
}

/**
 * Runs `work` on every item, `concurrency` at a time overall and within the
 * per-host limits (items whose `hostOf` is undefined have no host limit). After
 * `stop` aborts nothing new starts; resolves when every started item is done,
 * with how many started.
 *
 * Built from p-queue: one global queue for the overall limit, and a queue per
 * host (its concurrency, and an interval of one start per spacing) that feeds
 * the global one. A host can have at most `perHost` items waiting in the
 * global queue, so a host with thousands of servers cannot hold every slot:
 * the others' items queue between its own, which takes hosts in turn.
 */
export async function runPolitely<T>(
  items: readonly T[],
  hostOf: (item: T) => string | undefined,
  concurrency: number,
  opts: PolitenessOptions,
  work: (item: T) => Promise<void>,
  stop?: AbortSignal,
): Promise<{ started: number }> {
  const perHost = opts.perHost ?? 4;
  const spacing = opts.hostSpacingMs ?? 0;
  const global = new PQueue({ concurrency });
  const hosts = new Map<string, PQueue>();
  let started = 0;

  const run = (item: T) =>
    global.add(async () => {
      if (stop?.aborted) return;
      started++;
      await work(item).catch(() => {}); // work records its own failures
    });
  const hostQueue = (host: string) => {
    let q = hosts.get(host);
    if (!q) {
      q = new PQueue({ concurrency: perHost, ...(spacing > 0 ? { interval: spacing, intervalCap: 1 } : {}) });
      hosts.set(host, q);
    }
    return q;
  };

  const all = Promise.all(
    items.map((item) => {
      const host = hostOf(item);
      return host === undefined ? run(item) : hostQueue(host).add(() => run(item));
    }),
  );
  if (!stop) {
    await all;
    return { started };
  }
  // On stop, drop what has not started (cleared tasks never settle, so wait for idleness instead).
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<void>((resolve) => {
    onAbort = () => {
      for (const q of hosts.values()) q.clear();
      global.clear();
      resolve();
    };
    if (stop.aborted) onAbort();
    else stop.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([all, aborted]);
    if (stop.aborted) await global.onIdle();
  } finally {
    stop.removeEventListener('abort', onAbort!);
  }
  return { started };
}

/**
 * Retries for transient failures only: a reset connection, 502/503/504, and 429
 * (honouring `Retry-After` up to a cap). Never for other 4xx, never for a
 * refused connection or a protocol error: those will not get better by asking again.
 */

export interface RetryOptions {
  /**
   * Retries after the first attempt of one request.
   * @default 2
   * Why: enough to ride out a restart or a reused keep-alive socket the server just closed, few enough to stay polite.
   */
  retries?: number;
  /**
   * First backoff delay in ms; doubles each retry, and each wait is a random point between half and all of it (jitter).
   * @default 250
   */
  baseDelayMs?: number;
  /**
   * Longest wait before a retry in ms, `Retry-After` included; a server asking for longer is not retried.
   * @default 10000
   * Why: a server that asks us to come back in an hour is recorded as unavailable, not waited for.
   */
  maxDelayMs?: number;
}

const TRANSIENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED']);
const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

/** True for a network error worth one more try. */
export function isTransientError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

/** True for an HTTP status worth one more try. */
export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status);
}

/** `Retry-After` (seconds or an HTTP date) in ms, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `attempt` (1-based), or undefined when
 * no retry should happen (out of retries, or the server asks for too long).
 */
export function retryDelay(attempt: number, opts: RetryOptions, retryAfterMs?: number, random = Math.random): number | undefined {
  const retries = opts.retries ?? 2;
  const max = opts.maxDelayMs ?? 10_000;
  if (attempt > retries) return undefined;
  if (retryAfterMs !== undefined) return retryAfterMs <= max ? retryAfterMs : undefined;
  const ceiling = Math.min(max, (opts.baseDelayMs ?? 250) * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Resolves after `ms`, or rejects with `signal`'s reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Failures are data: every reason a server could not be scanned is a `ScanError`
 * with a `kind`, recorded on the server's result; nothing here crashes the scan.
 */
import type { ErrorKind, Status } from '../schemas/index.ts';
import type { AuthInfo } from '../schemas/auth.ts';

export class ScanError extends Error {
  readonly kind: ErrorKind;
  /** With kind `auth`: what the server advertises about its authorization. */
  auth?: AuthInfo;
  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown; auth?: AuthInfo }) {
    super(message, options);
    this.name = 'ScanError';
    this.kind = kind;
    if (options?.auth) this.auth = options.auth;
  }
}

/** The server status a failure of this kind is recorded as. */
export function statusFor(kind: ErrorKind): Status {
  switch (kind) {
    case 'auth':
      return 'auth_required';
    case 'timeout':
      return 'timeout';
    case 'unreachable':
      return 'unreachable';
    case 'blocked':
      return 'blocked';
    default:
      return 'error';
  }
}

/** Network error codes (Node's and undici's) that mean the server could not be reached. */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The `unreachable` error for a network error (`err.code`), or undefined when
 * the code is not one of those: `cannot resolve example.com: ENOTFOUND`,
 * `connection refused: ECONNREFUSED`… (the host name only when it is a plain name).
 */
export function unreachableError(err: { code?: unknown; hostname?: unknown } | undefined): ScanError | undefined {
  const code = err?.code;
  if (typeof code !== 'string' || !UNREACHABLE_CODES.has(code)) return undefined;
  const host = typeof err?.hostname === 'string' && /^[a-z0-9.-]{1,253}$/i.test(err.hostname) ? ` ${err.hostname}` : '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ScanError('unreachable', `cannot resolve${host}: ${code}`);
  if (code === 'ECONNREFUSED') return new ScanError('unreachable', `connection refused: ${code}`);
  return new ScanError('unreachable', `cannot connect: ${code}`);
}

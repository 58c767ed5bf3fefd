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

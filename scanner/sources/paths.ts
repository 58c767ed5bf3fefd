/** File paths as they are recorded in origins: no user name or machine layout where it can be avoided. */
import { homedir } from 'node:os';
import { isAbsolute, relative, resolve } from 'node:path';

function inside(dir: string, path: string): string | undefined {
  const rel = relative(dir, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : undefined;
}

/**
 * `path` relative to `cwd` when it is inside it (`.` for `cwd` itself), `~/…` when it is inside
 * `home`, otherwise absolute.
 */
export function displayPath(path: string, opts: { cwd?: string; home?: string } = {}): string {
  const abs = resolve(opts.cwd ?? process.cwd(), path);
  if (abs === resolve(opts.cwd ?? process.cwd())) return '.';
  const inCwd = inside(opts.cwd ?? process.cwd(), abs);
  if (inCwd) return inCwd;
  const inHome = inside(opts.home ?? homedir(), abs);
  if (inHome) return `~/${inHome}`;
  return abs;
}

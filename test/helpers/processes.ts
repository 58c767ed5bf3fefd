/** Checks on processes a test started, for proving that a scan ends them all. */
import { readFileSync } from 'node:fs';

/** A process is gone once it no longer exists or is a zombie waiting for a parent (PID 1 here may reap late). */
export function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Polls until the process is gone, for at most `ms`: SIGKILL is delivered asynchronously. */
export async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!isGone(pid)) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

/**
 * The pin lockfile: `scan --pin FILE` writes the hashes of every scanned
 * server's tools when FILE does not exist, and checks them when it does, so CI
 * fails when a pinned tool definition changes under it (a "rug pull").
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../sources/errors.ts';
import { readStructured, validate } from '../sources/parse.ts';
import { writeJsonAtomic } from '../store/index.ts';
import { PinFileSchema, type Drift, type PinFile, type ServerResult } from '../schemas/index.ts';
import { snapshotOf } from './canonical.ts';
import { diffSnapshots } from './diff.ts';

/** The exit code of a scan whose pinned definitions changed. */
export const PIN_MISMATCH_EXIT_CODE = 3;

/** The pins of every server that was scanned completely. */
export function pinsOf(results: readonly ServerResult[], pinnedAt = new Date().toISOString()): PinFile {
  const servers = results
    .filter((r) => r.status === 'ok' && !r.truncated)
    .map(snapshotOf)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: '1', pinnedAt, servers };
}

export interface PinCheck {
  /** Pinned servers whose definitions changed, with what changed. */
  changed: { id: string; drift: Drift }[];
  /** Pinned servers that could not be checked: not scanned, not `ok`, or cut short. */
  unverified: string[];
  /** Scanned servers the lockfile does not pin (not a failure). */
  unpinned: string[];
}

/** Compares scan results with a lockfile. */
export function checkPins(pins: PinFile, results: readonly ServerResult[]): PinCheck {
  const byId = new Map(results.map((r) => [r.id, r]));
  const pinned = new Set(pins.servers.map((s) => s.id));
  const check: PinCheck = { changed: [], unverified: [], unpinned: results.filter((r) => !pinned.has(r.id)).map((r) => r.id) };
  for (const pin of pins.servers) {
    const result = byId.get(pin.id);
    if (!result || result.status !== 'ok') {
      check.unverified.push(pin.id);
      continue;
    }
    const drift = diffSnapshots(pin, snapshotOf(result), pins.pinnedAt, Boolean(result.truncated));
    if (drift) check.changed.push({ id: pin.id, drift });
    else if (result.truncated) check.unverified.push(pin.id);
  }
  return check;
}

/** Reads a lockfile, or `undefined` when there is none at `file`. Throws `InputError` for a bad one. */
export async function readPins(file: string): Promise<PinFile | undefined> {
  try {
    await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`${file}: cannot read: ${(err as Error).message}`, file);
  }
  if (!/\.json$/i.test(file)) throw new InputError(`${file}: a pin lockfile must be a .json file`, file);
  return validate(file, await readStructured(file), PinFileSchema);
}

/** Writes a lockfile atomically. */
export function writePins(file: string, pins: PinFile): Promise<void> {
  return writeJsonAtomic(file, pins);
}

/**
 * Store stage: each server's result and starter policy are written as soon as
 * the server is done, atomically (temporary file + rename), so a scan that is
 * killed loses at most the servers in flight.
 */
import { mkdir, rename, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Policy, ServerResult } from '../schemas/index.ts';

/** Writes `value` as pretty JSON to `file` so that readers see the old file or the new one, never half of one. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(value, null, 2) + '\n');
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Where a scan's files go. */
export function storePaths(outDir: string, slug: string): { result: string; policy: string } {
  return { result: join(outDir, 'servers', `${slug}.json`), policy: join(outDir, 'policies', `${slug}.json`) };
}

/** Creates the output folders. */
export async function prepareStore(outDir: string): Promise<void> {
  await mkdir(join(outDir, 'servers'), { recursive: true });
  await mkdir(join(outDir, 'policies'), { recursive: true });
}

/** Writes one server's result and its starter policy. */
export async function storeServer(outDir: string, result: ServerResult, policy: Policy): Promise<void> {
  const paths = storePaths(outDir, result.slug);
  await writeJsonAtomic(paths.policy, policy);
  await writeJsonAtomic(paths.result, result);
}

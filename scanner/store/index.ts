/**
 * Store stage: each server's result and starter policy are written as soon as
 * the server is done, atomically (temporary file + rename), so a scan that is
 * killed loses at most the servers in flight.
 */
import { mkdir, rm } from 'node:fs/promises';
import { rename as renameCb, writeFile as writeFileCb } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { Policy, ServerResult } from '../schemas/index.ts';
import { policyCedar, policyYaml } from '../policy/index.ts';

// The callback API, promisified: for the thousands of small files of a crawl it costs about
// half the CPU of node:fs/promises (no FileHandle per file), and CPU limits a crawl at high concurrency.
const writeFile = promisify(writeFileCb);
const rename = promisify(renameCb);
let tmpCounter = 0;

/** Writes `value` as pretty JSON to `file` so that readers see the old file or the new one, never half of one. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeTextAtomic(file, JSON.stringify(value, null, 2) + '\n');
}

/** Writes `text` to `file` so that readers see the old file or the new one, never half of one. */
export async function writeTextAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Where a scan's files go. */
export function storePaths(outDir: string, slug: string): { result: string; policy: string; policyYaml: string; policyCedar: string } {
  const policies = join(outDir, 'policies');
  return {
    result: join(outDir, 'servers', `${slug}.json`),
    policy: join(policies, `${slug}.json`),
    policyYaml: join(policies, `${slug}.yaml`),
    policyCedar: join(policies, `${slug}.cedar`),
  };
}

/** Creates the output folders. */
export async function prepareStore(outDir: string): Promise<void> {
  await mkdir(join(outDir, 'servers'), { recursive: true });
  await mkdir(join(outDir, 'policies'), { recursive: true });
}

/** Writes one server's result and its starter policy (JSON, and the same policy as YAML and Cedar). */
export async function storeServer(outDir: string, result: ServerResult, policy: Policy): Promise<void> {
  const paths = storePaths(outDir, result.slug);
  const title = `Starter policy for ${result.title || result.id}`;
  // The policies side by side; the result last: its presence means the server is done (see --resume).
  await Promise.all([
    writeJsonAtomic(paths.policy, policy),
    writeTextAtomic(paths.policyYaml, policyYaml(policy, { title })),
    writeTextAtomic(paths.policyCedar, policyCedar(policy, { title })),
  ]);
  await writeJsonAtomic(paths.result, result);
}

/**
 * Store stage: each server's result and starter policy are written as soon as
 * the server is done, atomically (temporary file + rename), so a scan that is
 * killed loses at most the servers in flight.
 */
import { mkdir, rm } from 'node:fs/promises';
import { rename as renameCb, renameSync, writeFile as writeFileCb, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { Policy, ServerResult } from '../schemas/index.ts';

// The callback API, promisified: for the thousands of small files of a crawl it costs about
// half the CPU of node:fs/promises (no FileHandle per file), and CPU limits a crawl at high concurrency.
const writeFile = promisify(writeFileCb);
const rename = promisify(renameCb);
let tmpCounter = 0;

/** The starter policy's formats that can be written beside `policy.json`. */
export type PolicyFormat = 'yaml' | 'cedar';

/** How the store writes. */
export interface StoreOptions {
  /**
   * The policy's formats written beside `policies/<slug>.json`.
   * @default [] (only the JSON)
   * Why: YAML and Cedar are the same policy in other words, and the catalogue renders them
   * for every server and tool when it is built; writing both for every server of a big
   * crawl doubles the files and costs about a third of the CPU the stages after the crawl
   * spend (see the README's crawl figures). Ask for them when the scan folder itself is
   * what goes to the gateway.
   */
  policyFormats?: readonly PolicyFormat[];
  /**
   * Use blocking file calls instead of the thread pool's.
   * @default false
   * Why: on the offload worker thread nothing else waits on the thread, and a blocking call
   * spares the hand-over to a pool thread and back (classifying and storing 2,000 servers
   * alone, after a warm-up round: about 0.5 ms of CPU a server with blocking writes, 0.65 ms
   * through the pool); on the main thread the crawl must never wait on the disk.
   */
  sync?: boolean;
}

/** Writes `value` as pretty JSON to `file` so that readers see the old file or the new one, never half of one. */
export async function writeJsonAtomic(file: string, value: unknown, opts: StoreOptions = {}): Promise<void> {
  await writeTextAtomic(file, JSON.stringify(value, null, 2) + '\n', opts);
}

/** Writes `text` to `file` so that readers see the old file or the new one, never half of one. */
export async function writeTextAtomic(file: string, text: string, opts: StoreOptions = {}): Promise<void> {
  const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`;
  try {
    if (opts.sync) {
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    } else {
      await writeFile(tmp, text);
      await rename(tmp, file);
    }
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

/** Writes one server's result and its starter policy (JSON, and the same policy in `policyFormats`). */
export async function storeServer(outDir: string, result: ServerResult, policy: Policy, opts: StoreOptions = {}): Promise<void> {
  const paths = storePaths(outDir, result.slug);
  const title = `Starter policy for ${result.title || result.id}`;
  const formats = opts.policyFormats ?? [];
  // Loaded only when asked for: the YAML library costs a scan's worker more to load than it writes.
  const render = formats.length > 0 ? await import('../policy/index.ts') : undefined;
  // The policies side by side; the result last: its presence means the server is done (see --resume).
  await Promise.all([
    writeJsonAtomic(paths.policy, policy, opts),
    render && formats.includes('yaml') && writeTextAtomic(paths.policyYaml, render.policyYaml(policy, { title }), opts),
    render && formats.includes('cedar') && writeTextAtomic(paths.policyCedar, render.policyCedar(policy, { title }), opts),
  ]);
  await writeJsonAtomic(paths.result, result, opts);
}

/** The result the previous scan stored for a server, read just before the new one replaces it. */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ServerResult } from '../schemas/index.ts';
import { storePaths, type StoreOptions } from '../store/index.ts';

// Loaded when a previous result is first found, so that a first scan's worker never loads zod; and
// loaded once: each `import()` of a loaded module still goes through the loader (tsx's hooks, on
// their own thread): a twentieth of the main thread's time in a profile of a crawl without the worker.
let schemaModule: Promise<typeof import('../schemas/result.ts')> | undefined;
const resultSchema = () => (schemaModule ??= import('../schemas/result.ts'));

/**
 * The result a previous scan left in `outDir` for `slug`, read just before it
 * is replaced (one file at a time: a crawl of many servers never holds them
 * all). A file that is missing or does not match the schema (an older
 * format, a half-edited file) gives `undefined`: drift is then not reported.
 */
export async function previousResult(outDir: string, slug: string, opts: StoreOptions = {}): Promise<ServerResult | undefined> {
  try {
    const file = storePaths(outDir, slug).result;
    // A first scan finds no file: asking first costs one stat, where a failed read builds an exception.
    if (opts.sync && !existsSync(file)) return undefined;
    const { ServerResultSchema } = await resultSchema();
    const parsed = ServerResultSchema.safeParse(JSON.parse(opts.sync ? readFileSync(file, 'utf8') : await readFile(file, 'utf8')));
    return parsed.success && parsed.data.slug === slug ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

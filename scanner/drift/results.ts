/** Reads stored scan results: one result file, a scan's output folder, or its `servers/` folder. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../sources/errors.ts';
import { readStructured, validate } from '../sources/parse.ts';
import { ServerResultSchema, type ServerResult } from '../schemas/index.ts';

async function resultFiles(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new InputError(`${path}: cannot read: ${(err as Error).message}`, path);
  }
  if (info.isFile()) return [path];
  const servers = join(path, 'servers');
  const dir = await stat(servers).then(
    (s) => (s.isDirectory() ? servers : path),
    () => path,
  );
  return (await readdir(dir)).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

/** Every result under `path`, checked against the schema; a bad file is an `InputError` naming it. */
export async function readResults(path: string): Promise<ServerResult[]> {
  const results: ServerResult[] = [];
  for (const file of await resultFiles(path)) results.push(validate(file, await readStructured(file), ServerResultSchema));
  return results;
}

/**
 * The results a previous scan left in `outDir`, by slug. Files that are
 * missing or do not match the schema (an older format, a half-edited file) are
 * skipped: drift is then simply not reported for that server.
 */
export async function previousResults(outDir: string): Promise<Map<string, ServerResult>> {
  const dir = join(outDir, 'servers');
  const found = new Map<string, ServerResult>();
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  } catch {
    return found;
  }
  for (const file of files) {
    try {
      const parsed = ServerResultSchema.safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')));
      if (parsed.success) found.set(parsed.data.slug, parsed.data);
    } catch {
      // unreadable or not JSON: no previous result for this server
    }
  }
  return found;
}

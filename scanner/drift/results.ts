/** Reads stored scan results: one result file, a scan's output folder, or its `servers/` folder. */
import { readdir, stat } from 'node:fs/promises';
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

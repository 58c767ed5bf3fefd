/** Shared by the site tests: the fixture data directory and a build of it. */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../../site/build.ts';
import { PolicySchema, ServerResultSchema, type Policy, type ServerResult } from '../../scanner/schemas/index.ts';

export const FIXTURE_DATA = join(import.meta.dirname, '..', 'fixtures', 'site-data');

/** The fixture's servers (checked against the schema), by slug. */
export async function fixtureServers(dir = FIXTURE_DATA): Promise<Map<string, ServerResult>> {
  const out = new Map<string, ServerResult>();
  for (const name of (await readdir(join(dir, 'servers'))).sort()) {
    const result = ServerResultSchema.parse(JSON.parse(await readFile(join(dir, 'servers', name), 'utf8')));
    out.set(result.slug, result);
  }
  return out;
}

/** The fixture's stored policy of one server, checked against the schema. */
export async function fixturePolicy(slug: string, dir = FIXTURE_DATA): Promise<Policy> {
  return PolicySchema.parse(JSON.parse(await readFile(join(dir, 'policies', `${slug}.json`), 'utf8')));
}

const created: string[] = [];

/** A fresh temporary folder, removed by `removeTempDirs`. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `census-site-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A writable copy of the fixture data. */
export async function copyFixture(): Promise<string> {
  const dir = await tempDir('data');
  await cp(FIXTURE_DATA, dir, { recursive: true });
  return dir;
}

/** Builds the fixture data into a temporary folder. */
export async function buildFixture(): Promise<{ out: string; pages: number }> {
  const out = join(await tempDir('dist'), 'dist');
  const { pages } = await buildSite({ dataDir: FIXTURE_DATA, outDir: out });
  return { out, pages };
}

/** The tool with this name in a server, or a failed assertion. */
export function toolNamed(server: ServerResult, name: string) {
  const tool = server.tools.find((t) => t.name === name);
  if (!tool) throw new Error(`fixture ${server.slug} has no tool ${name}`);
  return tool;
}

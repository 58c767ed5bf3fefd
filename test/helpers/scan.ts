/** Runs a real scan of a server list written for the test, and reads back what it stored. */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan, type ScanOptions, type ScanSummary } from '../../scanner/pipeline.ts';
import { PolicySchema, ServerResultSchema, type Policy, type ServerResult } from '../../scanner/schemas/index.ts';

export interface ScanOutcome {
  summary: ScanSummary;
  out: string;
  /** Stored results by server id, each checked against the schema. */
  results: Map<string, ServerResult>;
  /** Stored policies by server id, each checked against the schema. */
  policies: Map<string, Policy>;
}

export async function scanList(
  mcpServers: Record<string, unknown>,
  opts: Partial<Omit<ScanOptions, 'servers' | 'out'>> = {},
): Promise<ScanOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'census-test-'));
  const servers = join(dir, 'servers.json');
  await writeFile(servers, JSON.stringify({ mcpServers }));
  const out = join(dir, 'out');
  const summary = await runScan({ servers, out, timeoutSeconds: 20, allowPrivate: true, ...opts });
  const results = new Map<string, ServerResult>();
  const policies = new Map<string, Policy>();
  for (const file of await readdir(join(out, 'servers'))) {
    const result = ServerResultSchema.parse(JSON.parse(await readFile(join(out, 'servers', file), 'utf8')));
    results.set(result.id, result);
    policies.set(result.id, PolicySchema.parse(JSON.parse(await readFile(join(out, 'policies', file), 'utf8'))));
  }
  return { summary, out, results, policies };
}

/** Absolute path inside the project. */
export function projectPath(...parts: string[]): string {
  return join(import.meta.dirname, '..', '..', ...parts);
}

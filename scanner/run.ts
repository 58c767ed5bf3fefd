/**
 * Programmatic entries, one per command. `cli.ts` parses arguments and calls
 * these; tests call them directly.
 */
import { resolve } from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { runScan, toolRecords, type ScanOptions, type ScanSummary } from './pipeline.ts';
import { readStructured, validate } from './sources/parse.ts';
import {
  ClassifyLineSchema,
  PolicySchema,
  ServerListSchema,
  ServerResultSchema,
  ToolsListSchema,
  type ClassifyLine,
} from './schemas/index.ts';

export type { ScanOptions, ScanSummary };

/** The project's root folder (where package.json is). */
export const ROOT = resolve(import.meta.dirname, '..');

/** Defaults shared by the CLI and `npm start`. */
export const DEFAULTS = {
  servers: resolve(ROOT, 'data/servers.yaml'),
  out: resolve(ROOT, 'data'),
  dist: resolve(ROOT, 'dist'),
  port: 4321,
} as const;

/** Scans every server in a list; see `ScanOptions`. */
export function scan(opts: ScanOptions): Promise<ScanSummary> {
  return runScan(opts);
}

/** Classifies saved `tools/list` answers offline, with the scan's classifier. */
export async function classifyFiles(files: readonly string[]): Promise<ClassifyLine[]> {
  const lines: ClassifyLine[] = [];
  for (const file of files) {
    const list = validate(file, await readStructured(file), ToolsListSchema);
    for (const tool of toolRecords(list.tools)) {
      lines.push({ file, name: tool.name, slug: tool.slug, access: tool.access, category: tool.category, risk: tool.risk, signals: tool.signals });
    }
  }
  return lines;
}

/** Builds the catalogue of `dataDir` into `outDir`. */
export async function build(opts: { dataDir: string; outDir: string }): Promise<{ pages: number }> {
  const { buildSite } = await import('../site/build.ts');
  return buildSite({ dataDir: resolve(opts.dataDir), outDir: resolve(opts.outDir) });
}

/** Serves a built catalogue. */
export async function serve(opts: { dir: string; port: number; host?: string }): Promise<{ url: string; close(): Promise<void> }> {
  const { serveSite } = await import('../site/serve.ts');
  return serveSite(opts);
}

/** The published file formats, by file name. */
export const PUBLISHED_SCHEMAS: Record<string, z.ZodType> = {
  'servers.schema.json': ServerListSchema,
  'server-result.schema.json': ServerResultSchema,
  'policy.schema.json': PolicySchema,
  'tools-list.schema.json': ToolsListSchema,
  'classify-line.schema.json': ClassifyLineSchema,
};

/** Where the generated JSON Schemas are published in the repository. */
export const SCHEMA_DIR = resolve(ROOT, 'scanner/schemas/json');

/** JSON Schema (draft 2020-12) for each published format, generated from the zod schemas. */
export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(PUBLISHED_SCHEMAS).map(([file, schema]) => [
      file,
      {
        $id: `https://mcp-census.dev/schemas/${file}`,
        ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
      },
    ]),
  );
}

/** Writes the JSON Schemas to `dir`. */
export async function writeJsonSchemas(dir: string = SCHEMA_DIR): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, schema] of Object.entries(jsonSchemas())) {
    await writeFile(resolve(dir, file), JSON.stringify(schema, null, 2) + '\n');
    written.push(resolve(dir, file));
  }
  return written;
}

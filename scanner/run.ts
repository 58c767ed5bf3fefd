/**
 * Programmatic entries, one per command. `cli.ts` parses arguments and calls
 * these; tests call them directly.
 */
import { resolve } from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { runScan, type ScanOptions, type ScanSummary } from './pipeline.ts';
import { toolRecords } from './finish.ts';
import { collectTargets, type Skipped, type SourceOptions } from './sources/index.ts';
import { sarifLog } from './report/sarif.ts';
import { writeJsonAtomic } from './store/index.ts';
import { CLIENT_INFO } from './connect/index.ts';
import { annotate, checkPins, diffScans, pinsOf, previousResult, readPins, readResults, writePins, type PinCheck } from './drift/index.ts';
import { readStructured, validate } from './sources/parse.ts';
import { ScanEventSchema } from './schemas/scan-event.ts';
import {
  CatalogueSchema,
  ClassifyLineSchema,
  DriftReportLineSchema,
  PinFileSchema,
  PolicySchema,
  SarifLogSchema,
  ServerListSchema,
  ServerResultSchema,
  ToolsListSchema,
  type ClassifyLine,
  type DriftReportLine,
  type ServerResult,
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

export interface ScanRunOptions extends Omit<ScanOptions, 'servers' | 'targets'>, Omit<SourceOptions, 'servers'> {
  /** The server list to read. @default none (then only the other sources given are scanned) */
  servers?: string;
  /**
   * A pin lockfile: written when it does not exist, otherwise checked (see `ScanReport.pin`).
   * @default no pinning
   * Why: a CI check that fails when a tool definition someone approved changes.
   */
  pin?: string;
  /** Where to write the findings as SARIF 2.1.0. @default not written */
  sarif?: string;
  /**
   * Return every stored result in `ScanReport.stored`.
   * @default false (true with `pin` or `sarif`, which need them)
   * Why: a crawl of many thousands of servers should not hold them all in memory.
   */
  keepResults?: boolean;
}

/** What `scan` returns: the summary, every stored result, and the pin outcome. */
export interface ScanReport extends ScanSummary {
  /** Servers the sources found but could not turn into targets. */
  skipped: Skipped[];
  /** With `pin`: whether the lockfile was written, or how the scan compared with it. */
  pin?: { file: string; written: true; servers: number } | { file: string; written: false; check: PinCheck };
  /** With `sarif`: the file written. */
  sarif?: string;
}

/** Scans every server from the sources given; see `ScanRunOptions`. */
export async function scan(opts: ScanRunOptions): Promise<ScanReport> {
  const pins = opts.pin ? await readPins(opts.pin) : undefined;
  const { targets, skipped } = await collectTargets(opts);
  const summary = await runScan({
    ...opts,
    servers: opts.servers ?? '',
    targets,
    keepResults: Boolean(opts.keepResults || opts.pin || opts.sarif),
  });
  const { stored } = summary; // hashed, with origin and drift
  const report: ScanReport = { ...summary, skipped };
  if (opts.pin) {
    if (pins) report.pin = { file: opts.pin, written: false, check: checkPins(pins, stored) };
    else {
      const written = pinsOf(stored);
      await writePins(opts.pin, written);
      report.pin = { file: opts.pin, written: true, servers: written.servers.length };
    }
  }
  if (opts.sarif) {
    const credentialed = new Set(targets.filter((t) => t.kind === 'remote' && Object.keys(t.entry.headers).length).map((t) => t.slug));
    const pinChanges = report.pin && !report.pin.written ? report.pin.check.changed : [];
    const log = SarifLogSchema.parse(sarifLog(stored, { outDir: resolve(opts.out), version: CLIENT_INFO.version, credentialed, pinChanges }));
    await writeJsonAtomic(opts.sarif, log);
    report.sarif = opts.sarif;
  }
  return report;
}

/** Drift between two scans (result files or scan folders), matched by server id. */
export async function diff(before: string, after: string): Promise<DriftReportLine[]> {
  return diffScans(await readResults(before), await readResults(after));
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
export async function build(opts: { dataDir: string; outDir: string; siteUrl?: string }): Promise<{ pages: number }> {
  const { buildSite } = await import('../site/build.ts');
  return buildSite({ dataDir: resolve(opts.dataDir), outDir: resolve(opts.outDir), ...(opts.siteUrl ? { siteUrl: opts.siteUrl } : {}) });
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
  'pin.schema.json': PinFileSchema,
  'drift-line.schema.json': DriftReportLineSchema,
  'scan-event.schema.json': ScanEventSchema,
  'catalogue.schema.json': CatalogueSchema,
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

/**
 * The catalogue's data: every `servers/<slug>.json` and `policies/<slug>.json` of
 * the data directory, read once with `node:fs`, checked with the scanner's zod
 * schemas, and indexed once so that each of tens of thousands of pages does only
 * constant work. Every page's `getStaticPaths` comes from here.
 *
 * The data directory is `$CENSUS_DATA`, an absolute path set by `buildSite`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import {
  CATEGORIES,
  PolicySchema,
  RISKS,
  STATUSES,
  ServerResultSchema,
  type Category,
  type Drift,
  type Policy,
  type Risk,
  type ServerResult,
  type Status,
  type ToolChange,
  type ToolRecord,
} from '../../scanner/schemas/index.ts';
import { serverTitle } from './lib/present.ts';
import { ATTACK_PATTERNS, patternsFor, type AttackPattern } from './lib/patterns.ts';

/** A data file that is missing, is not JSON, or does not match its schema. */
export class CatalogueDataError extends Error {
  constructor(
    /** The offending file (absolute). */
    readonly file: string,
    /** The offending field, e.g. `tools[2].risk`; empty for the whole file. */
    readonly field: string,
    detail: string,
  ) {
    super(`Invalid catalogue data in ${file}${field ? `: field "${field}"` : ''}: ${detail}`);
    this.name = 'CatalogueDataError';
  }
}

export interface Counts {
  byRisk: Record<Risk, number>;
  byCategory: Record<Category, number>;
}

export interface ServerEntry {
  result: ServerResult;
  /** The server's starter policy exactly as stored (validated), so hostile tool names such as `__proto__` survive. */
  policy: Policy;
  /** Title shown for the server. */
  title: string;
  counts: Counts;
  /** What the latest scan recorded as changed since the one before, when it recorded drift. */
  changes?: ServerChanges;
}

/** A server's drift, indexed for its pages (built once, so each page does constant work per tool). */
export interface ServerChanges {
  drift: Drift;
  /** Position of the server in `Catalogue.changed` (which page of `/changes/` lists it). */
  index: number;
  /** Changed tools by name. */
  changed: Map<string, ToolChange>;
  /** Names of the tools that appeared. */
  added: Set<string>;
}

export interface ToolEntry {
  server: ServerEntry;
  tool: ToolRecord;
  /** This tool's position in `byCategory[tool.category]`. */
  categoryIndex: number;
  /** The attack patterns that apply to it. */
  patterns: AttackPattern[];
  /** How its definition changed since the previous scan of its server, when it did. */
  change?: ToolChange;
  /** True when the previous scan of its server did not list it. */
  added?: boolean;
}

export interface Catalogue {
  dataDir: string;
  /** Sorted by slug. */
  servers: ServerEntry[];
  /** Every tool: servers by slug, each server's tools in the order it lists them. */
  tools: ToolEntry[];
  /** The same tools split by category, same order. */
  byCategory: Record<Category, ToolEntry[]>;
  /** The same tools split by risk, same order. */
  byRisk: Record<Risk, ToolEntry[]>;
  /** Tools by the ids of their signals (a tool once per id), ids sorted. */
  bySignal: Map<string, ToolEntry[]>;
  /** Tools by attack pattern id, in `ATTACK_PATTERNS` order (every pattern present, maybe empty). */
  byPattern: Map<string, ToolEntry[]>;
  /** Servers whose latest scan recorded drift: latest scan first, then by slug. */
  changed: ServerEntry[];
  /** Servers by slug. */
  serverBySlug: Map<string, ServerEntry>;
  /** Tools by server slug, then tool slug. */
  toolBySlug: Map<string, Map<string, ToolEntry>>;
  totals: Counts & { servers: number; tools: number; byStatus: Record<Status, number> };
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** `tools[2].risk` from zod's `['tools', 2, 'risk']`. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CatalogueDataError(file, '', code === 'ENOENT' ? 'file is missing' : `cannot read it (${code ?? String(err)})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CatalogueDataError(file, '', `not valid JSON (${(err as Error).message})`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, file: string, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [first, ...rest] = parsed.error.issues;
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  throw new CatalogueDataError(file, fieldPath(first.path), `${first.message}${more}`);
}

/** Reads and indexes a data directory. Throws `CatalogueDataError` naming the file and field of the first bad file. */
export function loadCatalogue(dataDir: string): Catalogue {
  const dir = resolve(dataDir);
  const serversDir = join(dir, 'servers');
  let names: string[];
  try {
    if (!statSync(serversDir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(serversDir).filter((n) => n.endsWith('.json'));
  } catch {
    throw new CatalogueDataError(serversDir, '', 'no such folder: the data directory must hold servers/<slug>.json files from a scan');
  }
  names.sort();

  const servers: ServerEntry[] = [];
  for (const name of names) {
    const file = join(serversDir, name);
    const result = parseWith(ServerResultSchema, file, readJson(file));
    if (`${result.slug}.json` !== name) {
      throw new CatalogueDataError(file, 'slug', `"${result.slug}" does not match the file name`);
    }
    const seen = new Set<string>();
    result.tools.forEach((tool, i) => {
      if (seen.has(tool.slug)) throw new CatalogueDataError(file, `tools[${i}].slug`, `"${tool.slug}" is used by another tool of this server`);
      seen.add(tool.slug);
    });
    const policyFile = join(dir, 'policies', name);
    const raw = readJson(policyFile);
    parseWith(PolicySchema, policyFile, raw);
    const counts: Counts = { byRisk: zeroes(RISKS), byCategory: zeroes(CATEGORIES) };
    for (const tool of result.tools) {
      counts.byRisk[tool.risk]++;
      counts.byCategory[tool.category]++;
    }
    servers.push({ result, policy: raw as Policy, title: serverTitle(result), counts });
  }

  const tools: ToolEntry[] = [];
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, [] as ToolEntry[]])) as Record<Category, ToolEntry[]>;
  const byRisk = Object.fromEntries(RISKS.map((r) => [r, [] as ToolEntry[]])) as Record<Risk, ToolEntry[]>;
  const signals = new Map<string, ToolEntry[]>();
  const byPattern = new Map<string, ToolEntry[]>(ATTACK_PATTERNS.map((p) => [p.id, []]));
  const totals = { servers: servers.length, tools: 0, byRisk: zeroes(RISKS), byCategory: zeroes(CATEGORIES), byStatus: zeroes(STATUSES) };
  const changed = servers.filter((s) => s.result.drift);
  changed.sort((a, b) => (a.result.scannedAt > b.result.scannedAt ? -1 : a.result.scannedAt < b.result.scannedAt ? 1 : 0));
  changed.forEach((server, index) => {
    const drift = server.result.drift!;
    const byName = new Map<string, ToolChange>();
    for (const c of drift.changed) if (!byName.has(c.name)) byName.set(c.name, c);
    server.changes = { drift, index, changed: byName, added: new Set(drift.added) };
  });
  for (const server of servers) {
    totals.byStatus[server.result.status]++;
    const changes = server.changes;
    for (const tool of server.result.tools) {
      const list = byCategory[tool.category];
      const entry: ToolEntry = { server, tool, categoryIndex: list.length, patterns: patternsFor(tool) };
      if (changes) {
        const change = changes.changed.get(tool.name);
        if (change) entry.change = change;
        if (changes.added.has(tool.name)) entry.added = true;
      }
      list.push(entry);
      tools.push(entry);
      byRisk[tool.risk].push(entry);
      for (const id of new Set(tool.signals.map((sig) => sig.id))) {
        const same = signals.get(id);
        if (same) same.push(entry);
        else signals.set(id, [entry]);
      }
      for (const p of entry.patterns) byPattern.get(p.id)!.push(entry);
      totals.byRisk[tool.risk]++;
      totals.byCategory[tool.category]++;
    }
  }
  totals.tools = tools.length;
  const bySignal = new Map([...signals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const serverBySlug = new Map(servers.map((s) => [s.result.slug, s]));
  const toolBySlug = new Map(servers.map((s) => [s.result.slug, new Map<string, ToolEntry>()]));
  for (const e of tools) toolBySlug.get(e.server.result.slug)!.set(e.tool.slug, e);
  return { dataDir: dir, servers, tools, byCategory, byRisk, bySignal, byPattern, changed, serverBySlug, toolBySlug, totals };
}

let memo: { dir: string; catalogue: Catalogue } | undefined;

/** The data directory of this build: `$CENSUS_DATA` (an absolute path, set by `buildSite`). */
export function dataDir(): string {
  const dir = process.env.CENSUS_DATA;
  if (!dir) throw new Error('CENSUS_DATA is not set: build the catalogue with buildSite (site/build.ts), which points it at the data directory');
  return resolve(dir);
}

/** The catalogue of this build, read once. */
export function catalogue(): Catalogue {
  const dir = dataDir();
  if (memo?.dir !== dir) memo = { dir, catalogue: loadCatalogue(dir) };
  return memo.catalogue;
}

/**
 * Up to `n` other tools of the same category, spread evenly across the whole
 * catalogue starting after this one: stable, O(n), and different neighbours for
 * neighbouring tools.
 */
export function relatedTools(cat: Catalogue, entry: ToolEntry, n = 6): ToolEntry[] {
  const list = cat.byCategory[entry.tool.category];
  const count = Math.min(n, list.length - 1);
  if (count <= 0) return [];
  const step = Math.max(1, Math.floor(list.length / (count + 1)));
  const out: ToolEntry[] = [];
  for (let j = 1; j <= count; j++) out.push(list[(entry.categoryIndex + j * step) % list.length]);
  return out;
}


/**
 * Small pure helpers that turn catalogue data into what pages show.
 * Everything from the data is attacker-controlled text: these return plain
 * strings for Astro to escape, and links only when they are http(s).
 */
import { stripHidden } from './reveal.ts';
import type { Category, Risk, ServerResult, Status, Target, ToolRule } from '../../../scanner/schemas/index.ts';

/** `url` as an http(s) link without credentials, or undefined for anything else (`javascript:`, `data:`, junk). */
export function safeHref(url: string | undefined): string | undefined {
  if (typeof url !== 'string' || url.length > 2048) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

export const RISK_LABEL: Record<Risk, string> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
  critical: 'Critical risk',
};

export const CATEGORY_LABEL: Record<Category, string> = {
  read: 'Read',
  write: 'Write',
  execute: 'Execute',
  destructive: 'Destructive',
  financial: 'Financial',
};

/** What a tool of each category can do, completing "<tool> …". */
export const CATEGORY_MEANING: Record<Category, string> = {
  read: 'retrieves data without modifying anything',
  write: 'can create or modify data',
  execute: 'can run code or commands',
  destructive: 'can delete or overwrite data',
  financial: 'can move money or make purchases',
};

export const STATUS_LABEL: Record<Status, string> = {
  ok: 'OK',
  auth_required: 'Auth required',
  timeout: 'Timed out',
  unreachable: 'Unreachable',
  blocked: 'Blocked',
  error: 'Error',
};

/** Why a server has no (or an incomplete) tool list, one sentence per status. */
export const STATUS_MEANING: Record<Status, string> = {
  ok: 'The server answered and listed its tools.',
  auth_required: 'The server asks for credentials the scanner was not given, so its tools could not be listed.',
  timeout: 'The server did not finish answering within the time budget, so its tools could not be (fully) listed.',
  unreachable: 'The server could not be reached from the scanner (network or DNS failure), so its tools could not be listed.',
  blocked: 'The scanner refused to contact this address (a loopback or private network), so its tools were not listed.',
  error: 'The scan failed (the server crashed, broke the protocol or sent too much), so its tools could not be (fully) listed.',
};

/** The server's grade letter (A–F), when the scan graded it. */
export function gradeOf(result: ServerResult): string | undefined {
  return result.grade?.letter;
}

export function serverTitle(result: ServerResult): string {
  return result.title || result.server?.title || result.id;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A command line for display: arguments with spaces or quotes are JSON-quoted. */
export function commandLine(target: Target): string | undefined {
  if (!target.command) return undefined;
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : JSON.stringify(s));
  return [target.command, ...(target.args ?? [])].map(quote).join(' ');
}

/** `2026-11-22 10:00 UTC`. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** What a starter rule does, in a sentence. */
export function ruleSummary(rule: ToolRule | undefined): string {
  if (!rule) return 'No rule: the policy’s default (deny) applies.';
  if (rule.hidden) return `Hidden from the agent and refused. ${rule.reason ?? ''}`.trim();
  if (rule.limits?.length) {
    return `Allowed, rate-limited: ${rule.limits.map((l) => `${l.max} calls per ${l.window} per ${l.scope}`).join('; ')}.`;
  }
  return 'Allowed without limits.';
}

export interface ParamRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** Most parameters listed in a schema table; a larger schema is summarised. */
export const MAX_PARAMS = 200;
const MAX_TYPE_LENGTH = 160;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A short type for a JSON Schema: `string`, `array<number>`, `"a" | "b"`, `string | null`… */
export function typeLabel(schema: unknown, depth = 0): string {
  if (!isObject(schema)) return schema === true ? 'any' : 'unknown';
  if (depth > 3) return '…';
  let label: string;
  if (Array.isArray(schema.enum)) {
    label = schema.enum.slice(0, 8).map((v) => JSON.stringify(v) ?? 'null').join(' | ') + (schema.enum.length > 8 ? ' | …' : '');
  } else if ('const' in schema) {
    label = `const ${JSON.stringify(schema.const) ?? ''}`;
  } else if (typeof schema.type === 'string') {
    label = schema.type === 'array' && schema.items !== undefined ? `array<${typeLabel(schema.items, depth + 1)}>` : schema.type;
    if (typeof schema.format === 'string') label += ` (${schema.format})`;
  } else if (Array.isArray(schema.type)) {
    label = schema.type.filter((t) => typeof t === 'string').join(' | ') || 'unknown';
  } else if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const options = (Array.isArray(schema.anyOf) ? schema.anyOf : (schema.oneOf as unknown[])).slice(0, 8);
    label = options.map((o) => typeLabel(o, depth + 1)).join(' | ');
  } else if (typeof schema.$ref === 'string') {
    label = `$ref ${schema.$ref}`;
  } else if (isObject(schema.properties)) {
    label = 'object';
  } else {
    label = 'any';
  }
  return clip(label, MAX_TYPE_LENGTH);
}

/** The rows of a tool's parameter table, from its input schema's `properties` and `required`. */
export function paramRows(inputSchema: unknown): ParamRow[] {
  if (!isObject(inputSchema) || !isObject(inputSchema.properties)) return [];
  const required = new Set(Array.isArray(inputSchema.required) ? inputSchema.required.filter((r) => typeof r === 'string') : []);
  return Object.entries(inputSchema.properties)
    .slice(0, MAX_PARAMS)
    .map(([name, prop]) => ({
      name,
      type: typeLabel(prop),
      required: required.has(name),
      description: isObject(prop) && typeof prop.description === 'string' ? prop.description : isObject(prop) && typeof prop.title === 'string' ? prop.title : '',
    }));
}

/** How many properties the schema declares (the table shows at most `MAX_PARAMS`). */
export function paramCount(inputSchema: unknown): number {
  return isObject(inputSchema) && isObject(inputSchema.properties) ? Object.keys(inputSchema.properties).length : 0;
}

/** Hrefs of the site's own pages and files. Slugs are checked by the schema (`[a-z0-9-]`), so they are path-safe. */
export const href = {
  server: (server: string) => `/servers/${server}/`,
  tool: (server: string, tool: string) => `/tools/${server}/${tool}/`,
  serverPolicy: (server: string) => `/policies/${server}.json`,
  toolPolicy: (server: string, tool: string) => `/policies/${server}/${tool}.json`,
  apiServer: (server: string) => `/api/servers/${server}.json`,
};

/**
 * Text for a `<meta name="description">`: one line, no angle brackets or control
 * characters (escaping would already make it safe; this keeps it plain), clipped.
 */
export function metaText(text: string, max = 200): string {
  const plain = stripHidden(text)
    .replace(/[\u0000-\u001f\u007f-\u009f<>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clip(plain, max);
}

/** Pretty JSON as the downloads serve it. */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

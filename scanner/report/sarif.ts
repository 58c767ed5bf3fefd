/**
 * Findings as SARIF 2.1.0, for code-scanning dashboards: poisoned tool text,
 * critical tools, drift (since the previous scan and against pins) and the
 * authorization posture of remote servers.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { POISONING_SIGNAL_IDS } from '../classify/poisoning-ids.ts';
import type { Drift, SarifLevel, SarifLocation, SarifLog, SarifResult, SarifRule, ServerResult, ToolRecord } from '../schemas/index.ts';
import { isPrivateAddress } from '../connect/guard.ts';

/** The `$schema` written into every log (the SARIF 2.1.0 schema as published by SchemaStore). */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

type RuleId =
  | 'tool-poisoning'
  | 'critical-tool'
  | 'tool-drift'
  | 'pin-mismatch'
  | 'auth-required'
  | 'unauthenticated-remote'
  | 'plaintext-http';

function rule(id: RuleId, name: string, level: SarifLevel, severity: string | undefined, short: string, full: string, help: string): SarifRule {
  return {
    id,
    name,
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: { text: help },
    defaultConfiguration: { level },
    properties: { tags: ['security', 'mcp'], ...(severity ? { 'security-severity': severity } : {}) },
  };
}

/** Every rule the scanner reports, in a fixed order (results refer to them by index). */
export const SARIF_RULES: readonly SarifRule[] = [
  rule('tool-poisoning', 'ToolPoisoning', 'error', '9.0', 'Tool text tries to manipulate the model',
    'A tool description, schema or annotation carries hidden instructions, invisible characters, escape sequences, secrets or exfiltration parameters aimed at the model that reads it.',
    'Do not expose this tool to an agent. Its starter policy hides it; review the evidence and the server before allowing it.'),
  rule('critical-tool', 'CriticalTool', 'error', '8.0', 'Tool can execute code, destroy data or move money',
    'The classifier rates the tool critical: it can execute commands, delete or overwrite data, or make payments.',
    'Keep the tool hidden (its starter policy does) until someone decides it is needed, and then allow it with limits.'),
  rule('tool-drift', 'ToolDrift', 'warning', '7.0', 'Tool definition changed since the previous scan',
    'A tool was added, removed or changed (description, input schema or annotations), or the server instructions changed, since the previous scan of the same server.',
    'Review the change: a tool whose definition changes after it was approved is how a rug pull works.'),
  rule('pin-mismatch', 'PinMismatch', 'error', '8.5', 'Pinned tool definition changed',
    'A definition recorded in the pin lockfile no longer matches what the server lists.',
    'Review the change; if it is expected, delete the lockfile and scan again with --pin to pin the new definitions.'),
  rule('auth-required', 'AuthRequired', 'note', undefined, 'Server requires authorization',
    'The server asked for credentials, so its tools were not listed. Provide them (headers or env references) to scan it.',
    'Give the scanner credentials for this server through environment variables referenced from the server list.'),
  rule('unauthenticated-remote', 'UnauthenticatedRemote', 'warning', '5.0', 'Remote server offers write tools without credentials',
    'A remote server answered without any credentials and lists tools that change things: anyone who can reach it can call them.',
    'Put the server behind authorization, or confirm it is meant to be public.'),
  rule('plaintext-http', 'PlaintextHttp', 'warning', '5.0', 'Remote server reached over plain HTTP',
    'The server was reached over http:// on a public host: its traffic, and any credentials, can be read or changed in transit.',
    'Serve it over https.'),
];

const RULE_INDEX = new Map(SARIF_RULES.map((r, i) => [r.id, i]));

export interface SarifOptions {
  /**
   * Slugs of remote servers that were given credentials (request headers).
   * @default none: every remote server is taken as reached without credentials
   * Why: only the scan knows what it sent; results never record header values.
   */
  credentialed?: ReadonlySet<string>;
  /** Pinned definitions that changed (`scan --pin`). @default none */
  pinChanges?: readonly { id: string; drift: Drift }[];
}

/** Server text is hostile: no control or bidi characters, bounded length. */
function clean(text: string, max = 300): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function fingerprint(...parts: string[]): Record<string, string> {
  return { 'mcpCensusFinding/v1': createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, 32) };
}

function location(result: ServerResult, tool?: string): SarifLocation {
  // A server list in the working tree is where the finding can be fixed; otherwise point at the stored result.
  const list = result.origin?.source === 'list' && !/^(\/|~|[A-Za-z]:)/.test(result.origin.file) ? result.origin : undefined;
  const listFile = list?.file;
  const artifactLocation = listFile ? { uri: encodeURI(listFile.replaceAll('\\', '/')) } : { uri: `servers/${result.slug}.json`, uriBaseId: 'SCANDIR' };
  const server = { name: clean(result.id, 200), fullyQualifiedName: clean(result.id, 200), kind: 'module' as const };
  const logical = tool
    ? [server, { name: clean(tool, 200), fullyQualifiedName: `${clean(result.id, 200)}/${clean(tool, 200)}`, kind: 'function' as const }]
    : [server];
  const region = list?.line ? { region: { startLine: list.line } } : {};
  return { physicalLocation: { artifactLocation, ...region }, logicalLocations: logical };
}

function finding(id: RuleId, result: ServerResult, text: string, opts: { tool?: string; key?: string; level?: SarifLevel; properties?: Record<string, unknown> }): SarifResult {
  const index = RULE_INDEX.get(id)!;
  return {
    ruleId: id,
    ruleIndex: index,
    level: opts.level ?? SARIF_RULES[index].defaultConfiguration.level,
    message: { text },
    locations: [location(result, opts.tool)],
    partialFingerprints: fingerprint(id, result.id, opts.tool ?? '', opts.key ?? ''),
    ...(opts.properties ? { properties: opts.properties } : {}),
  };
}

function toolFindings(result: ServerResult, tool: ToolRecord): SarifResult[] {
  const where = `Tool "${clean(tool.name, 120)}" of server "${clean(result.id, 120)}"`;
  const poison = tool.signals.filter((s) => POISONING_SIGNAL_IDS.has(s.id));
  if (poison.length) {
    const what = poison.map((s) => `${clean(s.label, 120)} (${s.source}: "${clean(s.evidence, 160)}")`).join('; ');
    return [finding('tool-poisoning', result, `${where}: ${what}`, { tool: tool.name, key: tool.hash ?? '', properties: { signals: poison.map((s) => s.id), risk: tool.risk } })];
  }
  if (tool.risk === 'critical') {
    const why = tool.signals.slice(0, 3).map((s) => clean(s.label, 120)).join('; ');
    return [finding('critical-tool', result, `${where} is critical (${tool.category})${why ? `: ${why}` : ''}`, { tool: tool.name, properties: { category: tool.category, risk: tool.risk } })];
  }
  return [];
}

function driftFindings(result: ServerResult, drift: Drift, id: 'tool-drift' | 'pin-mismatch'): SarifResult[] {
  const since = id === 'pin-mismatch' ? `pinned ${drift.since}` : `the scan of ${drift.since}`;
  const server = `server "${clean(result.id, 120)}"`;
  const out: SarifResult[] = [];
  for (const name of drift.added) out.push(finding(id, result, `Tool "${clean(name, 120)}" was added to ${server} since ${since}`, { tool: name, key: `added ${drift.after}` }));
  for (const name of drift.removed) out.push(finding(id, result, `Tool "${clean(name, 120)}" was removed from ${server} since ${since}`, { tool: name, key: `removed ${drift.after}` }));
  for (const c of drift.changed) {
    out.push(finding(id, result, `Tool "${clean(c.name, 120)}" of ${server} changed since ${since}: ${c.fields.join(', ')}`, { tool: c.name, key: `changed ${c.after}`, properties: { fields: c.fields, before: c.before, after: c.after } }));
  }
  if (drift.instructionsChanged) out.push(finding(id, result, `The instructions of ${server} changed since ${since}`, { key: `instructions ${drift.after}` }));
  return out;
}

function isPublicPlainHttp(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (/(^|\.)localhost\.?$/i.test(host)) return false;
  return !(isIP(host) && isPrivateAddress(host));
}

function authFindings(result: ServerResult, credentialed: ReadonlySet<string>): SarifResult[] {
  if (result.target.transport === 'stdio') return [];
  const out: SarifResult[] = [];
  const server = `Server "${clean(result.id, 120)}"`;
  if (result.status === 'auth_required') {
    out.push(finding('auth-required', result, `${server} requires authorization${result.auth?.scheme ? ` (${clean(result.auth.scheme, 40)})` : ''}; its tools were not listed`, {}));
  }
  if (result.status === 'ok' && isPublicPlainHttp(result.target.url)) {
    out.push(finding('plaintext-http', result, `${server} was reached over plain HTTP at ${clean(result.target.url ?? '', 200)}`, {}));
  }
  const writers = result.tools.filter((t) => t.access === 'write');
  if (result.status === 'ok' && !credentialed.has(result.slug) && writers.length) {
    const names = writers.slice(0, 5).map((t) => `"${clean(t.name, 60)}"`).join(', ');
    out.push(
      finding('unauthenticated-remote', result, `${server} answered without credentials and lists ${writers.length} tool(s) that change things: ${names}${writers.length > 5 ? ', …' : ''}`, {
        properties: { writeTools: writers.length },
      }),
    );
  }
  return out;
}

/** The SARIF log of a scan's stored results. */
export function sarifLog(results: readonly ServerResult[], opts: SarifOptions & { outDir: string; version: string }): SarifLog {
  const credentialed = opts.credentialed ?? new Set<string>();
  const pinChanges = new Map((opts.pinChanges ?? []).map((c) => [c.id, c.drift]));
  const findings: SarifResult[] = [];
  for (const result of results) {
    for (const tool of result.tools) findings.push(...toolFindings(result, tool));
    if (result.drift) findings.push(...driftFindings(result, result.drift, 'tool-drift'));
    const pinned = pinChanges.get(result.id);
    if (pinned) findings.push(...driftFindings(result, pinned, 'pin-mismatch'));
    findings.push(...authFindings(result, credentialed));
  }
  const base = opts.outDir.replaceAll('\\', '/');
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mcp-census', version: opts.version, rules: [...SARIF_RULES] } },
        originalUriBaseIds: { SCANDIR: { uri: `file://${encodeURI(base.startsWith('/') ? base : `/${base}`)}${base.endsWith('/') ? '' : '/'}` } },
        results: findings,
      },
    ],
  };
}

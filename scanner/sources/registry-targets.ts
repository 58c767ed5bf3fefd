/**
 * Registry entries → scan targets. Pure: which version of each server is
 * scanned, and how its remote (or, when asked for, its npm package) becomes a
 * target. Everything in an entry is publisher-controlled and treated as hostile.
 */
import { RemoteServerSchema, StdioServerSchema, type RegistryEntry, type RegistryInput, type RegistryKeyValue, type RegistryOrigin } from '../schemas/index.ts';
import { OFFICIAL_META } from '../schemas/index.ts';
import type { Skipped, Unslugged } from './index.ts';
import { hasEnvRef, secretEnvName } from './redact.ts';

/** Renames older snake_case keys to camelCase at every level, except the user-chosen names under `variables`. */
export function camelKeys(value: unknown, depth = 0): unknown {
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => camelKeys(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = key.replace(/(?<=[a-z0-9])_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (name === '__proto__') continue;
    out[name] = key === 'variables' && v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== '__proto__').map(([k, x]) => [k, camelKeys(x, depth + 2)]))
      : camelKeys(v, depth + 1);
  }
  return out;
}

/** Older answers listed the server itself, with its `_meta` inside; newer ones wrap it as `{server, _meta}`. */
export function wrapEntry(item: unknown): unknown {
  if (item && typeof item === 'object' && !('server' in item) && 'name' in item) {
    return { server: item, _meta: (item as { _meta?: unknown })._meta };
  }
  return item;
}

function meta(entry: RegistryEntry) {
  return entry._meta?.[OFFICIAL_META] ?? {};
}

function statusOf(entry: RegistryEntry): string {
  return (meta(entry).status ?? entry.server.status ?? 'active').toLowerCase();
}

/**
 * The latest active version of each server: `isLatest` when the registry says
 * so, otherwise the most recently published (then updated) one. Servers whose
 * every version is deprecated or deleted are left out.
 */
export function latestActive(entries: readonly RegistryEntry[], updatedSince?: string): { chosen: RegistryEntry[]; inactive: string[] } {
  const groups = new Map<string, RegistryEntry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.server.name) ?? [];
    list.push(entry);
    groups.set(entry.server.name, list);
  }
  const chosen: RegistryEntry[] = [];
  const inactive: string[] = [];
  const since = updatedSince ? Date.parse(updatedSince) : undefined;
  for (const [name, list] of groups) {
    const active = list.filter((e) => statusOf(e) === 'active');
    if (!active.length) {
      inactive.push(name);
      continue;
    }
    const time = (e: RegistryEntry) => `${meta(e).publishedAt ?? ''}\u0000${meta(e).updatedAt ?? ''}`;
    const latest = active.filter((e) => meta(e).isLatest === true);
    const pool = latest.length ? latest : active;
    const best = pool.reduce((a, b) => (time(b) >= time(a) ? b : a));
    const updated = Date.parse(meta(best).updatedAt ?? meta(best).publishedAt ?? '');
    // A registry that ignores `updated_since` still gets the filter applied here.
    if (since !== undefined && Number.isFinite(updated) && updated < since) continue;
    chosen.push(best);
  }
  return { chosen, inactive };
}

/** A value with `{name}` placeholders filled from non-secret variables; `undefined` when one cannot be filled. */
function fill(template: string, variables: Record<string, RegistryInput> | undefined): string | undefined {
  let missing = false;
  const out = template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    const v = variables && Object.hasOwn(variables, name) ? variables[name] : undefined;
    const value = v && !v.isSecret ? (v.value ?? v.default) : undefined;
    if (value === undefined) {
      missing = true;
      return whole;
    }
    return value;
  });
  return missing ? undefined : out;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** A literal value from the registry, or why it cannot be used as one. */
function literal(input: RegistryKeyValue): { value?: string; secret?: true } | { error: string } {
  const raw = input.value ?? input.default;
  const filled = raw === undefined ? undefined : fill(raw, input.variables);
  if (input.isSecret || (raw !== undefined && filled === undefined) || (raw === undefined && input.isRequired)) return { secret: true };
  if (filled === undefined) return {};
  if (/[\r\n\u0000]/.test(filled)) return { error: `${input.name} has a line break in its value` };
  if (hasEnvRef(filled)) return { error: `${input.name} has a \${…} reference in its value` };
  return { value: filled };
}

type Built = { target: Unslugged } | { skip: string };

function fromRemote(entry: RegistryEntry, origin: Omit<RegistryOrigin, 'via'>): Built | undefined {
  const remotes = entry.server.remotes ?? [];
  const typeOf = (r: (typeof remotes)[number]) => (r.type ?? r.transportType ?? '').toLowerCase();
  const remote = remotes.find((r) => ['streamable-http', 'streamablehttp', 'http'].includes(typeOf(r))) ?? remotes.find((r) => typeOf(r) === 'sse');
  if (!remote) return undefined;
  const name = entry.server.name;
  const url = fill(remote.url, remote.variables);
  if (url === undefined) return { skip: 'its URL needs a variable with no public default' };
  const headers: Record<string, string> = {};
  for (const header of remote.headers ?? []) {
    if (!HEADER_NAME.test(header.name)) return { skip: 'a header name is not a valid HTTP header name' };
    const got = literal(header);
    if ('error' in got) return { skip: `header ${got.error}` };
    if (got.secret) headers[header.name] = `\${${secretEnvName(name, header.name)}}`;
    else if (got.value !== undefined) headers[header.name] = got.value;
  }
  const sse = typeOf(remote) === 'sse';
  const parsed = RemoteServerSchema.safeParse({
    url,
    headers,
    ...(sse ? { type: 'sse' } : {}),
    ...(entry.server.title ? { title: entry.server.title.slice(0, 200) } : {}),
    ...(homepage(entry) ? { homepage: homepage(entry) } : {}),
  });
  if (!parsed.success) return { skip: 'its remote URL is not an http(s) URL' };
  return { target: { id: name, kind: 'remote', entry: parsed.data, origin: { ...origin, via: sse ? 'sse' : 'streamable-http' } } };
}

function homepage(entry: RegistryEntry): string | undefined {
  const url = entry.server.websiteUrl;
  return url && /^https?:\/\//i.test(url) && url.length <= 2048 ? url : undefined;
}

function fromPackage(entry: RegistryEntry, origin: Omit<RegistryOrigin, 'via'>): Built | undefined {
  const pkg = (entry.server.packages ?? []).find(
    (p) => (p.registryType ?? p.registryName ?? '').toLowerCase() === 'npm' && (p.transport?.type ?? 'stdio') === 'stdio',
  );
  if (!pkg) return undefined;
  const name = entry.server.name;
  const id = pkg.identifier ?? pkg.name ?? '';
  const version = pkg.version ?? '';
  if (!NPM_NAME.test(id) || id.length > 214) return { skip: 'its npm package name is not valid' };
  if (!EXACT_VERSION.test(version)) return { skip: `its npm package is not pinned to an exact version (${JSON.stringify(version.slice(0, 40))})` };
  const args: string[] = [];
  for (const arg of pkg.packageArguments ?? []) {
    const raw = arg.value ?? arg.default;
    const value = raw === undefined ? undefined : fill(raw, arg.variables);
    if (arg.isSecret || (raw !== undefined && value === undefined)) return { skip: 'a package argument needs a secret or a value with no default' };
    if (arg.type === 'named') {
      if (!arg.name || !/^-{1,2}[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(arg.name)) return { skip: 'a named package argument has no valid flag name' };
      if (value === undefined && arg.isRequired) return { skip: `package argument ${arg.name} is required and has no default` };
      args.push(arg.name, ...(value !== undefined ? [value] : []));
    } else if (value !== undefined) args.push(value);
    else if (arg.isRequired) return { skip: `positional package argument ${arg.valueHint ?? ''} is required and has no default`.replace('  ', ' ') };
  }
  const env: Record<string, string> = {};
  for (const variable of pkg.environmentVariables ?? []) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable.name)) return { skip: 'an environment variable name is not valid' };
    const got = literal(variable);
    if ('error' in got) return { skip: `environment variable ${got.error}` };
    if (got.secret) env[variable.name] = `\${${secretEnvName(name, variable.name)}}`;
    else if (got.value !== undefined) env[variable.name] = got.value;
  }
  const spec = `${id}@${version}`;
  const parsed = StdioServerSchema.safeParse({
    command: 'npx',
    // --yes: no prompt; `--` ends npx's own options, so nothing from the registry is read as one.
    args: ['--yes', '--', spec, ...args],
    env,
    package: spec,
    ...(entry.server.title ? { title: entry.server.title.slice(0, 200) } : {}),
    ...(homepage(entry) ? { homepage: homepage(entry) } : {}),
  });
  if (!parsed.success) return { skip: 'its package cannot be run' };
  return { target: { id: name, kind: 'stdio', entry: parsed.data, origin: { ...origin, via: 'npm', package: spec } } };
}

/**
 * The target for one chosen entry: its first Streamable HTTP remote, else its
 * first SSE remote, else (with `includePackages`) its npm package run with
 * `npx` pinned to the published version.
 */
export function targetFor(entry: RegistryEntry, registry: string, includePackages: boolean): { target: Unslugged } | { skipped: Skipped } {
  const m = meta(entry);
  const origin: Omit<RegistryOrigin, 'via'> = {
    source: 'registry',
    registry,
    name: entry.server.name,
    version: entry.server.version ?? '',
    ...(m.publishedAt ? { publishedAt: m.publishedAt } : {}),
    ...(m.updatedAt ? { updatedAt: m.updatedAt } : {}),
  };
  const remote = fromRemote(entry, origin);
  if (remote && 'target' in remote) return remote;
  const pkg = includePackages ? fromPackage(entry, origin) : undefined;
  if (pkg && 'target' in pkg) return pkg;
  const hasNpm = (entry.server.packages ?? []).some((p) => (p.registryType ?? p.registryName ?? '').toLowerCase() === 'npm');
  const reason =
    remote?.skip ??
    pkg?.skip ??
    (hasNpm && !includePackages ? 'only an npm package (scan it with --include-packages)' : 'no streamable-http or sse remote and no npm stdio package');
  return { skipped: { id: entry.server.name, reason } };
}

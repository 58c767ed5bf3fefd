/**
 * Source: the official MCP Registry (or any registry speaking its API). Pages
 * through `GET /v0.1/servers` by `metadata.nextCursor` over the guarded
 * connections (private-network guard, no DNS rebinding), keeps the latest
 * active version of each server, and turns each into a target.
 */
import { createAgents, agentFetch } from '../connect/agent.ts';
import type { Lookup } from '../connect/guard.ts';
import { RegistryEntrySchema, RegistryPageSchema, type RegistryEntry } from '../schemas/index.ts';
import { SourceError } from './errors.ts';
import type { Skipped, Unslugged } from './index.ts';
import { redactUrl } from './redact.ts';
import { camelKeys, latestActive, targetFor, wrapEntry } from './registry-targets.ts';

/** The official MCP Registry. */
export const DEFAULT_REGISTRY = 'https://registry.modelcontextprotocol.io';

export interface RegistryOptions {
  /** The registry's base URL. @default DEFAULT_REGISTRY */
  url?: string;
  /**
   * Only servers updated at or after this RFC 3339 time (`updated_since`).
   * @default all servers
   * Why: incremental crawls: a daily scan only looks at what changed.
   */
  updatedSince?: string;
  /**
   * Also scan servers published only as npm packages, run with `npx` pinned to the published version.
   * @default false
   * Why: that downloads and runs third-party code on this machine; it has to be asked for.
   */
  includePackages?: boolean;
  /** Permit a registry on loopback or a private network. @default false */
  allowPrivate?: boolean;
  /** Host name resolver for the guard (tests). @default the system resolver */
  lookup?: Lookup;
  /** Servers asked for per page. @default 100 */
  pageSize?: number;
  /**
   * Pages read at most.
   * @default 2000
   * Why: a registry that never stops handing out cursors must not keep the scan going forever.
   */
  maxPages?: number;
  /** Seconds one page may take. @default 30 */
  timeoutSeconds?: number;
  /** Largest page read, in bytes. @default 16 MiB */
  maxPageBytes?: number;
}

/** Longest cursor passed back (a cursor is a server name and version in the official registry). */
const MAX_CURSOR_CHARS = 4096;

/** Redirects followed per page at most. */
const MAX_REDIRECTS = 5;

function pageUrl(base: string, cursor: string | undefined, opts: RegistryOptions): URL {
  const url = new URL(`${base.replace(/\/+$/, '')}/v0.1/servers`);
  url.searchParams.set('limit', String(opts.pageSize ?? 100));
  url.searchParams.set('version', 'latest');
  if (cursor !== undefined) url.searchParams.set('cursor', cursor);
  if (opts.updatedSince) url.searchParams.set('updated_since', opts.updatedSince);
  return url;
}

/** Reads every page; each entry is renamed to camelCase and checked, and a bad one is skipped. */
async function readPages(base: string, opts: RegistryOptions): Promise<{ entries: RegistryEntry[]; skipped: Skipped[]; pages: number }> {
  const agents = createAgents({ allowPrivate: opts.allowPrivate ?? false, lookup: opts.lookup });
  const maxBytes = opts.maxPageBytes ?? 16 * 1024 * 1024;
  const fetchPage = agentFetch(agents, maxBytes);
  const shown = redactUrl(base);
  const entries: RegistryEntry[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  try {
    for (;;) {
      if (pages >= (opts.maxPages ?? 2000)) throw new SourceError(`registry ${shown}: more than ${opts.maxPages ?? 2000} pages; stopping`);
      let url = pageUrl(base, cursor, opts);
      let res: Response | undefined;
      const signal = AbortSignal.timeout((opts.timeoutSeconds ?? 30) * 1000);
      let text: string;
      try {
        for (let hop = 0; ; hop++) {
          res = await fetchPage(url.href, { headers: { accept: 'application/json' }, signal });
          const location = res.headers.get('location');
          if (res.status < 300 || res.status >= 400 || !location) break;
          await res.body?.cancel();
          if (hop >= MAX_REDIRECTS) throw new SourceError(`registry ${shown}: more than ${MAX_REDIRECTS} redirects`);
          url = new URL(location, url);
        }
        if (!res.ok) throw new SourceError(`registry ${shown}: page ${pages + 1} answered HTTP ${res.status}`);
        text = await res.text();
      } catch (err) {
        if (err instanceof SourceError) throw err;
        const e = err as Error & { kind?: string };
        throw new SourceError(`registry ${shown}: page ${pages + 1} failed: ${e.kind === 'blocked' ? `${e.message}` : (e.message || String(err)).slice(0, 200)}`);
      }
      pages++;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new SourceError(`registry ${shown}: page ${pages} is not JSON`);
      }
      const page = RegistryPageSchema.safeParse(camelKeys(json));
      if (!page.success) throw new SourceError(`registry ${shown}: page ${pages} is not a server list: ${page.error.issues[0].path.join('.') || '(top level)'}: ${page.error.issues[0].message}`);
      page.data.servers.forEach((item, i) => {
        const entry = RegistryEntrySchema.safeParse(wrapEntry(item));
        if (entry.success) entries.push(entry.data);
        else {
          const issue = entry.error.issues[0];
          const name = (item as { server?: { name?: unknown }; name?: unknown })?.server?.name ?? (item as { name?: unknown })?.name;
          skipped.push({ id: typeof name === 'string' ? name.slice(0, 200) : `page ${pages} entry ${i + 1}`, reason: `not a valid registry entry: ${issue.path.join('.')}: ${issue.message}` });
        }
      });
      const next = page.data.metadata?.nextCursor;
      if (!next) break;
      if (next.length > MAX_CURSOR_CHARS) throw new SourceError(`registry ${shown}: page ${pages} has a cursor longer than ${MAX_CURSOR_CHARS} characters; stopping`);
      if (seen.has(next)) throw new SourceError(`registry ${shown}: page ${pages} repeats an earlier cursor; stopping`);
      seen.add(next);
      cursor = next;
    }
  } finally {
    agents.destroy();
  }
  return { entries, skipped, pages };
}

/** The targets of a registry, with the servers that were left out and why. */
export async function loadRegistry(opts: RegistryOptions = {}): Promise<{ targets: Unslugged[]; skipped: Skipped[]; pages: number }> {
  const base = opts.url ?? DEFAULT_REGISTRY;
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new SourceError(`--registry: ${JSON.stringify(base.slice(0, 200))} is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new SourceError(`--registry: only http(s) registries are read`);
  const { entries, skipped, pages } = await readPages(base, opts);
  const { chosen, inactive } = latestActive(entries, opts.updatedSince);
  const targets: Unslugged[] = [];
  for (const name of inactive) skipped.push({ id: name, reason: 'no active version' });
  for (const entry of chosen) {
    const built = targetFor(entry, redactUrl(base), opts.includePackages ?? false);
    if ('target' in built) targets.push(built.target);
    else skipped.push(built.skipped);
  }
  return { targets, skipped, pages };
}

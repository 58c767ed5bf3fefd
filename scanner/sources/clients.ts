/**
 * Source: the MCP servers configured on this machine for Claude Desktop,
 * Claude Code, Cursor, VS Code, Windsurf and Gemini CLI. Each client's
 * spelling of an entry becomes the scanner's; the same server configured in
 * several places is scanned once and records every place.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { RemoteServerSchema, StdioServerSchema, type ClientConfig, type ClientOrigin } from '../schemas/index.ts';
import { configLocations, type ConfigLocation } from './client-configs.ts';
import type { Skipped, Unslugged } from './index.ts';
import { parseJsonc } from './jsonc.ts';
import { displayPath } from './paths.ts';

export interface ClientsOptions {
  /** The home folder whose client configurations are read. @default os.homedir() (honours $HOME) */
  home?: string;
  /** The project whose project-level configurations (`.mcp.json`, `.cursor/`, `.vscode/`, `.gemini/`) are read. @default process.cwd() */
  cwd?: string;
  /** Windows `%APPDATA%`. @default process.env.APPDATA */
  appData?: string;
}

/** Largest configuration file read (`~/.claude.json` grows with history). */
const MAX_CONFIG_BYTES = 32 * 1024 * 1024;

type Found = { location: ConfigLocation; key: string; raw: unknown; project?: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The server entries of one parsed file, by its layout. */
function entriesOf(location: ConfigLocation, doc: unknown): Found[] {
  if (!isRecord(doc)) return [];
  const from = (servers: unknown, project = location.project): Found[] =>
    isRecord(servers) ? Object.entries(servers).map(([key, raw]) => ({ location, key, raw, project })) : [];
  switch (location.layout) {
    case 'mcpServers':
      return from(doc.mcpServers);
    case 'servers':
      return from(doc.servers);
    case 'vscode-settings':
      return from(isRecord(doc.mcp) ? doc.mcp.servers : doc['mcp.servers']);
    case 'claude-code': {
      const found = from(doc.mcpServers);
      if (isRecord(doc.projects)) {
        for (const [dir, project] of Object.entries(doc.projects)) {
          if (isRecord(project)) found.push(...from(project.mcpServers, dir).map((f) => ({ ...f, location: { ...f.location, scope: 'project' as const } })));
        }
      }
      return found;
    }
  }
}

/** `${env:NAME}` (VS Code) → `${NAME}`; `${workspaceFolder}` → the project folder. */
function rewriteVars(value: string, project: string | undefined): string {
  let out = value.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, '${$1}');
  if (project) out = out.replace(/\$\{workspaceFolder\}/g, project);
  return out;
}

function strings(record: unknown, project: string | undefined): Record<string, string> | undefined {
  if (record === undefined) return {};
  if (!isRecord(record)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) {
    if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else if (typeof v === 'string') out[k] = rewriteVars(v, project);
    else return undefined;
  }
  return out;
}

/** One client entry → the scanner's target, or why it cannot be scanned. */
function normalise(found: Found, home: string): { target: Omit<Unslugged, 'origin'>; key: string } | { skip: string } | undefined {
  const { raw, project, location } = found;
  if (!isRecord(raw)) return { skip: 'the entry is not an object' };
  if (raw.disabled === true || raw.enabled === false) return undefined;
  const where = `${displayPath(location.file, { home })}: ${found.key}`;
  const hasInput = (values: Record<string, string>) => Object.values(values).some((v) => v.includes('${input:'));
  if (typeof raw.command === 'string') {
    const args = Array.isArray(raw.args) ? raw.args.map((a) => (typeof a === 'string' ? rewriteVars(a, project) : typeof a === 'number' ? String(a) : null)) : [];
    if (args.includes(null)) return { skip: `${where}: args must be strings` };
    const env = strings(raw.env, project);
    if (!env) return { skip: `${where}: env must map names to strings` };
    if (hasInput(env)) return { skip: `${where}: env needs a value VS Code prompts for (\${input:…})` };
    const base = project ?? undefined;
    const cwdRaw = typeof raw.cwd === 'string' ? rewriteVars(raw.cwd, project) : undefined;
    const cwd = cwdRaw ? (isAbsolute(cwdRaw) ? cwdRaw : resolve(base ?? home, cwdRaw)) : base;
    const parsed = StdioServerSchema.safeParse({ command: rewriteVars(raw.command, project), args, env, ...(cwd ? { cwd } : {}) });
    if (!parsed.success) return { skip: `${where}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}` };
    const entry = parsed.data;
    const key = JSON.stringify(['stdio', entry.command, entry.args, entry.cwd ?? '', Object.entries(entry.env).sort()]);
    return { target: { id: found.key, kind: 'stdio', entry }, key };
  }
  const url = [raw.url, raw.serverUrl, raw.httpUrl].find((u) => typeof u === 'string') as string | undefined;
  if (!url) return { skip: `${where}: needs \`command\` or a URL` };
  const declared = typeof raw.type === 'string' ? raw.type.toLowerCase() : typeof raw.transport === 'string' ? raw.transport.toLowerCase() : undefined;
  // Gemini CLI: `httpUrl` is Streamable HTTP, `url` is SSE.
  const sse = declared === 'sse' || (location.client === 'gemini-cli' && typeof raw.httpUrl !== 'string');
  const headers = strings(raw.headers, project);
  if (!headers) return { skip: `${where}: headers must map names to strings` };
  if (hasInput(headers)) return { skip: `${where}: headers need a value VS Code prompts for (\${input:…})` };
  const type = sse ? 'sse' : declared === 'http' || declared === 'streamable-http' ? declared : undefined;
  const parsed = RemoteServerSchema.safeParse({ url: rewriteVars(url, project), headers, ...(type ? { type } : {}) });
  if (!parsed.success) return { skip: `${where}: ${parsed.error.issues[0].path.join('.') || 'url'}: ${parsed.error.issues[0].message}` };
  const entry = parsed.data;
  const key = JSON.stringify(['remote', entry.url, entry.type ?? '', Object.entries(entry.headers).sort()]);
  return { target: { id: found.key, kind: 'remote', entry }, key };
}

async function readConfig(location: ConfigLocation): Promise<{ doc?: unknown; problem?: string }> {
  let text: string;
  try {
    const buf = await readFile(location.file);
    if (buf.byteLength > MAX_CONFIG_BYTES) return { problem: `larger than ${MAX_CONFIG_BYTES} bytes` };
    text = buf.toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? {} : { problem: `cannot read: ${code ?? (err as Error).message}` };
  }
  try {
    return { doc: parseJsonc(text) };
  } catch (err) {
    return { problem: `not valid JSON: ${(err as Error).message.slice(0, 120)}` };
  }
}

/** Every server configured on this machine, scanned once each, and the entries that cannot be scanned. */
export async function loadClients(opts: ClientsOptions = {}): Promise<{ targets: Unslugged[]; skipped: Skipped[]; files: string[] }> {
  const home = opts.home ?? homedir();
  const cwd = opts.cwd ?? process.cwd();
  const show = (file: string) => displayPath(file, { home, cwd });
  const byKey = new Map<string, Unslugged & { origin: ClientOrigin }>();
  const skipped: Skipped[] = [];
  const files: string[] = [];
  const seenFiles = new Set<string>();
  for (const location of configLocations({ home, cwd, appData: opts.appData ?? process.env.APPDATA })) {
    if (seenFiles.has(resolve(location.file))) continue; // cwd === home: the same file under two names
    seenFiles.add(resolve(location.file));
    const { doc, problem } = await readConfig(location);
    if (problem) skipped.push({ id: show(location.file), reason: problem });
    if (doc === undefined) continue;
    files.push(show(location.file));
    for (const found of entriesOf(location, doc)) {
      const made = normalise(found, home);
      if (!made) continue;
      if ('skip' in made) {
        skipped.push({ id: found.key, reason: made.skip });
        continue;
      }
      const config: ClientConfig = {
        client: location.client,
        file: show(location.file),
        scope: found.location.scope,
        ...(found.project ? { project: show(found.project) } : {}),
        key: found.key,
      };
      const known = byKey.get(made.key);
      if (known) known.origin.configs.push(config);
      else byKey.set(made.key, { ...made.target, origin: { source: 'clients', configs: [config] } } as Unslugged & { origin: ClientOrigin });
    }
  }
  return { targets: [...byKey.values()], skipped, files };
}

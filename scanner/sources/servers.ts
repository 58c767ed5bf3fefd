/**
 * Source stage: turns a server list (the MCP client config shape, JSON or YAML)
 * into scan targets, one per enabled entry, each with a unique slug.
 */
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import {
  RemoteServerSchema,
  StdioServerSchema,
  type Origin,
  type RemoteServer,
  type StdioServer,
} from '../schemas/index.ts';
import { assignSlugs } from '../slug.ts';
import { InputError } from './errors.ts';
import { readStructured, validate } from './parse.ts';
import { displayPath } from './paths.ts';

/** One server to scan. */
export type ServerTarget = {
  /** The entry's key in `mcpServers`. */
  id: string;
  /** URL- and file-safe, unique within the list. */
  slug: string;
  /** Where the server came from; recorded on its result. */
  origin?: Origin;
} & ({ kind: 'stdio'; entry: StdioServer } | { kind: 'remote'; entry: RemoteServer });

const TopSchema = z.object({ mcpServers: z.record(z.string(), z.unknown()) }).loose();
const EntryObjectSchema = z.record(z.string(), z.unknown());

/** Reads and checks a server list. Throws `InputError` (file, line, field) on anything wrong. */
export async function loadServerList(file: string): Promise<ServerTarget[]> {
  const located = await readStructured(file);
  const top = validate(file, located, TopSchema);
  const baseDir = dirname(resolve(file));
  const ids = Object.keys(top.mcpServers);
  const parsed: { id: string; target: Omit<ServerTarget, 'slug'> }[] = [];
  for (const id of ids) {
    const path = ['mcpServers', id];
    const raw = validate(file, located, EntryObjectSchema, top.mcpServers[id], path);
    if (id.length > 200) {
      throw new InputError(`${file}:${located.lineOf(path) ?? '?'}: mcpServers: a server id is longer than 200 characters`, file);
    }
    const hasCommand = 'command' in raw;
    const hasUrl = 'url' in raw;
    if (hasCommand === hasUrl) {
      const line = located.lineOf(path);
      const field = `mcpServers.${id}`;
      const why = hasCommand ? 'has both `command` and `url`; give one' : 'needs `command` (a stdio server) or `url` (a remote server)';
      throw new InputError(`${file}${line ? `:${line}` : ''}: ${field}: ${why}`, file, line, field);
    }
    if (hasCommand) {
      const entry = validate(file, located, StdioServerSchema, raw, path);
      if (entry.disabled) continue;
      if (entry.cwd) entry.cwd = resolve(baseDir, entry.cwd);
      parsed.push({ id, target: { id, kind: 'stdio', entry } });
    } else {
      const entry = validate(file, located, RemoteServerSchema, raw, path);
      if (entry.disabled) continue;
      parsed.push({ id, target: { id, kind: 'remote', entry } });
    }
  }
  const slugs = assignSlugs(parsed.map((p) => p.id));
  const shown = displayPath(file);
  const origin = (key: string): Origin => {
    const line = located.lineOf(['mcpServers', key]);
    return { source: 'list', file: shown, key, ...(line ? { line } : {}) };
  };
  return parsed.map((p, i) => ({ ...p.target, slug: slugs[i], origin: origin(p.id) }) as ServerTarget);
}

/**
 * Source stage entry: gathers scan targets from every source asked for (a
 * server list, the MCP Registry, client configs), each with its origin, and
 * gives them ids and slugs unique across all of them.
 */
import { assignSlugs } from '../slug.ts';
import type { Lookup } from '../connect/guard.ts';
import { loadRegistry, type RegistryOptions } from './registry.ts';
import { loadClients, type ClientsOptions } from './clients.ts';
import { loadServerList, type ServerTarget } from './servers.ts';

/** A target before it has a slug. */
export type Unslugged = ServerTarget extends infer T ? (T extends ServerTarget ? Omit<T, 'slug'> : never) : never;

/** A server a source found but cannot scan, and why (printed, not stored). */
export interface Skipped {
  id: string;
  reason: string;
}

/** Makes ids unique (a later duplicate gets ` #2`, ` #3`…) and assigns slugs. */
export function finishTargets(targets: readonly Unslugged[]): ServerTarget[] {
  const used = new Set<string>();
  const unique = targets.map((t) => {
    let id = t.id;
    for (let n = 2; used.has(id); n++) id = `${t.id} #${n}`;
    used.add(id);
    return { ...t, id };
  });
  const slugs = assignSlugs(unique.map((t) => t.id));
  return unique.map((t, i) => ({ ...t, slug: slugs[i] }) as ServerTarget);
}

export interface SourceOptions {
  /** A server list file to read. @default none */
  servers?: string;
  /** Read an MCP Registry (`--registry`). @default not read */
  registry?: Omit<RegistryOptions, 'allowPrivate' | 'lookup'>;
  /** Read the MCP servers configured for the clients on this machine (`--from-clients`). @default not read */
  clients?: ClientsOptions;
  /** Permit sources on loopback and private networks (the registry). @default false */
  allowPrivate?: boolean;
  /** Host name resolver for the private-network guard. @default the system resolver */
  lookup?: Lookup;
}

/** Every target from the sources in `opts`, in source order. */
export async function collectTargets(opts: SourceOptions): Promise<{ targets: ServerTarget[]; skipped: Skipped[] }> {
  const found: Unslugged[] = [];
  const skipped: Skipped[] = [];
  if (opts.servers) found.push(...(await loadServerList(opts.servers)).map(({ slug: _slug, ...t }) => t as Unslugged));
  if (opts.registry) {
    const registry = await loadRegistry({ ...opts.registry, allowPrivate: opts.allowPrivate, lookup: opts.lookup });
    found.push(...registry.targets);
    skipped.push(...registry.skipped);
  }
  if (opts.clients) {
    const clients = await loadClients(opts.clients);
    found.push(...clients.targets);
    skipped.push(...clients.skipped);
  }
  return { targets: finishTargets(found), skipped };
}

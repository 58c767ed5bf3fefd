/**
 * Where a scanned server came from: a server list, the MCP Registry, or an MCP
 * client's configuration on this machine. An origin never holds env values,
 * header values or URL query strings.
 */
import { z } from 'zod';

/** The MCP clients whose configuration files `--from-clients` reads. */
export const CLIENTS = ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'gemini-cli'] as const;
export const ClientSchema = z.enum(CLIENTS);
export type Client = z.infer<typeof ClientSchema>;

/** An entry of a server list given with `--servers`. */
export const ListOriginSchema = z
  .object({
    source: z.literal('list'),
    /** The server list file. */
    file: z.string().min(1),
    /** The entry's key in `mcpServers`. */
    key: z.string(),
    /** 1-based line where the entry's definition starts in the file (where a SARIF finding points). */
    line: z.number().int().positive().optional(),
  })
  .strict();
export type ListOrigin = z.infer<typeof ListOriginSchema>;

/** A server published in an MCP Registry. */
export const RegistryOriginSchema = z
  .object({
    source: z.literal('registry'),
    /** The registry's base URL (without query string). */
    registry: z.string().min(1),
    /** The server's name in the registry (reverse-DNS, e.g. `io.github.user/weather`). */
    name: z.string().min(1),
    /** The published version that was scanned. */
    version: z.string(),
    /** Which part of the registry entry became the target. */
    via: z.enum(['streamable-http', 'sse', 'npm']),
    /** The npm package, pinned to its version, when `via` is `npm`. */
    package: z.string().optional(),
    publishedAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .strict();
export type RegistryOrigin = z.infer<typeof RegistryOriginSchema>;

/** One place an MCP client configures a server. */
export const ClientConfigSchema = z
  .object({
    client: ClientSchema,
    /** The configuration file. */
    file: z.string().min(1),
    /** `user`: the client's global configuration; `project`: a project's. */
    scope: z.enum(['user', 'project']),
    /** The project folder, for project-scoped entries. */
    project: z.string().optional(),
    /** The entry's key in the file. */
    key: z.string(),
  })
  .strict();
export type ClientConfig = z.infer<typeof ClientConfigSchema>;

/** A server configured in MCP clients on this machine; the same server in several configs is scanned once. */
export const ClientOriginSchema = z
  .object({
    source: z.literal('clients'),
    configs: z.array(ClientConfigSchema).min(1),
  })
  .strict();
export type ClientOrigin = z.infer<typeof ClientOriginSchema>;

export const OriginSchema = z.discriminatedUnion('source', [ListOriginSchema, RegistryOriginSchema, ClientOriginSchema]);
export type Origin = z.infer<typeof OriginSchema>;

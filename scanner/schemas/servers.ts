/**
 * The server list the scanner reads: the `mcpServers` shape that MCP clients
 * (Claude Desktop, Cursor, Claude Code…) already use, in JSON or YAML.
 */
import { z } from 'zod';

/** Fields any entry may carry to enrich the catalogue; none affects how the server is reached. */
const catalogueFields = {
  /** Human title shown in the catalogue instead of the id. */
  title: z.string().min(1).max(200).optional(),
  /** The package the server ships in (for example `@scope/name@1.2.3`), shown on its pages. */
  package: z.string().min(1).max(214).optional(),
  /** Where to read about the server. Only http(s) links are ever shown. */
  homepage: z.url({ protocol: /^https?$/ }).regex(/^https?:\/\//i).optional(),
  /** Set by some clients to switch an entry off; a disabled entry is skipped. */
  disabled: z.boolean().optional(),
};

/** A server started as a child process and spoken to over stdin/stdout. */
export const StdioServerSchema = z
  .object({
    type: z.literal('stdio').optional(),
    /** Executable to run; looked up on PATH. */
    command: z.string().min(1),
    /** Arguments, passed as they are (no shell). */
    args: z.array(z.string()).default([]),
    /**
     * Variables given to the server. It gets these and a minimal base
     * (PATH, a fresh empty HOME), never the scanner's own environment.
     * A value may reference the scanner's variables as `${NAME}`.
     */
    env: z.record(z.string(), z.string()).default({}),
    /** Working directory; relative paths are resolved against the server list's folder. Default: the server's empty HOME. */
    cwd: z.string().min(1).optional(),
    ...catalogueFields,
  })
  .loose();
export type StdioServer = z.infer<typeof StdioServerSchema>;

/** A remote server reached over Streamable HTTP, falling back to legacy HTTP+SSE. */
export const RemoteServerSchema = z
  .object({
    /** `sse` goes straight to the legacy transport; anything else tries Streamable HTTP first. */
    type: z.enum(['http', 'streamable-http', 'streamableHttp', 'sse']).optional(),
    url: z.url({ protocol: /^https?$/ }).regex(/^https?:\/\//i),
    /** Request headers; a value may reference the scanner's variables as `${NAME}`. Never written to results. */
    headers: z.record(z.string(), z.string()).default({}),
    ...catalogueFields,
  })
  .loose();
export type RemoteServer = z.infer<typeof RemoteServerSchema>;

export const ServerEntrySchema = z.union([StdioServerSchema, RemoteServerSchema]);
export type ServerEntry = z.infer<typeof ServerEntrySchema>;

export const ServerListSchema = z
  .object({
    mcpServers: z.record(z.string().min(1).max(200), ServerEntrySchema),
  })
  .loose();
export type ServerList = z.infer<typeof ServerListSchema>;

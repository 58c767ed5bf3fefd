/**
 * Drift: how a server's tool definitions changed between two scans, and the
 * pin lockfile (`--pin FILE`) that a CI scan checks them against.
 */
import { z } from 'zod';
import { TOOL_FIELDS } from './values.ts';

/** A canonical hash: `sha256:` and 64 hex digits. */
export const HashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/);
export type Hash = z.infer<typeof HashSchema>;

export { TOOL_FIELDS };
export const ToolFieldSchema = z.enum(TOOL_FIELDS);
export type ToolField = z.infer<typeof ToolFieldSchema>;

/** A tool present in both scans whose definition differs. */
export const ToolChangeSchema = z
  .object({
    name: z.string(),
    /** Which parts differ. */
    fields: z.array(ToolFieldSchema).min(1),
    before: HashSchema,
    after: HashSchema,
  })
  .strict();
export type ToolChange = z.infer<typeof ToolChangeSchema>;

/** What changed in one server since the previous scan. */
export const DriftSchema = z
  .object({
    /** When the previous scan ran. */
    since: z.iso.datetime(),
    /** The previous server hash. */
    before: HashSchema,
    /** The new server hash. */
    after: HashSchema,
    /** Names of tools that appeared. */
    added: z.array(z.string()),
    /** Names of tools that disappeared. */
    removed: z.array(z.string()),
    changed: z.array(ToolChangeSchema),
    /** True when the server's `instructions` changed. */
    instructionsChanged: z.boolean(),
    /**
     * True when either scan's tool list was cut short by a cap: tools missing
     * from the shorter list are then not reported as removed.
     */
    partial: z.boolean().optional(),
  })
  .strict();
export type Drift = z.infer<typeof DriftSchema>;

/** One line of `npm run diff -- --json`: a server's drift between two scans. */
export const DriftReportLineSchema = z
  .object({
    /** The server id. */
    id: z.string(),
    /** `changed`: both scans listed it and it differs; `new`/`gone`: only in NEW / only in OLD. */
    kind: z.enum(['changed', 'new', 'gone']),
    drift: DriftSchema.optional(),
  })
  .strict();
export type DriftReportLine = z.infer<typeof DriftReportLineSchema>;

/** A pinned tool: its hash and the hash of each part, so a change can say what changed. */
export const PinnedToolSchema = z
  .object({
    name: z.string(),
    hash: HashSchema,
    fields: z.object({ description: HashSchema, inputSchema: HashSchema, annotations: HashSchema }).strict(),
  })
  .strict();
export type PinnedTool = z.infer<typeof PinnedToolSchema>;

export const PinnedServerSchema = z
  .object({
    /** The server id. */
    id: z.string(),
    /** The server hash (tools and instructions). */
    hash: HashSchema,
    /** Hash of the `instructions` (of the empty string when there are none). */
    instructions: HashSchema,
    tools: z.array(PinnedToolSchema),
  })
  .strict();
export type PinnedServer = z.infer<typeof PinnedServerSchema>;

/** The pin lockfile written by `scan --pin FILE` and checked by later scans with the same flag. */
export const PinFileSchema = z
  .object({
    version: z.literal('1'),
    /** When the pins were taken. */
    pinnedAt: z.iso.datetime(),
    servers: z.array(PinnedServerSchema),
  })
  .strict();
export type PinFile = z.infer<typeof PinFileSchema>;

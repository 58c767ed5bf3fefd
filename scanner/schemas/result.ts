/**
 * What a scan writes: one `ServerResult` per server in `DIR/servers/<slug>.json`.
 * The site reads these files through the same schemas.
 */
import { z } from 'zod';
import { AuthInfoSchema } from './auth.ts';
import { DriftSchema, HashSchema } from './drift.ts';
import { OriginSchema } from './origin.ts';
import { CATEGORIES } from './values.ts';

export const AccessSchema = z.enum(['read', 'write']);
export type Access = z.infer<typeof AccessSchema>;

export { CATEGORIES };
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const RISKS = ['low', 'medium', 'high', 'critical'] as const;
export const RiskSchema = z.enum(RISKS);
export type Risk = z.infer<typeof RiskSchema>;

export const SignalSourceSchema = z.enum(['annotation', 'name', 'description', 'schema']);
export type SignalSource = z.infer<typeof SignalSourceSchema>;

/** One piece of evidence behind a classification. */
export const SignalSchema = z.object({
  /** Stable kebab-case id, for example `high-parameter-count`. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Short human label, for example "High parameter count (11 properties)". */
  label: z.string(),
  /** What was seen, quoted from the tool where possible. */
  evidence: z.string(),
  /** Which part of the tool the evidence comes from. */
  source: SignalSourceSchema,
});
export type Signal = z.infer<typeof SignalSchema>;

/** Tool annotations as the server claims them (MCP `ToolAnnotations`). */
export const AnnotationsSchema = z
  .object({
    title: z.string().optional(),
    readOnlyHint: z.boolean().optional(),
    destructiveHint: z.boolean().optional(),
    idempotentHint: z.boolean().optional(),
    openWorldHint: z.boolean().optional(),
  })
  .loose();
export type Annotations = z.infer<typeof AnnotationsSchema>;

/** The classifier's verdict on one tool. */
export const ClassificationSchema = z.object({
  access: AccessSchema,
  category: CategorySchema,
  risk: RiskSchema,
  /** 0–1: how strongly the evidence agrees. */
  confidence: z.number().min(0).max(1),
  signals: z.array(SignalSchema),
});
export type Classification = z.infer<typeof ClassificationSchema>;

export const ToolRecordSchema = z.object({
  name: z.string(),
  /** URL- and file-safe, unique within its server. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().optional(),
  description: z.string(),
  inputSchema: z.record(z.string(), z.unknown()),
  annotations: AnnotationsSchema.optional(),
  ...ClassificationSchema.shape,
  /** Canonical hash of name, description, input schema and annotations (key order ignored); see scanner/drift. */
  hash: HashSchema.optional(),
});
export type ToolRecord = z.infer<typeof ToolRecordSchema>;

export const STATUSES = ['ok', 'auth_required', 'timeout', 'unreachable', 'blocked', 'error'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/** Why a server could not be (fully) scanned; see `ScanError`. */
export const ERROR_KINDS = [
  'auth',
  'timeout',
  'unreachable',
  'blocked',
  'protocol',
  'too-large',
  'pagination-loop',
  'spawn',
  'crashed',
  'config',
  'internal',
] as const;
export const ErrorKindSchema = z.enum(ERROR_KINDS);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

export const TransportSchema = z.enum(['stdio', 'streamable-http', 'sse']);
export type Transport = z.infer<typeof TransportSchema>;

/** How the server was reached. Secrets (env values, header values, URL query strings) are never recorded. */
export const TargetSchema = z.object({
  transport: TransportSchema,
  /** Remote servers: the URL without credentials or query string. */
  url: z.string().optional(),
  /** stdio servers: the command and its arguments. */
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  /** The package the server ships in, when known. */
  package: z.string().optional(),
  homepage: z.string().optional(),
});
export type Target = z.infer<typeof TargetSchema>;

export const ServerResultSchema = z.object({
  /** The key of the entry in the server list. */
  id: z.string(),
  /** URL- and file-safe, unique within the scan. */
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().optional(),
  status: StatusSchema,
  error: z.object({ kind: ErrorKindSchema, message: z.string() }).optional(),
  /** What the server said about itself in `initialize`. */
  server: z
    .object({
      name: z.string(),
      version: z.string(),
      protocolVersion: z.string(),
      title: z.string().optional(),
    })
    .optional(),
  /** The server's `instructions` from `initialize`, if any (attacker-controlled text). */
  instructions: z.string().optional(),
  target: TargetSchema,
  scannedAt: z.iso.datetime(),
  durationMs: z.number().int().nonnegative(),
  /** With `auth_required`: what the server advertises about its authorization. */
  auth: AuthInfoSchema.optional(),
  /** True when a cap cut the tool list short; `error` says which. */
  truncated: z.boolean().optional(),
  /** Things worth knowing that did not stop the scan, e.g. malformed tools that were skipped. */
  warnings: z.array(z.string()).optional(),
  tools: z.array(ToolRecordSchema),
  /** A–F: how much the tools can do unchecked and whether their text can be trusted, with the reasons (see `classify/grade.ts`). */
  grade: z.object({ letter: z.enum(['A', 'B', 'C', 'D', 'F']), reasons: z.array(z.string()) }).optional(),
  /** Where the server came from (list, registry or client configs). */
  origin: OriginSchema.optional(),
  /** Canonical hash of the tools' hashes and the instructions, when the scan succeeded. */
  hash: HashSchema.optional(),
  /** What changed since the previous scan in the same output folder, when there was one. */
  drift: DriftSchema.optional(),
});
export type ServerResult = z.infer<typeof ServerResultSchema>;

/**
 * Answers of an MCP Registry (`GET /v0.1/servers`), as the scanner reads them:
 * the current camelCase field names (older snake_case answers are renamed to
 * these before parsing). Loose: fields the scanner does not use are ignored.
 */
import { z } from 'zod';

/** The name of the registry's own metadata in `_meta`. */
export const OFFICIAL_META = 'io.modelcontextprotocol.registry/official';

/** An input a client fills in: a header, an environment variable, an argument or a URL variable. */
export const RegistryInputSchema = z
  .object({
    value: z.string().optional(),
    default: z.string().optional(),
    isRequired: z.boolean().optional(),
    isSecret: z.boolean().optional(),
    description: z.string().optional(),
  })
  .loose();
export type RegistryInput = z.infer<typeof RegistryInputSchema>;

const withVariables = { variables: z.record(z.string(), RegistryInputSchema).optional() };

/** A header or environment variable. */
export const RegistryKeyValueSchema = RegistryInputSchema.extend({ name: z.string().min(1).max(200), ...withVariables });
export type RegistryKeyValue = z.infer<typeof RegistryKeyValueSchema>;

/** A command-line argument of a package. */
export const RegistryArgumentSchema = RegistryInputSchema.extend({
  type: z.string(),
  name: z.string().optional(),
  valueHint: z.string().optional(),
  isRepeated: z.boolean().optional(),
  ...withVariables,
});
export type RegistryArgument = z.infer<typeof RegistryArgumentSchema>;

/** A remote endpoint: `streamable-http` or `sse` (older answers: `transportType`). */
export const RegistryRemoteSchema = z
  .object({
    type: z.string().optional(),
    transportType: z.string().optional(),
    url: z.string().max(2048),
    headers: z.array(RegistryKeyValueSchema).max(50).optional(),
    ...withVariables,
  })
  .loose();
export type RegistryRemote = z.infer<typeof RegistryRemoteSchema>;

/** A package to run locally (older answers: `registryName` and `name`). */
export const RegistryPackageSchema = z
  .object({
    registryType: z.string().optional(),
    registryName: z.string().optional(),
    identifier: z.string().optional(),
    name: z.string().optional(),
    version: z.string().optional(),
    transport: z.object({ type: z.string() }).loose().optional(),
    packageArguments: z.array(RegistryArgumentSchema).max(100).optional(),
    environmentVariables: z.array(RegistryKeyValueSchema).max(100).optional(),
  })
  .loose();
export type RegistryPackage = z.infer<typeof RegistryPackageSchema>;

export const RegistryOfficialMetaSchema = z
  .object({
    status: z.string().optional(),
    publishedAt: z.string().optional(),
    updatedAt: z.string().optional(),
    isLatest: z.boolean().optional(),
  })
  .loose();
export type RegistryOfficialMeta = z.infer<typeof RegistryOfficialMetaSchema>;

/** `server.json`: what the publisher wrote. */
export const RegistryServerSchema = z
  .object({
    name: z.string().min(1).max(200),
    version: z.string().max(255).optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    websiteUrl: z.string().optional(),
    /** Older answers kept the status here. */
    status: z.string().optional(),
    remotes: z.array(RegistryRemoteSchema).max(50).optional(),
    packages: z.array(RegistryPackageSchema).max(50).optional(),
  })
  .loose();
export type RegistryServer = z.infer<typeof RegistryServerSchema>;

/** One entry of a page: the server and the registry's metadata about it. */
export const RegistryEntrySchema = z
  .object({
    server: RegistryServerSchema,
    _meta: z.object({ [OFFICIAL_META]: RegistryOfficialMetaSchema.optional() }).loose().optional(),
  })
  .loose();
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

/** A page of `GET /v0.1/servers`. Entries are checked one by one, so one bad entry does not spoil the page. */
export const RegistryPageSchema = z
  .object({
    servers: z.array(z.unknown()),
    metadata: z.object({ nextCursor: z.string().nullable().optional(), count: z.number().optional() }).loose().optional(),
  })
  .loose();
export type RegistryPage = z.infer<typeof RegistryPageSchema>;

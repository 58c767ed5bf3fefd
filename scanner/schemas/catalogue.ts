/**
 * What the catalogue publishes as `/api/catalogue.json`: every server with its
 * tools' name, slug, access, category and risk, and links to their pages and
 * files. Written by the site (site/src/emit/files.ts).
 */
import { z } from 'zod';
import { AccessSchema, CategorySchema, RiskSchema, StatusSchema } from './result.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
/** A path of the catalogue site, e.g. `/servers/everything/`. */
const sitePath = z.string().regex(/^\/[a-z0-9/._-]*$/);
const counts = <T extends z.ZodEnum>(keys: T) => z.record(keys, z.number().int().nonnegative());

export const CatalogueToolSchema = z.object({
  name: z.string(),
  slug,
  access: AccessSchema,
  category: CategorySchema,
  risk: RiskSchema,
  /** The tool's page. */
  page: sitePath,
});
export type CatalogueTool = z.infer<typeof CatalogueToolSchema>;

export const CatalogueServerSchema = z.object({
  slug,
  id: z.string(),
  title: z.string(),
  status: StatusSchema,
  /** The grade letter, when the scan graded the server. */
  grade: z.enum(['A', 'B', 'C', 'D', 'F']).optional(),
  url: z.string().optional(),
  package: z.string().optional(),
  /** The server's page, its starter policy and its full scan result (`server-result.schema.json`). */
  page: sitePath,
  policy: sitePath,
  result: sitePath,
  tools: z.array(CatalogueToolSchema),
});
export type CatalogueServer = z.infer<typeof CatalogueServerSchema>;

export const CatalogueSchema = z.object({
  version: z.literal('1'),
  servers: z.number().int().nonnegative(),
  tools: z.number().int().nonnegative(),
  byRisk: counts(RiskSchema),
  byCategory: counts(CategorySchema),
  byStatus: counts(StatusSchema),
  catalogue: z.array(CatalogueServerSchema),
});
export type CatalogueFile = z.infer<typeof CatalogueSchema>;

/**
 * A saved `tools/list` answer, as `npm run classify` reads it: `{"tools": [...]}`.
 * Only the fields the classifier uses are checked; everything else is kept.
 */
import { z } from 'zod';
import { AccessSchema, AnnotationsSchema, CategorySchema, RiskSchema, SignalSchema } from './result.ts';

/** One tool as a server sends it (MCP `Tool`), checked loosely: servers are sloppy and hostile. */
export const McpToolSchema = z
  .object({
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    inputSchema: z.record(z.string(), z.unknown()).default({ type: 'object' }),
    annotations: AnnotationsSchema.optional(),
  })
  .loose();
export type McpTool = z.infer<typeof McpToolSchema>;

export const ToolsListSchema = z
  .object({
    tools: z.array(McpToolSchema),
    nextCursor: z.string().optional(),
  })
  .loose();
export type ToolsList = z.infer<typeof ToolsListSchema>;

/** One line of `npm run classify` output. */
export const ClassifyLineSchema = z.object({
  file: z.string(),
  name: z.string(),
  slug: z.string(),
  access: AccessSchema,
  category: CategorySchema,
  risk: RiskSchema,
  signals: z.array(SignalSchema),
});
export type ClassifyLine = z.infer<typeof ClassifyLineSchema>;

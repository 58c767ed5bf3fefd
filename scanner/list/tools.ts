/**
 * List stage: every tool a server offers, following `nextCursor`, under caps on
 * pages and tools, stopping on a repeated cursor. Malformed tools are dropped
 * and counted, not fatal: the rest of the server is still worth cataloguing.
 */
import { z } from 'zod';
import { McpToolSchema, type McpTool } from '../schemas/index.ts';
import { ScanError } from '../connect/errors.ts';
import type { Session } from '../connect/index.ts';

export interface ListOptions {
  /**
   * Most `tools/list` pages requested from one server.
   * @default 100
   * Why: pagination that never ends must end.
   */
  maxPages?: number;
  /**
   * Most tools kept from one server.
   * @default 5000
   * Why: the largest real servers list a few hundred; more is a flood.
   */
  maxTools?: number;
}

export interface Listed {
  tools: McpTool[];
  /** Set when a cap or a cursor loop cut the list short. */
  truncated?: ScanError;
  /** Notes about what was dropped. */
  warnings: string[];
}

/** The page as it arrives: each tool is checked on its own so one bad tool does not sink the page. */
const PageSchema = z.object({ tools: z.array(z.unknown()), nextCursor: z.string().optional() }).loose();

export async function listTools(session: Pick<Session, 'request'>, opts: ListOptions = {}): Promise<Listed> {
  const maxPages = opts.maxPages ?? 100;
  const maxTools = opts.maxTools ?? 5000;
  const tools: McpTool[] = [];
  const seenCursors = new Set<string>();
  let malformed = 0;
  const done = (truncated?: ScanError): Listed => ({
    tools,
    warnings: malformed ? [`${malformed} malformed tool(s) skipped`] : [],
    ...(truncated ? { truncated } : {}),
  });
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    const parsed = PageSchema.safeParse(await session.request('tools/list', cursor === undefined ? {} : { cursor }));
    if (!parsed.success) throw new ScanError('protocol', `page ${page} of tools/list is not a tool list`);
    const result = parsed.data;
    for (const raw of result.tools) {
      const tool = McpToolSchema.safeParse(raw);
      if (!tool.success) {
        malformed++;
        continue;
      }
      if (tools.length >= maxTools) {
        return done(new ScanError('too-large', `the server lists more than ${maxTools} tools; kept the first ${maxTools}`));
      }
      tools.push(tool.data);
    }
    cursor = result.nextCursor;
    if (cursor === undefined) return done();
    if (seenCursors.has(cursor)) {
      return done(new ScanError('pagination-loop', `the server repeated a cursor on page ${page + 1}`));
    }
    if (page >= maxPages) {
      return done(new ScanError('pagination-loop', `the server's tool list did not end within ${maxPages} pages`));
    }
    seenCursors.add(cursor);
  }
}

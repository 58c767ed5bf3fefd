/**
 * The stages after the crawl, for one server: classify → policy → drift → store.
 * Kept apart from the crawl (pipeline.ts) so that the offload worker thread
 * loads only what it runs.
 */
import type { ErrorKind, McpTool, Policy, ServerResult, ToolRecord } from './schemas/index.ts';
import type { AuthInfo } from './schemas/auth.ts';
import { statusFor } from './connect/errors.ts';
import { classifyTool } from './classify/index.ts';
import { gradeServer } from './classify/grade.ts';
import { policyFor } from './policy/rules.ts';
import { annotate } from './drift/annotate.ts';
import { previousResult } from './drift/previous.ts';
import { storeServer, type StoreOptions } from './store/index.ts';
import { assignSlugs } from './slug.ts';

/**
 * What crawling one server found, before classification: plain data, so that it
 * can be handed to another thread (see offload.ts).
 */
export type Crawled = {
  base: Pick<ServerResult, 'id' | 'slug' | 'title' | 'target' | 'scannedAt' | 'origin'>;
  durationMs: number;
} & (
  | {
      ok: true;
      server: NonNullable<ServerResult['server']>;
      instructions?: string;
      tools: McpTool[];
      truncated?: { kind: ErrorKind; message: string };
      warnings: string[];
    }
  | { ok: false; error: { kind: ErrorKind; message: string }; auth?: AuthInfo }
);

/**
 * What a scan reports of each server it stored: enough to show progress; the
 * result itself is in its file (or in `ScanSummary.stored` with `keepResults`).
 */
export type StoredOutcome = Pick<ServerResult, 'id' | 'slug' | 'status' | 'error' | 'truncated' | 'durationMs' | 'drift'> & {
  /** Tools the server listed. */
  toolCount: number;
};

/** The outcome of a stored result. */
export function outcomeOf(result: ServerResult): StoredOutcome {
  const { id, slug, status, error, truncated, durationMs, drift } = result;
  return {
    id,
    slug,
    status,
    ...(error ? { error } : {}),
    ...(truncated ? { truncated } : {}),
    durationMs,
    ...(drift ? { drift } : {}),
    toolCount: result.tools.length,
  };
}

/** Classifies listed tools into records with unique slugs. */
export function toolRecords(tools: readonly McpTool[]): ToolRecord[] {
  const slugs = assignSlugs(tools.map((t) => t.name));
  return tools.map((tool, i) => {
    const title = tool.title ?? tool.annotations?.title;
    return {
      name: tool.name,
      slug: slugs[i],
      ...(title !== undefined ? { title } : {}),
      description: tool.description ?? '',
      inputSchema: tool.inputSchema,
      ...(tool.annotations ? { annotations: tool.annotations } : {}),
      ...classifyTool(tool),
    };
  });
}

/** Classifies what was crawled and derives the starter policy: the result as it is stored. */
export function finishServer(crawled: Crawled): { result: ServerResult; policy: Policy } {
  const { base, durationMs } = crawled;
  if (!crawled.ok) {
    const result: ServerResult = {
      ...base,
      status: statusFor(crawled.error.kind),
      error: crawled.error,
      ...(crawled.auth ? { auth: crawled.auth } : {}),
      durationMs,
      tools: [],
    };
    return { result, policy: policyFor([]) };
  }
  const { instructions } = crawled;
  const tools = toolRecords(crawled.tools);
  const result: ServerResult = {
    ...base,
    status: 'ok',
    ...(crawled.truncated ? { error: crawled.truncated, truncated: true } : {}),
    server: crawled.server,
    ...(instructions ? { instructions } : {}),
    durationMs,
    ...(crawled.warnings.length ? { warnings: crawled.warnings } : {}),
    tools,
    grade: gradeServer(tools, instructions ? { instructions } : {}),
  };
  return { result, policy: policyFor(tools) };
}

/**
 * The stages after the crawl, for one server: classify → policy → drift (against the
 * result the previous scan stored for it, read just before it is replaced) → store.
 * Returns the result as stored.
 */
export async function completeServer(out: string, crawled: Crawled, store: StoreOptions = {}): Promise<ServerResult> {
  const { result, policy } = finishServer(crawled);
  const stored = annotate(result, await previousResult(out, result.slug, store));
  await storeServer(out, stored, policy, store);
  return stored;
}

/**
 * The tool pages, `/tools/<server>/<tool>/index.html`, written straight from
 * the memoised catalogue: the shared shell (`render/shell.ts`) around
 * `toolBody`. At 31,000 pages, going through Astro's page pipeline cost about
 * a millisecond of CPU a page (request, response, component instances,
 * promise-based writes); this costs a fraction of that, and runs in its own
 * process beside the Astro build. Synchronous writes: nothing else runs in
 * this process, and they skip the thread pool's round trips.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../data.ts';
import { CATEGORY_LABEL, RISK_LABEL } from '../lib/present.ts';
import { SHELL_END, shellStart } from '../render/shell.ts';
import { toolBody } from '../render/tool.ts';

export interface ToolPagesSummary {
  pages: number;
  bytes: number;
}

/** Writes every tool page of `cat` under `outDir/tools/`. */
export function writeToolPages(cat: Catalogue, outDir: string): ToolPagesSummary {
  let pages = 0;
  let bytes = 0;
  for (const server of cat.servers) {
    const s = server.result;
    if (s.tools.length === 0) continue;
    const dir = join(outDir, 'tools', s.slug);
    for (const tool of s.tools) {
      const entry = cat.toolBySlug.get(s.slug)!.get(tool.slug)!;
      const page =
        shellStart({
          title: `${tool.name} · ${server.title}`,
          description: `${tool.name}: ${RISK_LABEL[tool.risk]} ${CATEGORY_LABEL[tool.category]} tool of the ${server.title} MCP server. ${tool.description.slice(0, 400)}`,
          copy: true,
        }).value +
        toolBody(cat, entry).value +
        SHELL_END.value;
      mkdirSync(join(dir, tool.slug), { recursive: true });
      writeFileSync(join(dir, tool.slug, 'index.html'), page);
      pages++;
      bytes += Buffer.byteLength(page);
    }
  }
  return { pages, bytes };
}

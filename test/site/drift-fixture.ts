/**
 * The drift in the site fixture, made by the scanner's own code rather than written by hand.
 *
 * `earlierScan` is the acme-ops server as an earlier scan saw it: its
 * `tools/list` answer with the edits a rug pull makes (a description that grew
 * hidden instructions, a new parameter, changed annotations, a tool that
 * appeared, two that went away, new instructions), classified by the scan's
 * own `toolRecords` and hashed by `withHashes`. It is stored as
 * `test/fixtures/site-data/previous/servers/acme-ops.json`, and the stored
 * acme-ops result is `annotate(current, previous)`: what a rescan into the
 * same folder stores (scanner/run.ts).
 *
 * Regenerate after editing the acme-ops fixture: `node --import tsx test/site/drift-fixture.ts`.
 * test/site/changes.test.ts checks the stored files are exactly what this makes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { annotate, previousResult, withHashes } from '../../scanner/drift/index.ts';
import { toolRecords } from '../../scanner/finish.ts';
import { ServerResultSchema, type McpTool, type ServerResult } from '../../scanner/schemas/index.ts';
import { FIXTURE_DATA } from './helpers.ts';

/** The server whose drift the fixture records. */
export const DRIFT_SLUG = 'acme-ops';
/** The data folder of the earlier scan (`servers/<slug>.json` inside, as a scan writes it). */
export const PREVIOUS_DATA = join(FIXTURE_DATA, 'previous');
/** When the earlier scan ran. */
export const EARLIER = '2026-11-15T09:30:00.000Z';

/** The result as the scan made it, before hashing and drift. */
export function unannotated(result: ServerResult): ServerResult {
  const { drift: _drift, hash: _hash, ...rest } = result;
  return { ...rest, tools: rest.tools.map(({ hash: _h, ...t }) => t) };
}

/** What `tools/list` answered in the earlier scan, derived from the current definitions. */
function earlierTools(current: ServerResult): McpTool[] {
  const out: McpTool[] = [];
  for (const t of current.tools) {
    const def: McpTool = {
      name: t.name,
      ...(t.title !== undefined ? { title: t.title } : {}),
      description: t.description,
      inputSchema: t.inputSchema as McpTool['inputSchema'],
      ...(t.annotations ? { annotations: t.annotations } : {}),
    };
    switch (t.name) {
      case 'lookup_order':
        continue; // appeared since
      case 'search_tickets':
        def.description = 'Search support tickets by text.';
        break;
      case 'create_ticket': {
        const schema = structuredClone(t.inputSchema) as { properties?: Record<string, unknown> };
        delete schema.properties?.labels;
        def.inputSchema = schema as McpTool['inputSchema'];
        break;
      }
      case 'delete_project':
        def.annotations = { destructiveHint: false, idempotentHint: true };
        break;
      case 'helpful_tool':
        def.description = 'Looks up the weather.';
        def.inputSchema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
        break;
      case '"><svg onload=alert(1)>':
        def.description = 'Updates a setting.';
        break;
    }
    out.push(def);
  }
  // Gone since: a plain tool and one whose name is markup.
  out.push(
    { name: 'archive_ticket', description: 'Archive a support ticket.', inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
    { name: `<img src=x onerror=alert('removed')>`, description: 'Lists projects.', inputSchema: { type: 'object' } },
  );
  return out;
}

/** The acme-ops result of the earlier scan, as that scan stored it. */
export function earlierScan(current: ServerResult): ServerResult {
  const { grade: _grade, ...base } = unannotated(current);
  return withHashes({ ...base, scannedAt: EARLIER, instructions: 'Use these tools for tickets.', tools: toolRecords(earlierTools(current)) });
}

async function main(): Promise<void> {
  const file = join(FIXTURE_DATA, 'servers', `${DRIFT_SLUG}.json`);
  const current = unannotated(ServerResultSchema.parse(JSON.parse(await readFile(file, 'utf8'))));
  await mkdir(join(PREVIOUS_DATA, 'servers'), { recursive: true });
  await writeFile(join(PREVIOUS_DATA, 'servers', `${DRIFT_SLUG}.json`), `${JSON.stringify(earlierScan(current), null, 2)}\n`);
  // Read back the way a rescan reads it.
  const previous = await previousResult(PREVIOUS_DATA, DRIFT_SLUG);
  if (!previous) throw new Error('the earlier scan does not read back as a result');
  await writeFile(file, `${JSON.stringify(annotate(current, previous), null, 2)}\n`);
}

if (process.argv[1] === import.meta.filename) await main();

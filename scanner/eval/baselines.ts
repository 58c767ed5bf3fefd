/**
 * The two simple approaches the classifier is compared with.
 *
 * - `readOnlyHintBaseline`: trust the annotations with the MCP spec's defaults
 *   (`readOnlyHint` false, `destructiveHint` true): read only when the tool
 *   says `readOnlyHint: true`; otherwise destructive unless it says
 *   `destructiveHint: false`.
 * - `nameVerbBaseline`: look for verbs from short lists inside the tool's name
 *   (substring match, as many scanners do); a name with no listed verb reads.
 */
import type { Access, Category } from '../schemas/result.ts';
import type { McpTool } from '../schemas/tools-list.ts';

/** A verdict from a baseline. */
export interface Verdict {
  access: Access;
  category: Category;
}

const verdict = (category: Category): Verdict => ({ access: category === 'read' ? 'read' : 'write', category });

/** Annotations alone, with the spec's defaults. */
export function readOnlyHintBaseline(tool: McpTool): Verdict {
  const a = tool.annotations;
  if (a?.readOnlyHint === true) return verdict('read');
  return verdict(a?.destructiveHint === false ? 'write' : 'destructive');
}

// Verb lists of the kind simple scanners use, most severe first.
const NAME_VERBS: [Category, string[]][] = [
  ['financial', ['pay', 'charge', 'refund', 'transfer', 'purchase', 'buy']],
  ['destructive', ['delete', 'remove', 'drop', 'destroy', 'purge', 'truncate']],
  ['execute', ['exec', 'run', 'eval', 'shell', 'command']],
  ['write', ['create', 'update', 'write', 'insert', 'set', 'put', 'post', 'send', 'edit', 'modify', 'add']],
];

/** Verb lists matched inside the name. */
export function nameVerbBaseline(tool: McpTool): Verdict {
  const name = tool.name.toLowerCase();
  for (const [category, verbs] of NAME_VERBS) if (verbs.some((v) => name.includes(v))) return verdict(category);
  return verdict('read');
}

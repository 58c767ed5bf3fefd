/**
 * The starter rules: a rule per tool from its classification, gathered per server.
 * Apart from the YAML and Cedar renderings (index.ts) so that the offload worker,
 * which writes only the JSON by default, does not load the YAML library.
 */
import type { Category, Policy, Signal, ToolRule } from '../schemas/index.ts';
import { POISONING_SIGNAL_IDS } from '../classify/poisoning-ids.ts';

/** The classified parts of a tool that its rule depends on. */
export interface PolicyInput {
  name: string;
  category: Category;
  signals: readonly Pick<Signal, 'id' | 'label'>[];
}

/**
 * Calls a minute a write tool gets in a starter policy.
 * @default 30
 * Why: as on the model catalogue's pages; enough for an agent working for a
 * person, too few for a runaway loop to make hundreds of changes unseen.
 */
export const WRITE_CALLS_PER_MINUTE = 30;

/** Why tools of each severe category start hidden, in words a person reads in the policy. */
const HIDDEN_REASONS: Record<Exclude<Category, 'read' | 'write'>, string> = {
  execute: 'Runs code or commands: hidden until you decide to allow it.',
  destructive: 'Can delete or overwrite data: hidden until you decide to allow it.',
  financial: 'Can move money or make purchases: hidden until you decide to allow it.',
};

/** The starter rule for one tool. */
export function toolRule(tool: PolicyInput): ToolRule {
  const poison = tool.signals.filter((s) => POISONING_SIGNAL_IDS.has(s.id));
  if (poison.length > 0) {
    const what = [...new Set(poison.map((s) => s.label))].join('; ');
    return { hidden: true, reason: `Its definition tries to manipulate the model (${what}): always hidden.` };
  }
  switch (tool.category) {
    case 'read':
      return {};
    case 'write':
      return {
        limits: [{ counter: `${tool.name}_rate`, window: 'minute', max: WRITE_CALLS_PER_MINUTE, scope: 'grant' }],
      };
    default:
      return { hidden: true, reason: HIDDEN_REASONS[tool.category] };
  }
}

/** A policy that covers exactly these tools and denies everything else. */
export function policyFor(tools: readonly PolicyInput[]): Policy {
  // A Map, not an object literal: a tool named `__proto__` must stay a plain key.
  const rules = new Map<string, ToolRule>();
  for (const tool of tools) {
    // A server that lists one name twice gets one rule; the stricter wins.
    const rule = toolRule(tool);
    const prev = rules.get(tool.name);
    if (!prev || rule.hidden || (!prev.hidden && rule.limits)) rules.set(tool.name, rule);
  }
  return { version: '1', default: 'deny', tools: Object.fromEntries(rules) };
}

/** The starter policy for one tool on its own. */
export function toolPolicy(tool: PolicyInput): Policy {
  return policyFor([tool]);
}

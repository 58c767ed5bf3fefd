/**
 * Starter policies (`policy.json`), in the format of the model catalogue's pages:
 * `{"version": "1", "default": "deny", "tools": {"<tool>": {...}}}`.
 */
import { z } from 'zod';

/** A rate limit on calls to one tool. */
export const LimitSchema = z.object({
  /** Name of the counter the gateway keeps, `<tool>_rate` by default. */
  counter: z.string().min(1),
  /** The window the count resets over. */
  window: z.enum(['second', 'minute', 'hour', 'day']),
  /** Calls allowed per window. */
  max: z.number().int().positive(),
  /** Who shares the counter: one grant (agent identity), one session, or everyone. */
  scope: z.enum(['grant', 'session', 'global']),
});
export type Limit = z.infer<typeof LimitSchema>;

/**
 * The rule for one tool. A tool listed with `{}` is allowed without limits;
 * a tool not listed falls to `default`.
 */
export const ToolRuleSchema = z
  .object({
    limits: z.array(LimitSchema).optional(),
    /** Hidden tools are not offered to the agent and calls to them are refused. */
    hidden: z.boolean().optional(),
    /** Why the rule is what it is, for the person who reads the policy. */
    reason: z.string().optional(),
  })
  .strict();
export type ToolRule = z.infer<typeof ToolRuleSchema>;

export const PolicySchema = z
  .object({
    version: z.literal('1'),
    /** What happens to a tool with no rule. Starter policies deny. */
    default: z.enum(['deny', 'allow']),
    tools: z.record(z.string(), ToolRuleSchema),
  })
  .strict();
export type Policy = z.infer<typeof PolicySchema>;

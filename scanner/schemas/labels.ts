/**
 * The hand-labelled evaluation set (`test/fixtures/labels/labels.json`): for
 * each recorded server, its split and what each of its tools really does.
 */
import { z } from 'zod';
import { AccessSchema, CategorySchema } from './result.ts';

/** What one tool really does, as a person judged it. */
export const ToolLabelSchema = z
  .object({
    access: AccessSchema,
    /** The most severe thing the tool can do. */
    category: CategorySchema,
    /** It sends a message to people (chat, e-mail, SMS…). */
    sends: z.boolean().optional(),
    /** Reasonable people could label it otherwise; `note` says why. */
    ambiguous: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((l) => (l.access === 'read') === (l.category === 'read'), { message: 'access must be read exactly when category is read' });
export type ToolLabel = z.infer<typeof ToolLabelSchema>;

/**
 * `tuning` servers may guide changes to the rules; `held-out` servers are only
 * ever scored; `held-out-2` servers were recorded and labelled after the
 * changes that followed the first held-out run, to score those changes on
 * tools never seen; `held-out-3` to `held-out-50` likewise, each after the
 * changes that followed the set before it (`held-out-5` to `held-out-13`
 * chosen for their money-moving and destroying tools, `held-out-14` to
 * `held-out-50` random samples of typical npm servers).
 */
export const SplitSchema = z.enum(['tuning', 'held-out', 'held-out-2', 'held-out-3', 'held-out-4', 'held-out-5', 'held-out-6', 'held-out-7', 'held-out-8', 'held-out-9', 'held-out-10', 'held-out-11', 'held-out-12', 'held-out-13', 'held-out-14', 'held-out-15', 'held-out-16', 'held-out-17', 'held-out-18', 'held-out-19', 'held-out-20', 'held-out-21', 'held-out-22', 'held-out-23', 'held-out-24', 'held-out-25', 'held-out-26', 'held-out-27', 'held-out-28', 'held-out-29', 'held-out-30', 'held-out-31', 'held-out-32', 'held-out-33', 'held-out-34', 'held-out-35', 'held-out-36', 'held-out-37', 'held-out-38', 'held-out-39', 'held-out-40', 'held-out-41', 'held-out-42', 'held-out-43', 'held-out-44', 'held-out-45', 'held-out-46', 'held-out-47', 'held-out-48', 'held-out-49', 'held-out-50']);
export type Split = z.infer<typeof SplitSchema>;

export const LabelsSchema = z
  .object({
    about: z.string().optional(),
    /** Fixture name (`test/fixtures/tools-list/<name>.json`) → its split and tool labels by tool name. */
    servers: z.record(
      z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
      z.object({ split: SplitSchema, tools: z.record(z.string(), ToolLabelSchema) }).strict(),
    ),
  })
  .strict();
export type Labels = z.infer<typeof LabelsSchema>;

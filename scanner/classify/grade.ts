/**
 * A server's A–F grade: how much an agent given every tool of the server can
 * do without a person deciding, and whether the server's own text can be
 * trusted. Computed from the classified tools alone, with the reasons a reader
 * needs to check it.
 *
 * - F: a tool's text, or the server's `initialize` instructions, try to
 *   manipulate the model (any poisoning signal).
 * - D: a tool runs code or commands, or moves money.
 * - C: a tool deletes or overwrites data.
 * - B: tools write, within reach of a rate limit.
 * - A: every tool only reads.
 *
 * One step worse (never past D, so F stays for poisoning) when a tool claims
 * `readOnlyHint: true` while its words say it changes things: the server's
 * claims cannot be relied on. Missing annotations and unsure verdicts are
 * listed as reasons without changing the letter.
 */
import type { Category, Signal } from '../schemas/result.ts';
import { POISONING_SIGNAL_IDS } from './poisoning-ids.ts';
import { poisoningSignals } from './poisoning.ts';
import { walkSchema } from './schema.ts';

/** The letters, best first. */
export const GRADES = ['A', 'B', 'C', 'D', 'F'] as const;
export type GradeLetter = (typeof GRADES)[number];

/** A grade and why. */
export interface Grade {
  letter: GradeLetter;
  reasons: string[];
}

/** The classified parts of a tool the grade reads. */
export interface GradedTool {
  name: string;
  category: Category;
  confidence: number;
  signals: readonly Pick<Signal, 'id'>[];
}

/**
 * Confidence under which a verdict is called unsure in the reasons.
 * @default 0.5
 * Why: below it the verdict rests on one weak source or on the write fallback.
 */
export const UNSURE_CONFIDENCE = 0.5;

/** Names listed in a reason before "and N more". */
const NAMES_SHOWN = 3;

const LETTER_BY_CATEGORY: Record<Category, GradeLetter> = { read: 'A', write: 'B', destructive: 'C', execute: 'D', financial: 'D' };

const WHAT: Record<Category, string> = {
  read: 'only read',
  write: 'write (rate-limited by the starter policy)',
  execute: 'run code or commands',
  destructive: 'delete or overwrite data',
  financial: 'move money',
};

function names(list: readonly GradedTool[]): string {
  const shown = list.slice(0, NAMES_SHOWN).map((t) => t.name);
  return list.length > NAMES_SHOWN ? `${shown.join(', ')} and ${list.length - NAMES_SHOWN} more` : shown.join(', ');
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What else of the server the grade reads. */
export interface GradeOptions {
  /** The server's `instructions` from `initialize`: text the model reads too. @default none */
  instructions?: string;
}

/** The grade of a server from its classified tools (and its instructions). */
export function gradeServer(tools: readonly GradedTool[], opts: GradeOptions = {}): Grade {
  const reasons: string[] = [];
  const told = opts.instructions
    ? poisoningSignals({ texts: [{ text: opts.instructions, source: 'description', where: 'instructions' }], walk: walkSchema(undefined), purpose: '' })
    : [];
  if (told.length > 0) {
    reasons.push(`Its instructions try to manipulate the model: ${[...new Set(told.map((s) => s.label))].join('; ')} (${told[0].evidence})`);
  }
  if (tools.length === 0) return { letter: told.length > 0 ? 'F' : 'A', reasons: [...reasons, 'Lists no tools'] };

  const poisoned = tools.filter((t) => t.signals.some((s) => POISONING_SIGNAL_IDS.has(s.id)));
  let letter: GradeLetter = 'A';
  for (const t of tools) {
    const l = LETTER_BY_CATEGORY[t.category];
    if (GRADES.indexOf(l) > GRADES.indexOf(letter)) letter = l;
  }
  for (const category of ['financial', 'execute', 'destructive', 'write'] as const) {
    const these = tools.filter((t) => t.category === category);
    if (these.length > 0) reasons.push(`${count(these.length, 'tool')} can ${WHAT[category]}: ${names(these)}`);
  }
  if (letter === 'A') reasons.push(`All ${count(tools.length, 'tool')} only read`);

  const conflicted = tools.filter((t) => t.signals.some((s) => s.id === 'annotation-conflict'));
  const falselyReadOnly = conflicted.filter((t) => t.category !== 'read');
  if (falselyReadOnly.length > 0) {
    reasons.push(`${count(falselyReadOnly.length, 'tool')} claim to be read-only but say they change things: ${names(falselyReadOnly)} (one grade lower)`);
    letter = GRADES[Math.min(GRADES.indexOf(letter) + 1, GRADES.indexOf('D'))];
  }
  if (poisoned.length > 0) reasons.unshift(`${count(poisoned.length, 'tool')} with text that tries to manipulate the model: ${names(poisoned)}`);
  if (poisoned.length > 0 || told.length > 0) letter = 'F';

  const unannotated = tools.filter((t) => t.signals.some((s) => s.id === 'no-annotations'));
  if (unannotated.length > 0) reasons.push(`${count(unannotated.length, 'tool')} of ${tools.length} not annotated`);
  const unsure = tools.filter((t) => t.confidence < UNSURE_CONFIDENCE);
  if (unsure.length > 0) reasons.push(`${count(unsure.length, 'verdict')} unsure (confidence under ${UNSURE_CONFIDENCE}): ${names(unsure)}`);
  return { letter, reasons };
}

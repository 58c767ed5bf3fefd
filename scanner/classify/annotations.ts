/**
 * Tool annotations are *claims* by the server, not facts. This module reads
 * them with the MCP spec's defaults — readOnlyHint=false, destructiveHint=true
 * (meaningful only when not read-only), openWorldHint=true — and records each
 * as a signal.
 *
 * How the claims weigh (see `index.ts`): `readOnlyHint: false` is believed,
 * since a server gains nothing by overstating it; `destructiveHint: true`
 * decides only when the tool's own words do not say what kind of change it
 * makes (real servers set it on every tool that is not read-only: clicks,
 * appends, searches sent as POST); a claim that lowers the risk
 * (`readOnlyHint: true`) is believed only when the name and description do not
 * strongly say otherwise. Defaults are not evidence: if the default
 * `destructiveHint: true` counted, nearly every unannotated tool would be
 * critical. A tool with no hints at all gets one `no-annotations` signal.
 */
import type { Signal } from '../schemas/result.ts';
import { asRecord } from './text.ts';

/** The hints as claimed: `undefined` when not set (or not a boolean). */
export interface Hints {
  readOnly?: boolean;
  destructive?: boolean;
  idempotent?: boolean;
  openWorld?: boolean;
}

/** What the annotations claim, and the signals recording them. */
export interface AnnotationEvidence {
  hints: Hints;
  signals: Signal[];
}

const SPEC_KEYS = new Set(['title', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);
/** Hint names as other spellings fold them (`read_only_hint`, `ReadOnly`, `destructive`). */
const MEANT = new Set(['readonlyhint', 'readonly', 'destructivehint', 'destructive', 'idempotenthint', 'idempotent', 'openworldhint', 'openworld']);

/** The boolean value of a hint, or `undefined` (recording junk values as a signal). */
function hint(annotations: Record<string, unknown>, key: string, junk: string[]): boolean | undefined {
  if (!Object.hasOwn(annotations, key)) return undefined;
  const v = annotations[key];
  if (typeof v === 'boolean') return v;
  if (v !== undefined && v !== null) junk.push(key);
  return undefined;
}

/** Reads a tool's annotations (anything: servers send junk) into hints and signals. */
export function annotationEvidence(raw: unknown): AnnotationEvidence {
  const annotations = asRecord(raw) ?? {};
  const junk: string[] = [];
  const hints: Hints = {
    readOnly: hint(annotations, 'readOnlyHint', junk),
    destructive: hint(annotations, 'destructiveHint', junk),
    idempotent: hint(annotations, 'idempotentHint', junk),
    openWorld: hint(annotations, 'openWorldHint', junk),
  };
  const signals: Signal[] = [];
  const add = (id: string, label: string, evidence: string) => signals.push({ id, label, evidence, source: 'annotation' });

  // Only what the server claims is recorded: a signal per unset hint would repeat
  // the spec's defaults on every unannotated tool and drown what matters.
  const claimed = hints.readOnly !== undefined || hints.destructive !== undefined || hints.idempotent !== undefined || hints.openWorld !== undefined;
  if (!claimed) {
    add('no-annotations', 'Not annotated (clients assume the MCP defaults: may change and destroy things, reaches the outside world)', 'no readOnlyHint, destructiveHint, idempotentHint or openWorldHint');
  }
  if (hints.readOnly === true) add('annotation-read-only', 'Annotated read-only', 'readOnlyHint: true');
  else if (hints.readOnly === false) add('annotation-not-read-only', 'Annotated as modifying its environment', 'readOnlyHint: false');

  // destructiveHint means something only for a tool that is not read-only.
  if (hints.readOnly !== true) {
    if (hints.destructive === true) add('annotation-destructive', 'Annotated destructive', 'destructiveHint: true');
    else if (hints.destructive === false) add('annotation-non-destructive', 'Annotated additive only (not destructive)', 'destructiveHint: false');
  }
  if (hints.idempotent === true && hints.readOnly !== true) add('annotation-idempotent', 'Annotated idempotent', 'idempotentHint: true');

  if (hints.openWorld === false) add('annotation-closed-world', 'Annotated closed world', 'openWorldHint: false');
  else if (hints.openWorld === true) add('annotation-open-world', 'Reaches an open world (external systems)', 'openWorldHint: true');

  // The spec spells the hints in camelCase; other spellings are not hints, but a server that
  // wrote one meant something: say so rather than silently apply the defaults.
  const misspelt = Object.keys(annotations)
    .slice(0, 50)
    .filter((k) => !SPEC_KEYS.has(k) && MEANT.has(k.toLowerCase().replace(/[^a-z]/g, '')));
  if (misspelt.length > 0) {
    add('annotation-invalid', 'Annotations not spelled as the MCP spec says (ignored)', misspelt.map((k) => JSON.stringify(k).slice(0, 60)).join(', '));
  }
  if (junk.length > 0) {
    add('annotation-invalid', 'Annotations that are not booleans (ignored)', junk.map((k) => `${k}: ${typeof annotations[k]}`).join(', '));
  }
  if (hints.readOnly === true && hints.destructive === true) {
    add('annotation-conflict', 'Annotations contradict each other', 'readOnlyHint: true with destructiveHint: true');
  }
  return { hints, signals };
}

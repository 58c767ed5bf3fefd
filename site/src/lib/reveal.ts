/**
 * Invisible text made visible. Tool text may hide characters a person cannot see
 * but a model reads (zero-width and bidirectional controls, Unicode tag
 * characters, terminal escapes). `reveal` splits a text into plain runs and
 * hidden runs, each hidden run described in visible characters; pages render
 * the runs as escaped text, the hidden ones marked.
 */

/** C0/C1 controls (not tab or newline), soft hyphen, zero-width and bidi controls, invisible operators, BOM, variation selectors, tag characters, fillers. */
const HIDDEN =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff0-\ufffb]|\udb40[\udc00-\udfff]/;
const HIDDEN_RUNS = new RegExp(`(?:${HIDDEN.source})+`, 'g');
/** Most hidden characters described one by one in a run; the rest are counted. */
const MAX_DESCRIBED = 64;

export interface Run {
  text: string;
  /** True when `text` describes invisible characters rather than being text of the tool. */
  hidden: boolean;
}

export function hasHidden(text: string): boolean {
  return HIDDEN.test(text);
}

function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Visible description of a run of invisible characters: tag characters decoded, others as code points. */
export function describeHidden(run: string): string {
  const cps = [...run].map((c) => c.codePointAt(0)!);
  const tags = cps.filter((cp) => cp >= 0xe0020 && cp <= 0xe007e);
  if (tags.length === cps.length && tags.length > 1) {
    return `[hidden tag text: ${JSON.stringify(String.fromCodePoint(...tags.map((cp) => cp - 0xe0000)))}]`;
  }
  const shown = cps.slice(0, MAX_DESCRIBED).map((cp) => (cp === 0x1b ? 'ESC' : codePoint(cp)));
  const more = cps.length > MAX_DESCRIBED ? ` +${cps.length - MAX_DESCRIBED} more` : '';
  return `[${shown.join(' ')}${more}]`;
}

/** The text as runs; a text without hidden characters is one plain run. */
export function reveal(text: string): Run[] {
  if (!HIDDEN.test(text)) return [{ text, hidden: false }];
  const runs: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(HIDDEN_RUNS)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index), hidden: false });
    runs.push({ text: describeHidden(m[0]), hidden: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), hidden: false });
  return runs;
}

/** The text with each run of invisible characters replaced by its visible description (plain text, no markup). */
export function showHidden(text: string): string {
  return reveal(text)
    .map((run) => run.text)
    .join('');
}

/** The text without its invisible characters (each run becomes a space): for one-line plain text such as meta descriptions. */
export function stripHidden(text: string): string {
  return HIDDEN.test(text) ? text.replace(HIDDEN_RUNS, ' ') : text;
}

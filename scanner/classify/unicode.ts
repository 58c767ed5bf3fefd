/**
 * A single linear pass over a whole text (however long) for characters a
 * person cannot see but a model reads: control and format characters,
 * zero-width and bidi characters, the Unicode tag block (U+E0000–E007F, which
 * can spell an invisible ASCII message) and runs of variation selectors
 * (which can smuggle arbitrary bytes). Tag text and smuggled bytes are
 * decoded so the evidence can show the hidden message. The real ESC byte (and
 * the C1 CSI) is reported separately, as an ANSI escape.
 *
 * Legitimate uses are let through: a leading byte-order mark, ZWJ/ZWNJ and
 * LRM/RLM between non-ASCII characters (emoji sequences, Persian, Indic and
 * bidi text), a single variation selector (emoji presentation, CJK variants)
 * and the tag sequences of subdivision flag emoji (🏴 + tags + cancel tag).
 */

/** The most decoded hidden text kept, in characters. */
export const DECODED_CHARS = 1_000;

/** What one pass found. */
export interface InvisibleScan {
  /** Suspicious invisible characters. */
  count: number;
  /** Distinct suspicious code points, in order of first appearance (at most 8). */
  codes: number[];
  /** UTF-16 index of the first suspicious character, or -1. */
  first: number;
  /** ASCII spelled by tag characters (U+E0020–E007E), decoded. */
  tagText: string;
  /** Bytes smuggled in variation-selector runs, decoded as UTF-8. */
  smuggled: string;
  /** UTF-16 index of the first ESC (U+001B) or CSI (U+009B), or -1. */
  esc: number;
}

/** True for single invisible characters that are always suspicious (except the cases handled in `scanInvisible`). */
function isInvisible(cp: number): boolean {
  if (cp < 0x20) return cp !== 0x09 && cp !== 0x0a && cp !== 0x0d;
  if (cp < 0x7f) return false;
  if (cp <= 0x9f) return true; // DEL and C1 controls
  return (
    cp === 0xad || cp === 0x34f || cp === 0x61c || cp === 0x115f || cp === 0x1160 || cp === 0x17b4 || cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) || cp === 0x200b || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x206f) || cp === 0x3164 || cp === 0xfeff || cp === 0xffa0 || (cp >= 0xfff9 && cp <= 0xfffb) ||
    (cp >= 0x1d173 && cp <= 0x1d17a) || cp === 0xe0001
  );
}

/** Joiners and marks that are fine between non-ASCII characters. */
const isJoiner = (cp: number) => cp === 0x200c || cp === 0x200d || cp === 0x200e || cp === 0x200f;
const isTag = (cp: number) => cp >= 0xe0020 && cp <= 0xe007f;
const isSelector = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;

/** Anything but printable ASCII, tab and line breaks: where the scan has something to look at. */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

/** Scans all of `text` in one linear pass; see the module comment. */
export function scanInvisible(text: string): InvisibleScan {
  const out: InvisibleScan = { count: 0, codes: [], first: -1, tagText: '', smuggled: '', esc: -1 };
  // Most tool text is plain ASCII, which holds nothing to find; the engine's scan for one other
  // character is much cheaper than the loop (and the closures it sets up for each text).
  if (!NOT_PLAIN_ASCII.test(text)) return out;
  const note = (cp: number, index: number, n = 1) => {
    out.count += n;
    if (out.first < 0) out.first = index;
    if (out.codes.length < 8 && !out.codes.includes(cp)) out.codes.push(cp);
  };
  const bytes: number[] = [];
  // Current runs of tag characters and of variation selectors: [code points, start index].
  let tags: number[] = [];
  let tagStart = -1;
  let tagAfterFlag = false;
  let selectors: number[] = [];
  let selStart = -1;

  const endTags = () => {
    if (tags.length === 0) return;
    const flag = tagAfterFlag && tags.length <= 8 && tags.at(-1) === CANCEL_TAG;
    if (!flag) {
      for (const cp of tags) {
        note(cp, tagStart);
        if (cp !== CANCEL_TAG && out.tagText.length < DECODED_CHARS) out.tagText += String.fromCharCode(cp - 0xe0000);
      }
    }
    tags = [];
  };
  const endSelectors = () => {
    if (selectors.length >= 2) {
      for (const cp of selectors) {
        note(cp, selStart);
        if (bytes.length < DECODED_CHARS * 4) bytes.push(cp <= 0xfe0f ? cp - 0xfe00 : cp - 0xe0100 + 16);
      }
    }
    selectors = [];
  };

  let prev = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let cp = text.charCodeAt(i);
    const start = i;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    // Fast path: printable ASCII and ordinary whitespace.
    if (cp >= 0x20 && cp < 0x7f) {
      if (tags.length) endTags();
      if (selectors.length) endSelectors();
      prev = cp;
      continue;
    }
    if (isTag(cp)) {
      if (selectors.length) endSelectors();
      if (tags.length === 0) {
        tagStart = start;
        tagAfterFlag = prev === BLACK_FLAG;
      }
      tags.push(cp);
      if (cp === CANCEL_TAG) endTags();
      prev = cp;
      continue;
    }
    if (tags.length) endTags();
    if (isSelector(cp)) {
      if (selectors.length === 0) selStart = start;
      selectors.push(cp);
      prev = cp;
      continue;
    }
    if (selectors.length) endSelectors();
    if (cp === 0x1b || cp === 0x9b) {
      if (out.esc < 0) out.esc = start;
    } else if (cp === 0xfeff && start === 0) {
      // A leading byte-order mark is harmless.
    } else if (isJoiner(cp)) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (!(prev > 0x7f && next > 0x7f)) note(cp, start);
    } else if (isInvisible(cp)) {
      note(cp, start);
    }
    prev = cp;
  }
  endTags();
  endSelectors();
  if (bytes.length > 0) out.smuggled = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes)).slice(0, DECODED_CHARS);
  return out;
}

/**
 * Text from servers and registries on its way to a terminal: hostile, so no
 * control, escape or bidi-override characters get through.
 */

/** `text` with control, zero-width and bidi characters blanked, cut to `max` characters. */
export function printable(text: string, max = 160): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').slice(0, max);
}

/**
 * A tiny escaping HTML template for the catalogue's high-volume markup (the
 * body of 31,000 tool pages, listing rows), where Astro's per-component
 * rendering cost more than the rest of the build. Safe by construction, as
 * Astro's own templates: every interpolated value is escaped unless it is
 * itself an `Html` made by this template; arrays are joined; `undefined`,
 * `null` and `false` render nothing. Invisible characters in a value are
 * written as their visible description (see `reveal`).
 *
 * Attribute values must be quoted with `"` in the template. URLs in `href`
 * come only from `href.*` (slugs) or `safeHref` (http(s) only).
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

import { hasHidden, showHidden } from './reveal.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) {
    let out = '';
    for (const v of value) out += render(v);
    return out;
  }
  const text = String(value);
  // A safety net: no invisible character reaches a page, whatever the caller forgot.
  return escapeHtml(hasHidden(text) ? showHidden(text) : text);
}

/** `html\`<p class="x">${text}</p>\``: the literal parts as written, every value escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

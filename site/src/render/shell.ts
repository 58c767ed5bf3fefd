/**
 * The page shell (head, header, footer) of every catalogue page, as text: used
 * by `Layout.astro` for the pages Astro renders and by the tool-page writer
 * (`emit/tools.ts`) for the 31,000 tool pages it writes itself, so both are
 * the same markup. No inline script or style anywhere: the CSP allows only the
 * site's own files.
 */
import { html, type Html } from '../lib/html.ts';
import { metaText } from '../lib/present.ts';

/** The pages' CSP (also sent as a header by `serve.ts`, with what only a header can say). */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

export interface ShellOptions {
  /** Page title, before " · MCP Census". */
  title: string;
  /** The meta description (made one plain line, clipped). @default none */
  description?: string;
  /** Adds the copy-button script. @default false */
  copy?: boolean;
  /** Adds the search script (the search page). @default false */
  search?: boolean;
}

/** Everything before the page's own content. */
export function shellStart(opts: ShellOptions): Html {
  const description = opts.description ? metaText(opts.description) : undefined;
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="color-scheme" content="light dark"><title>${opts.title} · MCP Census</title>${
    description && html`<meta name="description" content="${description}">`
  }<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/styles.css">${opts.copy && html`<script src="/copy.js" defer></script>`}${
    opts.search && html`<script src="/search.js" defer></script>`
  }</head><body><a class="skip" href="#main">Skip to content</a><header class="site-header"><div class="bar"><a class="brand" href="/">MCP&nbsp;Census<span>.</span></a><nav class="nav" aria-label="Catalogue"><a href="/browse/servers/">Servers</a><a href="/changes/">Changes</a><a href="/patterns/">Attack patterns</a><a href="/signals/">Signals</a></nav><form class="search-box" action="/search/" method="get" role="search"><label for="site-q" class="skip">Search servers and tools</label><input id="site-q" name="q" type="search" placeholder="Search tools and servers" autocomplete="off"><button type="submit">Search</button></form></div></header><main id="main">`;
}

/** Everything after the page's own content. */
export const SHELL_END = html`</main><footer class="site-footer"><div class="bar"><span>Static catalogue built by mcp-census. Tool text is shown exactly as servers sent it: treat it as untrusted.</span><nav class="nav" aria-label="Footer"><a href="/browse/servers/">Servers</a><a href="/changes/">Changes since the previous scan</a><a href="/search/">Search</a></nav></div></footer></body></html>`;

/**
 * Markup shared by the high-volume renderers (tool pages, listings): badges,
 * tool rows, target facts, revealed text, pagination. Everything goes through
 * the escaping `html` template.
 */
import type { Access, Category, Risk, Status, Target } from '../../../scanner/schemas/index.ts';
import type { ToolEntry } from '../data.ts';
import { html, type Html } from '../lib/html.ts';
import { CATEGORY_LABEL, RISK_LABEL, STATUS_LABEL, commandLine, href, safeHref } from '../lib/present.ts';
import { reveal } from '../lib/reveal.ts';
import type { Page } from '../routes.ts';

export const riskBadge = (risk: Risk, big = false): Html => html`<span class="badge risk-${risk}${big ? ' big' : ''}">${RISK_LABEL[risk]}</span>`;

export const categoryBadge = (category: Category, access?: Access, big = false): Html =>
  html`<span class="badge cat${big ? ' big' : ''}">${CATEGORY_LABEL[category]}${access ? (access === 'read' ? ' · read-only' : ' · modifies data') : ''}</span>`;

export const statusBadge = (status: Status, big = false): Html => html`<span class="badge status-${status}${big ? ' big' : ''}">${STATUS_LABEL[status]}</span>`;

/** A link to a URL from the data: only http(s) becomes a link; anything else is plain text. */
export function externalLink(url: string | undefined, text?: string): Html {
  const link = safeHref(url);
  return link ? html`<a href="${link}" rel="nofollow noopener noreferrer external">${text ?? url}</a>` : html`<span class="unlinked">${text ?? url}</span>`;
}

/** Untrusted text with its invisible characters shown as marked descriptions (see `reveal`). */
export function revealed(text: string): Html {
  return html`${reveal(text).map((run) => (run.hidden ? html`<mark class="hidden-char" title="Invisible characters">${run.text}</mark>` : run.text))}`;
}

/** How the server was reached, as `<dt>/<dd>` pairs. */
export function targetFacts(target: Target): Html {
  const command = commandLine(target);
  const transport = target.transport === 'stdio' ? 'stdio (local process)' : target.transport === 'sse' ? 'HTTP + SSE (legacy)' : 'Streamable HTTP';
  return html`<dt>Transport</dt><dd>${transport}</dd>${
    target.url && html`<dt>URL</dt><dd><code class="inline">${externalLink(target.url)}</code></dd>`
  }${command && html`<dt>Command</dt><dd><code class="inline">${command}</code></dd>`}${
    target.package && html`<dt>Package</dt><dd><code class="inline">${target.package}</code></dd>`
  }${target.homepage && html`<dt>Homepage</dt><dd>${externalLink(target.homepage)}</dd>`}`;
}

/** One tool in a list: its name linked, badges, server. */
export function toolItem(e: ToolEntry): Html {
  return html`<li><a href="${href.tool(e.server.result.slug, e.tool.slug)}">${e.tool.name}</a> <span class="from">${riskBadge(e.tool.risk)} ${categoryBadge(
    e.tool.category,
  )} in <a href="${href.server(e.server.result.slug)}">${e.server.title}</a></span></li>`;
}

/** Previous / numbered / next links of a paginated listing; nothing for a single page. */
export function pager<T>(page: Page<T>): Html {
  if (page.count <= 1) return html``;
  const window = 3;
  const numbers: number[] = [];
  for (let n = 1; n <= page.count; n++) {
    if (n === 1 || n === page.count || Math.abs(n - page.number) <= window) numbers.push(n);
  }
  const items: Html[] = [];
  let last = 0;
  for (const n of numbers) {
    if (n - last > 1) items.push(html`<li class="gap">…</li>`);
    items.push(n === page.number ? html`<li><span aria-current="page">${n}</span></li>` : html`<li><a href="${page.pathOf(n)}">${n}</a></li>`);
    last = n;
  }
  return html`<nav class="pager" aria-label="Pages">${page.number > 1 && html`<a rel="prev" href="${page.pathOf(page.number - 1)}">← Previous</a>`}<ul>${items}</ul>${
    page.number < page.count && html`<a rel="next" href="${page.pathOf(page.number + 1)}">Next →</a>`
  }</nav>`;
}

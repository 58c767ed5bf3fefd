/**
 * Drift in the catalogue: the `/changes/` page (per server whose latest scan
 * recorded drift, the tools added, removed and changed, and what changed), the
 * "changed since the previous scan" notice of tool and server pages, and the
 * mark in a server's tool table. Tool names in a drift come from the server
 * and are escaped like all its text; only slugs become links.
 */
import type { ToolChange, ToolField } from '../../../scanner/schemas/index.ts';
import type { Catalogue, ServerEntry, ToolEntry } from '../data.ts';
import { html, type Html } from '../lib/html.ts';
import { formatTime, href, plural } from '../lib/present.ts';
import { changesHref } from '../routes.ts';

/**
 * Most tools of one kind (added, removed, changed) listed for one server on `/changes/`.
 * @default 100
 * Why: a server may replace thousands of tools at once; the page stays small,
 * and its server page marks every changed tool.
 */
export const MAX_CHANGE_ROWS = 100;

/** Most removed tool names named on a server page. */
const MAX_REMOVED_NAMES = 20;

export const FIELD_LABEL: Record<ToolField, string> = {
  description: 'description',
  inputSchema: 'input schema',
  annotations: 'annotations',
};

/** "description", "description and input schema", "description, input schema and annotations". */
export function fieldList(fields: readonly ToolField[]): string {
  const labels = fields.map((f) => FIELD_LABEL[f]);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Totals over every server with drift: shown at the top of `/changes/`. */
export interface ChangeTotals {
  servers: number;
  added: number;
  removed: number;
  changed: number;
  instructions: number;
}

const totalsMemo = new WeakMap<Catalogue, ChangeTotals>();

/** The changelog's totals, computed once per catalogue. */
export function changeTotals(cat: Catalogue): ChangeTotals {
  let t = totalsMemo.get(cat);
  if (t) return t;
  t = { servers: cat.changed.length, added: 0, removed: 0, changed: 0, instructions: 0 };
  for (const s of cat.changed) {
    const d = s.changes!.drift;
    t.added += d.added.length;
    t.removed += d.removed.length;
    t.changed += d.changed.length;
    if (d.instructionsChanged) t.instructions++;
  }
  totalsMemo.set(cat, t);
  return t;
}

/** "1 tool added, 2 removed, 5 changed". */
function counts(added: number, removed: number, changed: number): string {
  return `${plural(added, 'tool')} added, ${removed.toLocaleString('en-US')} removed, ${changed.toLocaleString('en-US')} changed`;
}

/** A tool's name, linked to its page when the server still lists it. */
function toolName(slugs: Map<string, string>, serverSlug: string, name: string): Html {
  const slug = slugs.get(name);
  return slug ? html`<a href="${href.tool(serverSlug, slug)}">${name}</a>` : html`${name}`;
}

function more(total: number, shown: number, server: ServerEntry): Html {
  return total > shown
    ? html`<tr><td colspan="3" class="muted">and ${(total - shown).toLocaleString('en-US')} more: see the <a href="${href.server(server.result.slug)}#tools">server’s tools</a></td></tr>`
    : html``;
}

/** One server's entry on `/changes/`. */
function serverChanges(server: ServerEntry): Html {
  const s = server.result;
  const d = server.changes!.drift;
  const slugs = new Map<string, string>();
  for (const t of s.tools) if (!slugs.has(t.name)) slugs.set(t.name, t.slug);
  const rows: Html[] = [];
  for (const name of d.added.slice(0, MAX_CHANGE_ROWS)) {
    rows.push(html`<tr class="drift-added"><td class="name">${toolName(slugs, s.slug, name)}</td><td data-label="Change"><span class="badge drift-added">Added</span></td><td class="muted" data-label="What changed">not in the previous scan</td></tr>`);
  }
  rows.push(more(d.added.length, MAX_CHANGE_ROWS, server));
  for (const c of d.changed.slice(0, MAX_CHANGE_ROWS)) {
    rows.push(
      html`<tr class="drift-changed"><td class="name">${toolName(slugs, s.slug, c.name)}</td><td data-label="Change"><span class="badge drift-changed">Changed</span></td><td data-label="What changed">${fieldList(c.fields)}</td></tr>`,
    );
  }
  rows.push(more(d.changed.length, MAX_CHANGE_ROWS, server));
  for (const name of d.removed.slice(0, MAX_CHANGE_ROWS)) {
    rows.push(html`<tr class="drift-removed"><td class="name">${name}</td><td data-label="Change"><span class="badge drift-removed">Removed</span></td><td class="muted" data-label="What changed">no longer listed</td></tr>`);
  }
  rows.push(more(d.removed.length, MAX_CHANGE_ROWS, server));
  const hasRows = d.added.length + d.changed.length + d.removed.length > 0;
  return html`<section class="changes" id="changes-${s.slug}"><h2><a href="${href.server(s.slug)}">${server.title}</a></h2><p class="muted">Scanned ${formatTime(s.scannedAt)}, compared with the scan of ${formatTime(d.since)}: ${counts(
    d.added.length,
    d.removed.length,
    d.changed.length,
  )}.</p>${
    d.instructionsChanged &&
    html`<p class="notice warn instructions-changed"><strong>Instructions changed.</strong> The instructions this server gives to models differ from the previous scan${
      s.instructions ? html`: <a href="${href.server(s.slug)}#instructions">read them</a>` : ' (it now gives none)'
    }.</p>`
  }${d.partial && html`<p class="muted small">One of the two tool lists was cut short by a scanner cap, so tools missing from it are not reported as removed.</p>`}${
    hasRows &&
    html`<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Tool</th><th scope="col">Change</th><th scope="col">What changed</th></tr></thead><tbody>${rows}</tbody></table></div>`
  }</section>`;
}

/** The body of one page of `/changes/`, after its heading. */
export function changesBody(cat: Catalogue, servers: readonly ServerEntry[], first: boolean): Html {
  const t = changeTotals(cat);
  if (t.servers === 0) {
    return html`<p class="muted" id="no-changes">No server’s latest scan recorded a change. A rescan into the same data folder compares each server with its previous result and records what changed.</p>`;
  }
  return html`${
    first &&
    html`<ul class="stats" aria-label="Changes" id="change-totals">${[
      [t.servers, 'servers changed'],
      [t.added, 'tools added'],
      [t.removed, 'tools removed'],
      [t.changed, 'tools changed'],
      [t.instructions, 'instructions changed'],
    ].map(([n, what]) => html`<li><span class="n">${n.toLocaleString('en-US')}</span><span class="what">${what}</span></li>`)}</ul>`
  }${servers.map(serverChanges)}`;
}

/** The notice at the top of a tool page whose definition changed or appeared since the previous scan; nothing otherwise. */
export function toolDriftNotice(entry: ToolEntry): Html {
  const changes = entry.server.changes;
  if (!changes || (!entry.change && !entry.added)) return html``;
  const s = entry.server.result;
  const since = formatTime(changes.drift.since);
  const link = changesHref(entry.server);
  const all = html`<p><a href="${link}">Every change of ${entry.server.title}</a> since the previous scan.</p>`;
  if (entry.added) {
    return html`<section class="notice warn" id="drift"><h2>New since the previous scan</h2><p>The scan of ${since} did not list this tool; the scan of ${formatTime(
      s.scannedAt,
    )} did.</p>${all}</section>`;
  }
  const change: ToolChange = entry.change!;
  return html`<section class="notice warn" id="drift"><h2>Changed since the previous scan</h2><p>Its <strong>${fieldList(change.fields)}</strong> changed between the scan of ${since} and the scan of ${formatTime(
    s.scannedAt,
  )}. A definition that changes after it was reviewed is how a “rug pull” works: read it again before trusting it.</p><dl class="facts"><dt>What changed</dt><dd><ul class="signal-list">${change.fields.map(
    (f) => html`<li>${FIELD_LABEL[f]}</li>`,
  )}</ul></dd><dt>Hash before</dt><dd><code class="inline">${change.before}</code></dd><dt>Hash now</dt><dd><code class="inline">${change.after}</code></dd></dl>${all}</section>`;
}

/** The mark beside a tool's name in its server's tool table; nothing when it did not change. */
export function toolDriftMark(server: ServerEntry, name: string): Html {
  const changes = server.changes;
  if (!changes) return html``;
  const change = changes.changed.get(name);
  if (change) return html` <span class="badge drift-changed" title="Changed since the previous scan">Changed: ${fieldList(change.fields)}</span>`;
  if (changes.added.has(name)) return html` <span class="badge drift-added" title="Not in the previous scan">New</span>`;
  return html``;
}

/** The notice of a server page whose latest scan recorded drift; nothing otherwise. */
export function serverDriftNotice(server: ServerEntry): Html {
  const changes = server.changes;
  if (!changes) return html``;
  const d = changes.drift;
  const s = server.result;
  const removed = d.removed.slice(0, MAX_REMOVED_NAMES);
  return html`<section class="notice warn" id="drift"><h2>Changed since the previous scan</h2><p>Compared with the scan of ${formatTime(d.since)}: ${counts(
    d.added.length,
    d.removed.length,
    d.changed.length,
  )}. Changed and new tools are marked in the table below.</p>${
    d.instructionsChanged &&
    html`<p class="instructions-changed"><strong>Its instructions to models changed.</strong>${s.instructions ? html` <a href="#instructions">Read them.</a>` : ' It now gives none.'}</p>`
  }${
    removed.length > 0 &&
    html`<p>No longer listed: ${removed.map((name, i) => html`${i > 0 && ', '}<code class="inline">${name}</code>`)}${
      d.removed.length > removed.length && html` and ${plural(d.removed.length - removed.length, 'more tool')}`
    }.</p>`
  }<p><a href="${changesHref(server)}">See it in the changelog</a></p></section>`;
}

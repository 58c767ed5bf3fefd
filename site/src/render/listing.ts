/** Rows of the browse listings (up to `PAGE_SIZE` a page, a few thousand pages a build). */
import type { ServerEntry, ToolEntry } from '../data.ts';
import { html, type Html } from '../lib/html.ts';
import { gradeOf, href } from '../lib/present.ts';
import { listingBase } from '../routes.ts';
import { categoryBadge, riskBadge, statusBadge } from './parts.ts';
import { toolDriftMark } from './changes.ts';

/** A table of tools: name, server, category, risk. */
export function toolTable(tools: readonly ToolEntry[]): Html {
  if (tools.length === 0) return html`<p class="muted">No tools here yet.</p>`;
  return html`<div class="table-wrap"><table class="stack listing"><thead><tr><th scope="col">Tool</th><th scope="col">Server</th><th scope="col">Category and risk</th></tr></thead><tbody>${tools.map(
    (e) =>
      html`<tr><td class="name"><a href="${href.tool(e.server.result.slug, e.tool.slug)}">${e.tool.name}</a></td><td><a href="${href.server(e.server.result.slug)}">${e.server.title}</a></td><td>${categoryBadge(
        e.tool.category,
      )} ${riskBadge(e.tool.risk)}</td></tr>`,
  )}</tbody></table></div>`;
}

/** A table of servers: name, status, grade, tools, high or critical tools. */
export function serverTable(servers: readonly ServerEntry[]): Html {
  if (servers.length === 0) return html`<p class="muted">No servers here.</p>`;
  return html`<div class="table-wrap"><table class="listing" id="servers-table"><thead><tr><th scope="col">Server</th><th scope="col">Status</th><th scope="col">Grade</th><th scope="col" class="num">Tools</th><th scope="col" class="num">High or critical</th></tr></thead><tbody>${servers.map(
    (s) => {
      const grade = gradeOf(s.result);
      return html`<tr><td class="name"><a href="${href.server(s.result.slug)}">${s.title}</a></td><td>${statusBadge(s.result.status)}</td><td>${
        grade ? html`<span class="grade grade-${grade.toLowerCase()}">${grade}</span>` : html`<span class="muted">—</span>`
      }</td><td class="num">${s.result.tools.length}</td><td class="num">${s.counts.byRisk.high + s.counts.byRisk.critical}</td></tr>`;
    },
  )}</tbody></table></div>`;
}

/** Every tool of one server, with its category, risk and signals, and a mark on those that changed since the previous scan (the server page). */
export function serverToolTable(server: ServerEntry): Html {
  const s = server.result;
  return html`<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Tool</th><th scope="col">Category and risk</th><th scope="col">Signals</th></tr></thead><tbody>${s.tools.map(
    (t) =>
      html`<tr><td class="name"><a href="${href.tool(s.slug, t.slug)}">${t.name}</a>${toolDriftMark(server, t.name)}</td><td>${categoryBadge(t.category)} ${riskBadge(t.risk)}</td><td>${
        t.signals.length === 0
          ? html`<span class="muted">none</span>`
          : html`<ul class="signal-list">${t.signals.map((sig) => html`<li><a href="${listingBase.signal(sig.id)}">${sig.label}</a></li>`)}</ul>`
      }</td></tr>`,
  )}</tbody></table></div>`;
}

/**
 * The body of a tool page: everything a person needs to decide about one tool.
 * Rendered with the escaping `html` template (31,000 of these per build), from
 * the memoised catalogue only: constant work per page.
 */
import { toolPolicy } from '../../../scanner/policy/index.ts';
import { POISONING_SIGNAL_IDS } from '../../../scanner/classify/poisoning-ids.ts';
import type { ToolRecord } from '../../../scanner/schemas/index.ts';
import { relatedTools, type Catalogue, type ToolEntry } from '../data.ts';
import { html, type Html } from '../lib/html.ts';
import {
  CATEGORY_LABEL,
  CATEGORY_MEANING,
  MAX_PARAMS,
  RISK_LABEL,
  href,
  paramCount,
  paramRows,
  plural,
  prettyJson,
  ruleSummary,
} from '../lib/present.ts';
import { hasHidden } from '../lib/reveal.ts';
import { signalTitle, signalWhy } from '../lib/signals.ts';
import { POLICY_DOWNLOADS } from '../lib/downloads.ts';
import { listingBase } from '../routes.ts';
import { categoryBadge, revealed, riskBadge, targetFacts, toolItem } from './parts.ts';
import { toolDriftNotice } from './changes.ts';

const SOURCE_LABEL = { annotation: 'annotation', name: 'name', description: 'description', schema: 'input schema' } as const;
const ANNOTATIONS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;
/** Characters of the description quoted in the FAQ. */
const FAQ_DESCRIPTION = 300;
/**
 * Most characters of the raw input schema shown on the page.
 * @default 20000
 * Why: a server may send a huge schema; the page stays small and the whole
 * schema is in the server's JSON result.
 */
const MAX_SCHEMA_TEXT = 20_000;

/** Why the tool has its risk level, in a sentence. */
export function riskWhy(tool: ToolRecord): string {
  const severe = tool.signals.filter((s) => POISONING_SIGNAL_IDS.has(s.id));
  if (severe.length > 0) return `Its definition tries to manipulate the model (${signalTitle(severe[0].id).toLowerCase()}), which makes any tool critical.`;
  switch (tool.category) {
    case 'read':
      return tool.risk === 'low'
        ? 'It only reads, so a wrong call changes nothing.'
        : `It only reads, but its inputs raise the stakes (${tool.signals.filter((s) => s.source === 'schema').map((s) => signalTitle(s.id).toLowerCase()).join(', ') || 'see the signals'}).`;
    case 'write':
      return 'It changes data: an agent calling it in a loop, or on injected instructions, makes changes nobody reviewed.';
    case 'execute':
      return 'It runs code or commands whose content the agent decides.';
    case 'destructive':
      return 'It deletes or overwrites data: one wrong call can lose it.';
    case 'financial':
      return 'It moves money or buys things: one wrong call costs money.';
  }
}

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function rawSchema(schema: unknown, full: string): Html {
  const text = prettyJson(schema);
  if (text.length <= MAX_SCHEMA_TEXT) return html`<details><summary>Raw input schema (JSON)</summary><pre class="code-block">${text}</pre></details>`;
  return html`<details><summary>Raw input schema (JSON, first ${MAX_SCHEMA_TEXT.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters)</summary><pre class="code-block">${text.slice(
    0,
    MAX_SCHEMA_TEXT,
  )}…</pre><p class="small">The whole schema is in the <a href="${full}">server’s scan result</a>.</p></details>`;
}

/** The `<main>` content of `/tools/<server>/<tool>/`. */
export function toolBody(cat: Catalogue, entry: ToolEntry): Html {
  const { tool, server } = entry;
  const s = server.result;
  const policy = toolPolicy(tool);
  const rule = Object.hasOwn(policy.tools, tool.name) ? policy.tools[tool.name] : undefined;
  const rows = paramRows(tool.inputSchema);
  const declared = paramCount(tool.inputSchema);
  const related = relatedTools(cat, entry);
  const displayTitle = tool.title || tool.annotations?.title;
  const annotations = tool.annotations ? ANNOTATIONS.filter((k) => typeof tool.annotations?.[k] === 'boolean') : [];
  const category = CATEGORY_LABEL[tool.category].toLowerCase();
  const serverHref = href.server(s.slug);
  const toolCount = plural(s.tools.length, 'tool');
  const where = s.target.url ?? s.target.package ?? s.target.command;
  const nameJson = JSON.stringify(tool.name);

  return html`<p class="crumbs"><a href="/">Catalogue</a> / <a href="${serverHref}">${server.title}</a> / Tools</p>
<div class="badges">${riskBadge(tool.risk, true)} ${categoryBadge(tool.category, tool.access, true)}</div>
<h1 id="tool-name">${tool.name}</h1>
${displayTitle && displayTitle !== tool.name && html`<p class="muted">${displayTitle}</p>`}
${hasHidden(tool.name) && html`<p class="notice warn">The name holds invisible characters: <code class="inline">${revealed(tool.name)}</code></p>`}
${toolDriftNotice(entry)}
<p class="lead"><code class="inline">${tool.name}</code> is a ${category} tool: it ${CATEGORY_MEANING[tool.category]}. Part of the <a href="${serverHref}">${server.title}</a> server.</p>
<section class="why" id="why"><h2>Why ${RISK_LABEL[tool.risk].toLowerCase()}</h2><p>${riskWhy(tool)}</p></section>
<h2>Risk signals</h2>
${
  tool.signals.length === 0
    ? html`<p class="muted">No risk signals: classified as ${RISK_LABEL[tool.risk].toLowerCase()} from its category alone.</p>`
    : html`<ul class="signals" id="signals">${tool.signals.map(
        (sig) =>
          html`<li><a class="label" href="${listingBase.signal(sig.id)}">${sig.label}</a> <span class="muted small">from the ${SOURCE_LABEL[sig.source]}</span><p class="small">${signalWhy(
            sig.id,
            sig.source,
          )}</p>${sig.evidence && html`<code class="evidence">${revealed(sig.evidence)}</code>`}</li>`,
      )}</ul>`
}
<p class="muted small">Classifier confidence ${Math.round(tool.confidence * 100)}%.</p>
<h2>Description</h2>
${
  tool.description
    ? html`${hasHidden(tool.description) && html`<p class="notice warn" id="hidden-note">This description holds characters a person cannot see; each run is shown in brackets, <mark class="hidden-char">[U+200B]</mark> for example.</p>`}<pre class="text-block" id="description">${revealed(tool.description)}</pre>`
    : html`<p class="muted">The server gives no description.</p>`
}
${
  annotations.length > 0 &&
  html`<h3>Annotations the server claims</h3><ul class="breakdown">${annotations.map((k) => html`<li><code class="inline">${k}: ${String(tool.annotations?.[k])}</code></li>`)}</ul>`
}
<h2>Input schema</h2>
${
  rows.length === 0
    ? html`<p class="muted">No parameters.</p>`
    : html`<div class="table-wrap"><table id="params" class="stack"><thead><tr><th scope="col">Parameter</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead><tbody>${rows.map(
        (r) =>
          html`<tr><td class="name">${revealed(r.name)}</td><td class="type" data-label="Type">${r.type}</td><td data-label="Required">${r.required ? 'yes' : 'no'}</td>${
            r.description ? html`<td class="desc">${revealed(r.description)}</td>` : html`<td class="desc muted">—</td>`
          }</tr>`,
      )}</tbody></table></div>`
}
${declared > MAX_PARAMS && html`<p class="muted">Showing the first ${MAX_PARAMS} of ${plural(declared, 'parameter')}.</p>`}
${rawSchema(tool.inputSchema, href.apiServer(s.slug))}
<h2>Starter policy</h2>
<p>${ruleSummary(rule)}</p>
<div class="policy"><div class="policy-head"><span class="file">policy.json</span><span class="actions"><button type="button" class="copy" data-copy="policy-json" hidden>Copy</button>${POLICY_DOWNLOADS.map(
    (d, i) => html`<a class="button" ${i === 0 ? html`id="download-policy" ` : ''}href="${d.toolHref(s.slug, tool.slug)}" download="${tool.slug}${d.extension}">Download ${d.label}</a>`,
  )}</span></div><pre class="code-block" id="policy-json">${prettyJson(policy)}</pre></div>
<p>See the <a href="${href.serverPolicy(s.slug)}" id="server-policy">full ${server.title} policy</a> for all ${toolCount}, or <a href="${serverHref}#tools">view all ${toolCount}</a> of the server.</p>
<h2>Server</h2>
<dl class="facts"><dt>Server</dt><dd><a href="${serverHref}">${server.title}</a></dd>${targetFacts(s.target)}${
    s.server && html`<dt>Reports itself as</dt><dd><code class="inline">${s.server.name} ${s.server.version}</code></dd>`
  }</dl>
${
  entry.patterns.length > 0 &&
  html`<h2>Attack patterns that apply</h2><p>These attacks abuse exactly the kind of access <code class="inline">${tool.name}</code> gives an agent:</p><ul class="patterns" id="patterns">${entry.patterns.map(
    (p) => html`<li><a href="${listingBase.pattern(p.id)}">${p.title}</a>: ${p.defence}</li>`,
  )}</ul>`
}
${
  related.length > 0 &&
  html`<h2>Other ${category} tools across the catalogue</h2><ul class="tool-list" id="related">${related.map(toolItem)}</ul><p><a href="${listingBase.category(tool.category)}">All ${category} tools →</a></p>`
}
<h2 id="faq">Questions</h2>
<div class="faq">
<details><summary>What does ${tool.name} do?</summary><p>${tool.description ? html`Its description says: “${clip(tool.description, FAQ_DESCRIPTION).replace(/\.+$/, '')}”. ` : ''}It is classified as a ${category} tool of the ${server.title} server: it ${CATEGORY_MEANING[tool.category]}.</p></details>
<details><summary>What risk level is ${tool.name}?</summary><p>${RISK_LABEL[tool.risk]}. ${riskWhy(tool)}</p></details>
<details><summary>What does the starter policy do with it?</summary><p>${ruleSummary(rule)} The policy’s <code class="inline">"default": "deny"</code> refuses every tool it does not list, so a tool the server adds later is not silently allowed.</p></details>
<details><summary>How do I rate-limit ${tool.name}?</summary><p>Give its rule a <code class="inline">limits</code> list, for example <code class="inline">${`{"limits": [{"counter": ${JSON.stringify(`${tool.name}_rate`)}, "window": "minute", "max": 30, "scope": "grant"}]}`}</code>. <code class="inline">window</code> is <code class="inline">second</code>, <code class="inline">minute</code>, <code class="inline">hour</code> or <code class="inline">day</code>; <code class="inline">scope</code> is <code class="inline">grant</code> (one agent identity), <code class="inline">session</code> or <code class="inline">global</code>.</p></details>
<details><summary>How do I block ${tool.name} completely?</summary><p>Remove its rule: the default (deny) then refuses it. To keep it listed with an explanation, set <code class="inline">${`{"hidden": true, "reason": "…"}`}</code> as its rule: a hidden tool is not offered to the agent and calls to it are refused.</p></details>
<details><summary>How do I allow it without limits?</summary><p>Make its rule empty: <code class="inline">${`{"tools": {${nameJson}: {}}}`}</code>.</p></details>
<details><summary>Which MCP server provides ${tool.name}?</summary><p>The <a href="${serverHref}">${server.title}</a> server${where ? html` (<code class="inline">${where}</code>)` : ''}, which lists ${toolCount}.</p></details>
</div>`;
}

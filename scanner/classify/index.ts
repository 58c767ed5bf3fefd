/**
 * The classifier: what a tool can do (its category), how risky that is, how
 * sure we are, and the evidence behind it, from the tool's name, description,
 * annotations and input schema alone. Pure, synchronous, bounded on hostile
 * input.
 *
 * How the verdict is reached:
 * 1. Each part of the tool gives evidence of capabilities (read < write <
 *    execute < destructive < financial): verbs in the name (wherever they
 *    stand), the verb phrase the description leads with, statements in the
 *    description ("read-only", "cannot be undone"), annotation claims, and
 *    parameters (code → execute, recipient + body → write, catch-all action
 *    enums → their most severe operation).
 * 2. The category is the most severe capability found. A tool that claims
 *    `readOnlyHint: true` is read unless strong evidence says otherwise (then
 *    `annotation-conflict`); only weak verbs (`trigger`, `start`) yield to the
 *    claim. With no evidence of a read at all, a tool is taken to write: a
 *    wrong "read" lets an agent write unchecked.
 * 3. A tool that changes something and handles money (a money noun in its
 *    name or lead, or amount/price/payment parameters) is financial.
 * 4. Risk follows the category; any poisoning signal makes it critical.
 */
import type { Category, Classification, Risk, Signal, SignalSource } from '../schemas/result.ts';
import { CATEGORIES } from '../schemas/values.ts';
import type { McpTool } from '../schemas/tools-list.ts';
import { annotationEvidence } from './annotations.ts';
import { definedDestruction, descriptionEvidence, listedDestruction, returnedCommands, UNASSIGNING, type LeadVerb } from './description.ts';
import { nameEvidence, type NameEvidence } from './name.ts';
import { POISONING_SIGNAL_IDS } from './poisoning-ids.ts';
import { poisoningSignals, type ToolText } from './poisoning.ts';
import { READ_ONLY_QUERY, schemaEvidence } from './schema.ts';
import { REORGANISING_VERBS, accountingKinds, isCatalogueNoun, isDraftOrder, isMockWord, isPlanNoun, lookupInflected, lookupVerb, moneyNouns, qualifiesAttached } from './verbs.ts';
import { SCAN_HEAD_CHARS, SCAN_TAIL_CHARS, asRecord, asString, cut, quote, scanWindow } from './text.ts';

export { POISONING_SIGNAL_IDS };

/** Lead verbs of tools that take code to look at or transform, not to run. */
const INSPECTING_VERBS = new Set(['convert', 'translate', 'parse', 'format', 'validate', 'explain', 'analyze', 'analyse', 'lint', 'check', 'verify', 'summarize', 'summarise', 'describe', 'diagnose', 'ask']);

/** The base form of a (folded) description word: `converts` → `convert`. */
const baseOf = (word: string) => lookupInflected(word)?.base ?? word;

/** Name verbs that undo a link, whose description's "remove" takes nothing away but the link (`detach_script`). */
const DETACHING = new Set(['detach', 'disconnect', 'unbind', 'unassign', 'dissociate', 'unattach', 'ungroup', 'untag']);

/** Verbs of a tool that sends an HTTP request itself, whose `method` choice is what it does. */
const REQUEST_VERBS = new Set(['request', 'send', 'call', 'invoke', 'fetch', 'execute', 'make', 'perform', 'run', 'proxy', 'forward', 'hit', 'curl', 'test', 'exec']);

/** Lead verbs of a tool that keeps a record of something done elsewhere ("Record completion of a step"). */
const RECORDING_VERBS = new Set(['record']);

/** Verbs that say only that a tool dispatches to several operations ("Manage backups: list/get/…"). */
const UMBRELLA_VERBS = new Set(['manage', 'administer', 'handle']);

/** A record handed over to be watched or screened: "for monitoring", "to be screened", "for fraud scoring". Bounded. */
const EXAMINED = /\b(?:for|to)\s{1,3}(?:be\s{1,3})?(?:monitor(?:ing|ed)|screen(?:ing|ed)|(?:risk|fraud)\s{1,3}(?:scoring|screening|checks?))\b/i;

/**
 * Names of any record, which make a tool generic over the kinds its `doctype` parameter names (`erpnext_doc_submit`);
 * a tool named for one thing (`update_session_poa_data`) has a document type as a field, not as what it acts on.
 */
const GENERIC_RECORDS = new Set(['doc', 'docs', 'document', 'documents', 'record', 'records', 'entity', 'entities', 'object', 'objects', 'resource', 'resources']);

/** Risk by category, before poisoning. */
export const RISK_BY_CATEGORY: Readonly<Record<Category, Risk>> = {
  read: 'low',
  write: 'medium',
  execute: 'high',
  destructive: 'critical',
  financial: 'critical',
};

/** One piece of evidence of a capability. */
interface Evidence {
  category: Category;
  source: SignalSource;
  /** Weak evidence yields to the tool's own read-only claim. */
  strong: boolean;
}

const rank = (c: Category) => CATEGORIES.indexOf(c);
const most = (list: readonly Evidence[]): Category =>
  list.reduce<Category>((best, e) => (rank(e.category) > rank(best) ? e.category : best), 'read');

/** `Name verb "delete"` style labels. */
const CATEGORY_WORD: Record<Category, string> = {
  read: 'reads',
  write: 'writes',
  execute: 'executes',
  destructive: 'destroys',
  financial: 'moves money',
};

/** `"a", "b"`: each word once, quoted, in order. */
function quotedOnce(words: readonly string[]): string {
  let out = '';
  const seen = new Set<string>();
  for (const w of words) {
    if (seen.has(w)) continue;
    seen.add(w);
    out += `${out ? ', ' : ''}"${w}"`;
  }
  return out;
}

/** Verb signals from a name: one per category, quoting the words. */
function nameSignals(name: string, ev: NameEvidence, what: 'Name' | 'Title'): { evidence: Evidence[]; signals: Signal[] } {
  const evidence: Evidence[] = [];
  const signals: Signal[] = [];
  for (const category of CATEGORIES) {
    const verbs = ev.verbs.filter((v) => v.entry.category === category);
    if (verbs.length === 0) continue;
    const strong = verbs.some((v) => !v.weak);
    evidence.push({ category, source: 'name', strong });
    const words = quotedOnce(verbs.map((v) => v.word));
    signals.push({
      id: `${category}-verb`,
      label: `${what} verb ${words} (${CATEGORY_WORD[category]}${strong ? '' : ', weak'})`,
      evidence: quote(name),
      source: 'name',
    });
  }
  return { evidence, signals };
}

/**
 * Classifies one tool as a server listed it. Never throws: anything that is
 * not what the MCP spec says it should be is treated as missing.
 */
export function classifyTool(tool: McpTool): Classification {
  const t = asRecord(tool) ?? {};
  const name = asString(t.name);
  const title = asString(t.title);
  const rawAnnotations = asRecord(t.annotations);
  const annotationTitle = asString(rawAnnotations?.title);
  const description = asString(t.description);
  const window = scanWindow(description);

  const signals: Signal[] = [];
  const evidence: Evidence[] = [];

  // Description: the lead verb phrase, read-only statements, destruction warnings.
  const desc = descriptionEvidence(window);
  const schema = schemaEvidence(t.inputSchema);
  // "Manage teams: list/get/get_members" with `action: list | get | get_members`: the umbrella verb
  // says only that the tool dispatches; what it can do is what its catch-all lets it choose.
  const choosesOnlyReads = schema.findings.some((f) => f.signal.id === 'catch-all-action' && f.category === 'read');
  // "manageDataModel", "数据模型查询工具…（只读操作）": an umbrella verb beside a read-only statement says as little.
  const umbrellaOnly = (words: readonly string[]) =>
    (choosesOnlyReads || desc.readOnly !== undefined) && words.length > 0 && words.every((w) => UMBRELLA_VERBS.has(baseOf(w)));

  // Name (or, when the name has no verb, the title). A router's name and title name the group of
  // sub-tools it routes to ("compute", "Azure Load Testing"), not something it does.
  const routes = schema.info.some((s) => s.id === 'command-router');
  let nameEv = nameEvidence(routes ? '' : name);
  let nameText = name;
  let what: 'Name' | 'Title' = 'Name';
  if (!routes && nameEv.verbs.length === 0 && (title || annotationTitle)) {
    const alt = nameEvidence(title || annotationTitle);
    if (alt.verbs.length > 0) {
      nameEv = alt;
      nameText = title || annotationTitle;
      what = 'Title';
    }
  }
  nameEv = rereadNameVerbs(namespacedVerb(nameEv, desc.verbs), desc.verbs);
  const named = nameSignals(nameText, nameEv, what);
  // `execute_step`, "Record completion of a plan step": the tool records that something ran; the run
  // the name speaks of is not its own.
  const recordsRun = desc.verbs.length > 0 && !desc.verbs[0].secondary && RECORDING_VERBS.has(baseOf(desc.verbs[0].word)) && desc.verbs.every((v) => v.category !== 'execute');
  // `starwind_add`, "Generates validated … install commands": the name says what the returned command
  // does; the tool itself runs nothing.
  const commands = desc.verbs.length > 0 && desc.verbs.every((v) => v.category === 'read') ? returnedCommands(description) : undefined;
  const yields = (category: Category) => (recordsRun && category === 'execute') || (commands !== undefined && category !== 'read');
  if (!umbrellaOnly(nameEv.verbs.map((v) => v.word))) for (const e of named.evidence) if (!yields(e.category)) evidence.push(e);
  for (const sig of named.signals) {
    if (recordsRun && sig.id === 'execute-verb') signals.push({ ...sig, label: `${sig.label}; the description says it records a run, not that it runs one` });
    else if (commands && sig.source === 'name' && sig.id !== 'read-verb') signals.push({ ...sig, label: `${sig.label}; what the command it returns does (${commands})` });
    else signals.push(sig);
  }
  const hasNameVerb = nameEv.verbs.length > 0;
  // `kpi_revenue`, "KPI card: total revenue…", `index_data`, "Index data.": a name of nouns and a first sentence
  // that presents a chart, a figure or data read; a second sentence ("type='pie' → …") does not say what the tool does.
  const display = !hasNameVerb && desc.verbs.every((v) => v.secondary) ? desc.display : undefined;
  const descEvidence: Evidence[] = [];
  if (display) {
    descEvidence.push({ category: 'read', source: 'description', strong: false });
    signals.push({ id: 'read-verb', label: 'Description presents a chart, a report, a figure or the data it returns (reads, weak)', evidence: display, source: 'description' });
  }
  // `firecrawl_crawl_process`, "Deep crawling of… Efficiently discovers and extracts content": a weak
  // verb in the name (process, call, trigger) does not say more than the description's second sentence.
  const hasStrongNameVerb = nameEv.verbs.some((v) => !v.entry.weak);
  for (const category of CATEGORIES) {
    // A read verb from the second sentence matters only if the name has no verb, or only weak ones.
    // A router's name says nothing, but its later sentences are usage notes ("This tool provides access
    // to…"), as they are beside a named verb.
    const verbs = display ? [] : desc.verbs.filter((v) => v.category === category && !(v.secondary && category === 'read' && (hasStrongNameVerb || routes)));
    if (verbs.length === 0) continue;
    if (category !== 'read' && umbrellaOnly(verbs.map((v) => v.word))) continue;
    // "Runs a read-only query", "Select and run one of the following read operations (read-only)":
    // what is run only reads, and the description says so.
    if (category === 'execute' && desc.readOnly) continue;
    const strong = verbs.some((v) => !v.entry.weak);
    descEvidence.push({ category, source: 'description', strong });
    signals.push({
      id: `${category}-verb`,
      label: `Description verb ${quotedOnce(verbs.map((v) => v.word))} (${CATEGORY_WORD[category]}${strong ? '' : ', weak'})`,
      evidence: verbs[0].phrase,
      source: 'description',
    });
  }
  if (desc.readOnly) {
    descEvidence.push({ category: 'read', source: 'description', strong: true });
    signals.push({ id: 'read-only-statement', label: 'Description says it is read-only', evidence: desc.readOnly, source: 'description' });
  }
  if (desc.acts) {
    descEvidence.push({ category: 'write', source: 'description', strong: true });
    signals.push({ id: 'write-verb', label: 'Description says it saves files where it is told, or drives a browser', evidence: desc.acts, source: 'description' });
  }
  if (desc.destructive) {
    descEvidence.push({ category: 'destructive', source: 'description', strong: true });
    signals.push({ id: 'destructive-warning', label: 'Description warns it destroys data', evidence: desc.destructive, source: 'description' });
  }
  if (desc.payment) {
    descEvidence.push({ category: 'financial', source: 'description', strong: true });
    signals.push({ id: 'payment-statement', label: 'Description says it pays or charges money', evidence: desc.payment, source: 'description' });
  }
  if (desc.settles) {
    descEvidence.push({ category: 'financial', source: 'description', strong: true });
    signals.push({ id: 'payment-statement', label: 'Description marks an order or a bill paid or refunded, or places a draft order', evidence: desc.settles, source: 'description' });
  }
  const listed = routes ? listedDestruction(window) : undefined;
  if (listed) {
    descEvidence.push({ category: 'destructive', source: 'description', strong: true });
    signals.push({ id: 'destructive-verb', label: 'A router whose description lists a destructive operation', evidence: listed, source: 'description' });
  }
  // "**Actions:** - **mark_read**: Mark … - **dismiss**: Delete a notification": a catch-all's operation
  // names say less than their definitions do.
  const defined = schema.findings.some((f) => f.signal.id === 'catch-all-action') ? definedDestruction(window) : undefined;
  if (defined) {
    descEvidence.push({ category: 'destructive', source: 'description', strong: true });
    signals.push({ id: 'destructive-verb', label: 'A catch-all whose description defines an operation that destroys', evidence: defined, source: 'description' });
  }
  // `detach_script`, "Remove a script from a node": the name says the remove undoes a link; the script stays.
  // Not "Disconnect your account and remove stored credentials": a second verb does more than the name's.
  const detaches =
    !desc.destructive &&
    desc.verbs.length === 1 &&
    nameEv.verbs.some((v) => DETACHING.has(v.word)) &&
    nameEv.verbs.every((v) => DETACHING.has(v.word) || v.entry.category === 'read');
  if (detaches) for (const [k, e] of descEvidence.entries()) if (e.category === 'destructive') descEvidence[k] = { ...e, category: 'write' };
  evidence.push(...descEvidence);
  if (description.length > SCAN_HEAD_CHARS + SCAN_TAIL_CHARS) {
    signals.push({
      id: 'oversized-description',
      label: `Very long description (${description.length} characters; only its start and end were read)`,
      evidence: quote(cut(description, 120)),
      source: 'description',
    });
  }

  // Annotations: claims, with the spec's defaults.
  const ann = annotationEvidence(t.annotations);
  const { hints } = ann;
  signals.push(...ann.signals);
  const annEvidence: Evidence[] = [];
  if (hints.readOnly === false) annEvidence.push({ category: 'write', source: 'annotation', strong: true });
  evidence.push(...annEvidence);

  // Input schema.
  const inspectsCode = codeInspectedBy(descEvidence, desc.verbs, nameEv);
  // "Run a read-only BigQuery SQL query": the tool says the query it takes is read-only, as a
  // parameter's description may ("A read-only SQL query to run against the logs").
  const readOnlyQuery = desc.readOnly !== undefined && READ_ONLY_QUERY.test(desc.readOnly) && descEvidence.every((e) => e.category === 'read');
  // `execute_query`, "Execute a read-only SELECT query": what the name's verb runs is that read-only query.
  if (readOnlyQuery) for (let k = evidence.length - 1; k >= 0; k--) if (evidence[k].source === 'name' && evidence[k].category === 'execute') evidence.splice(k, 1);
  // The name's verbs and the description's base forms, read by several rules below.
  const allVerbs = verbWords(nameEv, desc.verbs);
  // `create_api`, `add_mock_rule` with `method: GET | POST | DELETE`: the method of what the tool defines or lists.
  const definesRequests = allVerbs.length > 0 && allVerbs.every((w) => !REQUEST_VERBS.has(w));
  for (const f of schema.findings) {
    if (f.httpMethods && definesRequests) {
      signals.push({ ...f.signal, label: `${f.signal.label}; the HTTP method of what the tool defines or lists, not a request it sends` });
      continue;
    }
    if (commands && f.signal.id === 'destructive-parameter') {
      signals.push({ ...f.signal, label: `${f.signal.label}; an option of the command it returns, which it does not run` });
      continue;
    }
    if ((inspectsCode || readOnlyQuery) && f.signal.id === 'code-parameter') {
      signals.push({ ...f.signal, label: `${f.signal.label}; the ${inspectsCode ?? 'description'} says it ${inspectsCode ? 'only inspects or converts it' : 'is a read-only query'}` });
      continue;
    }
    evidence.push({ category: f.category, source: 'schema', strong: true });
    signals.push(f.signal);
  }
  signals.push(...schema.info);

  // destructiveHint: true says a change *may* destroy. Real servers set it on
  // every tool that is not read-only, so it decides only when the tool's own
  // words and parameters (even weak ones: "hover", "select") are silent.
  if (hints.readOnly !== true && hints.destructive === true && !evidence.some((e) => e.source !== 'annotation')) {
    const claim: Evidence = { category: 'destructive', source: 'annotation', strong: true };
    annEvidence.push(claim);
    evidence.push(claim);
  }

  // The verdict.
  const nonRead = evidence.filter((e) => e.category !== 'read');
  const claimsFree = evidence.filter((e) => e.source !== 'annotation');
  const strongContrary = claimsFree.filter((e) => e.category !== 'read' && e.strong);
  const readEvidence = claimsFree.filter((e) => e.category === 'read');
  const changeEvidence = claimsFree.filter((e) => e.category !== 'read');
  let category: Category;
  let fallback = false;
  if (hints.readOnly === true) {
    // `deployPlan`, "…deploy plan (dry-run, makes no changes)" annotated read-only: two claims that it reads
    // outweigh the name's verb alone.
    const nameYields = desc.readOnly !== undefined;
    const contrary = nameYields ? strongContrary.filter((e) => e.source !== 'name') : strongContrary;
    category = contrary.length > 0 ? most(nameYields ? nonRead.filter((e) => e.source !== 'name') : nonRead) : 'read';
    if (contrary.length > 0) {
      signals.push({
        id: 'annotation-conflict',
        label: 'Annotated read-only, but the tool says it changes things',
        evidence: `readOnlyHint: true; ${describeEvidence(contrary)}`,
        source: 'annotation',
      });
    }
  } else if (nonRead.length > 0 && !weakNameYields(nonRead, descEvidence)) {
    category = most(nonRead);
  } else if (readEvidence.length > 0) {
    category = 'read';
  } else {
    category = 'write';
    fallback = true;
    signals.push({
      id: 'no-read-evidence',
      label: 'No evidence that it only reads: assumed to write',
      evidence: quote(name || '(no name)'),
      source: 'name',
    });
  }

  // Claims that overstate the risk are believed, but a contradiction is worth showing.
  if (hints.readOnly !== true && changeEvidence.length === 0 && readEvidence.some((e) => e.strong) && (annEvidence.length > 0 || hints.destructive === true)) {
    signals.push({
      id: 'annotation-conflict',
      label: 'Annotated as changing things, but the tool says it only reads',
      evidence: `${hints.destructive === true ? 'destructiveHint: true' : 'readOnlyHint: false'}; ${describeEvidence(readEvidence)}`,
      source: 'annotation',
    });
  }
  if (hints.readOnly !== true && hints.destructive === false) {
    const destroys = claimsFree.filter((e) => e.category === 'destructive' && e.strong);
    if (destroys.length > 0) {
      signals.push({
        id: 'annotation-conflict',
        label: 'Annotated not destructive, but the tool says it destroys data',
        evidence: `destructiveHint: false; ${describeEvidence(destroys)}`,
        source: 'annotation',
      });
    }
  }

  // "Updates Traefik configuration" with "The new Traefik configuration content.": the old content is replaced, not kept.
  if (category === 'write' && schema.wholeContent && allVerbs.some((w) => UPDATING_VERBS.has(w))) {
    category = 'destructive';
    signals.push(schema.wholeContent);
    evidence.push({ category: 'destructive', source: 'schema', strong: true });
  }

  // Money: a tool that changes things and handles money is financial.
  if (category !== 'read' && category !== 'financial') {
    const money: Signal[] = [];
    // `split_transaction`, "Unsplit a transaction…": records are rearranged, the money they record stays.
    const changeVerbs = allVerbs.filter((w) => lookupInflected(w)?.entry.category !== 'read');
    const reorganises = changeVerbs.length > 0 && changeVerbs.every((w) => REORGANISING_VERBS.has(w));
    // `create_transaction`, "Submit a transaction for monitoring and rule evaluation": a record handed over to be
    // watched or screened; the money it records has moved elsewhere, if at all.
    const examined = EXAMINED.test(window.slice(0, 200));
    if (examined && (nameEv.moneyNouns.length > 0 || desc.money)) {
      signals.push({ id: 'financial-noun', label: 'Mentions money, but as a record submitted for monitoring or screening (no money moves)', evidence: quote(window, 80), source: 'description' });
    }
    if (!fallback && !reorganises && !examined && nameEv.moneyNouns.length > 0) {
      money.push({ id: 'financial-noun', label: `Name mentions money (${nameEv.moneyNouns.join(', ')})`, evidence: quote(name), source: 'name' });
    }
    if (!fallback && !reorganises && !examined && desc.money && descEvidence.some((e) => e.category !== 'read')) {
      money.push({ id: 'financial-noun', label: `Description mentions money (${desc.money})`, evidence: desc.verbs[0]?.phrase ?? quote(window, 80), source: 'description' });
    }
    // A price on a product, an item or a quote describes what is offered, and a budget's amount is a plan; neither moves money.
    // A draft order's prices are a quote's until it is completed (`create_draft_order`).
    const catalogue = nameEv.moneyNouns.length === 0 && (nameEv.words.some((w) => isCatalogueNoun(w) || isPlanNoun(w)) || isDraftOrder(nameEv.words));
    // `send_invoice_reminder` with an `invoice_id`: the reminder is the object, the invoice only its owner.
    const attached = nameEv.moneyNouns.length === 0 && qualifiesAttached(nameEv.words);
    // A split's parts carry amounts that sum to the whole: no money moves.
    if (schema.money && !catalogue && !reorganises && !attached) money.push(schema.money);
    if (schema.contractCall) money.push(schema.contractCall);
    if (schema.deletesMoney) money.push(schema.deletesMoney);
    // `orders_batch_update` with a `create: [...]` list places orders.
    const batchMoney = schema.batchVerbs.length > 0 ? moneyNouns(nameEv.words, schema.batchVerbs) : [];
    if (batchMoney.length > 0 && nameEv.moneyNouns.length === 0) {
      money.push({ id: 'financial-noun', label: `Batch lists (${schema.batchVerbs.join(', ')}) of money things (${batchMoney.join(', ')})`, evidence: quote(name), source: 'schema' });
    }
    // `doc_submit` with `doctype` "e.g. 'Sales Order', 'Purchase Invoice'": a tool that acts on any kind of
    // record does to the money-bearing kinds it names what it does to the others.
    const kindVerbs = changeVerbs.map(baseOf);
    const generic = nameEv.words.some((w) => GENERIC_RECORDS.has(w));
    const moneyKinds = !fallback && generic && schema.kinds ? schema.kinds.phrases.filter((kind) => accountingKinds(kind, kindVerbs).length > 0) : [];
    if (moneyKinds.length > 0 && money.length === 0) {
      const kinds = moneyKinds.map((k) => k.join(' ')).join(', ');
      money.push({ id: 'financial-noun', label: `Acts on any kind of record, money-bearing ones among those it names (${kinds})`, evidence: quote(`${schema.kinds!.parameter}: ${kinds}`), source: 'schema' });
    }
    // `trigger_mock_webhook`, "Simulate and send a signed webhook event (payment.captured)…": a made-up event's
    // amount and payment names move no money.
    const mock = money.length > 0 && (nameEv.words.some(isMockWord) || mockLead(window));
    if (mock) {
      signals.push(...money.map((m) => ({ ...m, label: `${m.label}; only in a mock or simulated event, which moves no money` })));
    } else if (money.length > 0) {
      category = 'financial';
      signals.push(...money);
      evidence.push(...money.map((s) => ({ category: 'financial' as const, source: s.source, strong: true })));
    }
  } else {
    if (schema.money) signals.push(schema.money);
    if (schema.contractCall && category === 'read') signals.push(schema.contractCall);
  }

  // Poisoning: every text a model reads.
  const texts: ToolText[] = [];
  const read = (text: string, source: SignalSource, where: string) => text.length > 0 && texts.push({ text, source, where });
  read(name, 'name', 'name');
  read(title, 'name', 'title');
  read(annotationTitle, 'annotation', 'annotations.title');
  read(description, 'description', 'description');
  for (const s of schema.walk.texts) read(s.text, 'schema', s.path);
  const poison = poisoningSignals({ texts, walk: schema.walk, purpose: `${name} ${cut(window, 600)}` });
  signals.push(...poison);

  const risk: Risk = poison.some((s) => POISONING_SIGNAL_IDS.has(s.id)) ? 'critical' : RISK_BY_CATEGORY[category];
  return {
    access: category === 'read' ? 'read' : 'write',
    category,
    risk,
    confidence: confidence(category, evidence, hints.readOnly, fallback),
    signals,
  };
}

/**
 * The name's verbs and the base forms of the description's, in one list. Built with a
 * loop: spreading two mapped arrays, one of them often empty, gave V8 arrays of
 * changing shapes there and cost the classifier's compiled code several rebuilds a scan.
 */
function verbWords(name: NameEvidence, lead: readonly LeadVerb[]): string[] {
  const words: string[] = [];
  for (const v of name.verbs) words.push(v.word);
  for (const v of lead) words.push(baseOf(v.word));
  return words;
}

/** Verbs that change something already there, which a whole new content replaces (`wholeContent`). */
const UPDATING_VERBS = new Set(['update', 'set', 'save', 'replace', 'edit', 'modify', 'change', 'put', 'overwrite']);

/** Words of a description's start read for a mock or a simulation ("Simulate and send…", "Sends a fake event…"). */
const MOCK_LEAD_WORDS = 12;

/** True when the first words of a description say what it makes is a mock or a simulation. */
function mockLead(description: string): boolean {
  const head = description.slice(0, 160).toLowerCase();
  // Most descriptions name no mock at all: a substring test before splitting into words.
  if (!/mock|fake|dummy|simulat/.test(head)) return false;
  return (head.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MOCK_LEAD_WORDS).some(isMockWord);
}

/** Verbs of running what their object names, one as good as another in a name: `run`, `execute`. */
const RUNNING: ReadonlySet<string> = new Set(['run', 'execute', 'exec', 'invoke']);

/**
 * The name's verbs, read as the description reads the same verb with its
 * object: `git_clear_working_dir` is "Clear the session working directory
 * setting" (a write), `restore-droplet` is "Restore a droplet from a backup"
 * (it overwrites).
 */
function rereadNameVerbs(ev: NameEvidence, lead: readonly LeadVerb[]): NameEvidence {
  const reread = new Map(lead.filter((v) => v.reread !== undefined).map((v) => [v.reread!, v.category]));
  if (reread.size === 0) return ev;
  // `deleteAccessGroupProject`, "Remove a project from an access group": the name's delete is the description's remove.
  const unlinked = [...reread].find(([base, category]) => UNASSIGNING.has(base) && category === 'write');
  // `execute_card`, "Run a Metabase card query and return the actual data results": the name's execute is the description's run.
  const ranToRead = [...reread].some(([base, category]) => RUNNING.has(base) && category === 'read');
  let changed = false;
  const verbs = ev.verbs.map((v) => {
    const category = reread.get(v.word) ?? (unlinked && UNASSIGNING.has(v.word) ? unlinked[1] : undefined) ?? (ranToRead && RUNNING.has(v.word) ? 'read' : undefined);
    if (category === undefined || category === v.entry.category) return v;
    changed = true;
    return { ...v, entry: { ...v.entry, category } };
  });
  // A literal like `nameEvidence`'s, not a spread of it: one object shape for both.
  return changed ? { words: ev.words, verbs, moneyNouns: ev.moneyNouns } : ev;
}

/**
 * `release-check-versions`, "Check latest versions from App Store/Google Play": a noun-like first word
 * (`release`, `update`, `post`) right before the description's own lead verb names the group the tool
 * belongs to, and that second word is its action. Not `post_comment`, "Post a comment": there the first
 * word is the description's verb.
 */
function namespacedVerb(ev: NameEvidence, lead: readonly LeadVerb[]): NameEvidence {
  const first = lead[0];
  const only = ev.verbs.length === 1 ? ev.verbs[0] : undefined;
  if (!first || first.secondary || !only || only.index !== 0 || only.entry.noun !== true) return ev;
  const second = ev.words[1] ?? '';
  const entry = lookupVerb(second);
  if (!entry || second !== (lookupInflected(first.word)?.base ?? first.word)) return ev;
  // A literal like `nameEvidence`'s, not a spread of it: one object shape for both.
  return { words: ev.words, verbs: [{ word: second, index: 1, entry, weak: false }], moneyNouns: ev.moneyNouns };
}

/**
 * True when the only signs of a change are weak words (a noun-like verb after
 * the first word of the name: `browser_network_request`, `get_commit`; a weak
 * verb: "Select…") and the description plainly reads ("Returns full
 * details…", "(read-only)"): the description says what the tool does.
 */
function weakNameYields(nonRead: readonly Evidence[], descEvidence: readonly Evidence[]): boolean {
  return (
    nonRead.every((e) => (e.source === 'name' || e.source === 'description') && !e.strong) &&
    descEvidence.some((e) => e.category === 'read' && e.strong) &&
    !descEvidence.some((e) => e.category !== 'read' && e.strong)
  );
}

/**
 * Which of the tool's words say that the code it is handed is only looked at: "Converts SQL to a REST
 * request", "Validates a script" (the description, when all it says reads), or `ai_sql_explain` whose
 * description says nothing of its own ("Break down complex SQL queries…": the name, when all its verbs
 * inspect). Such code is data, not something the tool runs.
 */
function codeInspectedBy(descEvidence: readonly Evidence[], descVerbs: readonly LeadVerb[], nameEv: NameEvidence): 'description' | 'name' | undefined {
  if (!descEvidence.every((e) => e.category === 'read')) return undefined;
  if (descEvidence.length > 0) return descVerbs.some((v) => INSPECTING_VERBS.has(v.reread ?? baseOf(v.word))) ? 'description' : undefined;
  return nameEv.verbs.length > 0 && nameEv.verbs.every((v) => INSPECTING_VERBS.has(v.word)) ? 'name' : undefined;
}

/** "`delete` in the name, `Deletes` in the description"-style summary of evidence. */
function describeEvidence(list: readonly Evidence[]): string {
  const parts = [...new Set(list.map((e) => `${e.category} evidence in the ${e.source}`))];
  return parts.join(', ');
}

/**
 * 0–1: how well the sources (name, description, annotations, schema) agree
 * on read versus change. Each source votes with its evidence; agreement raises
 * the confidence, disagreement lowers it, and a verdict from no evidence at
 * all (the write fallback) is unsure.
 */
function confidence(category: Category, evidence: readonly Evidence[], readOnly: boolean | undefined, fallback: boolean): number {
  if (fallback) return 0.3;
  const reads = category === 'read';
  const votes = new Map<SignalSource, { agree: boolean; strong: boolean }>();
  for (const source of ['name', 'description', 'schema', 'annotation'] as const) {
    const own = evidence.filter((e) => e.source === source);
    const change = own.filter((e) => e.category !== 'read');
    const read = own.filter((e) => e.category === 'read');
    if (change.length > 0) votes.set(source, { agree: !reads, strong: change.some((e) => e.strong) });
    else if (read.length > 0) votes.set(source, { agree: reads, strong: read.some((e) => e.strong) });
  }
  if (readOnly === true) votes.set('annotation', { agree: reads, strong: true });
  let agree = 0;
  let disagree = 0;
  for (const v of votes.values()) {
    const w = v.strong ? 1 : 0.5;
    if (v.agree) agree += w;
    else disagree += w;
  }
  const base = agree >= 3 ? 0.95 : agree >= 2 ? 0.85 : agree >= 1 ? 0.65 : agree > 0 ? 0.5 : 0.35;
  const value = Math.min(0.99, Math.max(0.05, base - 0.2 * disagree));
  return Math.round(value * 100) / 100;
}

/**
 * Evidence from a tool's input schema: parameters that carry code or commands
 * (execute), money (financial), a recipient and a message body (sends, a
 * write), file paths and URLs, catch-all `action`/`operation`/`method` enums,
 * and unusually many parameters.
 *
 * Schemas are attacker-controlled and may be huge, deep or (as JS objects)
 * cyclic: `walkSchema` is depth-, node- and count-bounded.
 */
import type { Category, Signal } from '../schemas/result.ts';
import { CATEGORIES } from '../schemas/values.ts';
import { asRecord, asString, cut, mask, mentionsAny, quote } from './text.ts';
import { compact, splitWords } from './words.ts';
import { clearsOnlyTransient, GRANTS, lookupEnumVerb, moneyNouns, TEXT_PARTS } from './verbs.ts';

/** Deepest schema nesting walked. */
export const MAX_DEPTH = 10;
/** Most schema objects visited per tool. */
export const MAX_NODES = 2_000;
/** Most properties collected per tool. */
export const MAX_PROPERTIES = 1_000;
/** Most strings collected (for the poisoning checks) per tool. */
export const MAX_TEXTS = 4_000;
/** More top-level input properties than this is flagged `high-parameter-count`. */
export const HIGH_PARAMETER_COUNT = 10;

/** One property found in a schema. */
export interface SchemaProperty {
  /** The property's own name (attacker text). */
  name: string;
  /** Dotted path from the top, e.g. `edits[].oldText`. */
  path: string;
  /** 0 for top-level input parameters. */
  depth: number;
  /** The property's schema, when it is an object. */
  schema?: Record<string, unknown>;
}

/** A string found in a schema, with where it was. */
export interface SchemaText {
  path: string;
  text: string;
}

/** What a bounded walk of a schema found. */
export interface SchemaWalk {
  properties: SchemaProperty[];
  /** Property names, descriptions, titles, enum values, defaults and examples. */
  texts: SchemaText[];
  /** The number of top-level properties (counted up to 100,000). */
  topLevelCount: number;
  /** True when a bound cut the walk short. */
  truncated: boolean;
}

/** Keys holding one sub-schema. */
const SINGLE = ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'additionalItems'];
/** Keys holding a list of sub-schemas. */
const LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
/** Keys holding a map of sub-schemas (besides `properties`). */
const MAPS = ['$defs', 'definitions', 'patternProperties', 'dependentSchemas'];
/** Keys whose string values are text a model reads. */
const TEXT_KEYS = ['description', 'title', 'default', 'const', '$comment', 'pattern', 'format'];
/** Keys whose lists of strings are text a model reads. */
const LIST_TEXT_KEYS = ['enum', 'examples'];
/** How each of those keys ends a text's path (`input.description`). */
const TEXT_SUFFIXES = TEXT_KEYS.map((k) => `.${k}`);
const LIST_TEXT_SUFFIXES = LIST_TEXT_KEYS.map((k) => `.${k}`);

/**
 * Walks a schema breadth-first within the bounds, collecting properties and
 * strings. Never throws, never revisits an object, never goes past
 * `MAX_DEPTH`, `MAX_NODES`, `MAX_PROPERTIES` or `MAX_TEXTS`.
 */
export function walkSchema(schema: unknown): SchemaWalk {
  const out: SchemaWalk = { properties: [], texts: [], topLevelCount: 0, truncated: false };
  const root = asRecord(schema);
  if (!root) return out;
  const topProps = asRecord(root.properties);
  if (topProps) {
    for (const _ in topProps) if (++out.topLevelCount >= 100_000) break;
  }
  const seen = new Set<object>();
  const queue: { node: Record<string, unknown>; path: string; depth: number }[] = [{ node: root, path: '', depth: 0 }];
  // Called for every key of every node: the path is built only for a string that is kept.
  const addText = (where: string, suffix: string, v: unknown) => {
    if (typeof v !== 'string' || v.length === 0) return;
    if (out.texts.length >= MAX_TEXTS) return void (out.truncated = true);
    out.texts.push({ path: where + suffix, text: v });
  };
  const enqueue = (child: unknown, childPath: string, depth: number) => {
    const rec = asRecord(child);
    if (!rec || seen.has(rec)) return;
    if (depth > MAX_DEPTH || queue.length >= MAX_NODES * 2) return void (out.truncated = true);
    queue.push({ node: rec, path: childPath, depth });
  };
  let visited = 0;
  for (let q = 0; q < queue.length; q++) {
    const { node, path, depth } = queue[q];
    if (seen.has(node)) continue;
    seen.add(node);
    if (++visited > MAX_NODES) {
      out.truncated = true;
      break;
    }
    const where = path || '(root)';
    for (let k = 0; k < TEXT_KEYS.length; k++) addText(where, TEXT_SUFFIXES[k], node[TEXT_KEYS[k]]);
    for (let k = 0; k < LIST_TEXT_KEYS.length; k++) {
      const list = node[LIST_TEXT_KEYS[k]];
      if (Array.isArray(list)) for (const v of list.slice(0, 200)) addText(where, LIST_TEXT_SUFFIXES[k], v);
    }
    const props = asRecord(node.properties);
    if (props) {
      let n = 0;
      // A property's depth counts properties, not schema keywords: `edits[].oldText` is depth 1.
      const propDepth = path ? path.split('.').length : 0;
      for (const name in props) {
        if (!Object.hasOwn(props, name)) continue;
        if (++n > MAX_PROPERTIES || out.properties.length >= MAX_PROPERTIES) {
          out.truncated = true;
          break;
        }
        const childPath = path ? `${path}.${name}` : name;
        const child = asRecord(props[name]);
        out.properties.push(child ? { name, path: childPath, depth: propDepth, schema: child } : { name, path: childPath, depth: propDepth });
        addText(childPath, ' (name)', name);
        enqueue(child, childPath, depth + 1);
      }
    }
    for (const key of SINGLE) {
      const v = node[key];
      if (Array.isArray(v)) v.slice(0, 50).forEach((c, i) => enqueue(c, `${path}[${i}]`, depth + 1));
      else enqueue(v, key === 'items' ? `${path}[]` : path, depth + 1);
    }
    for (const key of LISTS) {
      const v = node[key];
      if (Array.isArray(v)) v.slice(0, 50).forEach((c) => enqueue(c, path, depth + 1));
    }
    for (const key of MAPS) {
      const m = asRecord(node[key]);
      if (!m) continue;
      let n = 0;
      for (const k in m) {
        if (++n > 200) break;
        if (Object.hasOwn(m, k)) enqueue(m[k], `${key}.${k}`, depth + 1);
      }
    }
  }
  return out;
}

/** Schema evidence of a capability. */
export interface SchemaFinding {
  category: Category;
  signal: Signal;
  /**
   * The catch-all's choices are HTTP methods (`method: GET | POST | DELETE`): an operation only if the
   * tool itself sends the request, not when it defines, stores or filters by one (an API definition, a mock rule).
   */
  httpMethods?: boolean;
}

/** HTTP methods, as a catch-all `method` enum spells them. */
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT']);

/** What the schema says about its tool. */
export interface SchemaEvidence {
  walk: SchemaWalk;
  /** Capabilities the parameters prove on their own (code → execute, recipient + body → write…). */
  findings: SchemaFinding[];
  /** Money parameters: they make a tool financial only if it changes something. */
  money?: Signal;
  /** A smart contract's function called by address and ABI: a change through it can move funds. */
  contractCall?: Signal;
  /** Verbs that a batch tool's list parameters name (`create: [...]`, `delete: [ids]`), as base forms. */
  batchVerbs: string[];
  /**
   * The kinds of record a tool acts on when the kind is a parameter (`doctype`, `entity_type`): its
   * enum values and the examples in its description, as folded words ("sales order purchase invoice
   * timesheet"). A tool that acts on any kind can act on the money-bearing ones it names.
   */
  kinds?: { parameter: string; phrases: string[][] };
  /** A switch that also deletes money records ("If true, also deletes any transactions…"): the deletion is financial. */
  deletesMoney?: Signal;
  /**
   * A parameter carrying the whole new content of a configuration or a file ("The new Traefik configuration
   * content."): a tool that updates with it replaces the old content without keeping it.
   */
  wholeContent?: Signal;
  /** Signals with no bearing on the category (paths, URLs, parameter count). */
  info: Signal[];
}

const sig = (id: string, label: string, evidence: string): Signal => ({ id, label, evidence, source: 'schema' });

/** A parameter's string description, capped. */
function paramDescription(p: SchemaProperty): string {
  return cut(asString(p.schema?.description), 400);
}

/** True if the parameter takes one of a fixed set of values (not free-form code). */
function isClosed(p: SchemaProperty): boolean {
  const s = p.schema;
  if (!s) return false;
  if (Array.isArray(s.enum) || s.const !== undefined) return true;
  const t = s.type;
  return t === 'boolean' || t === 'number' || t === 'integer' || t === 'object';
}

// Names and descriptions of parameters that carry code or commands.
const CODE_NOUNS = new Set(['command', 'commands', 'cmd', 'cmds', 'script', 'scripts', 'sql', 'shell', 'bash', 'powershell', 'eval', 'javascript', 'python', 'typescript']);
const CODE_QUALIFIERS = new Set(['source', 'python', 'js', 'javascript', 'typescript', 'shell', 'bash', 'program', 'snippet', 'script', 'raw', 'exec', 'run', 'executable']);
const MAYBE_CODE = new Set(['code', 'query', 'statement', 'statements', 'expression', 'function', 'body', 'input', 'source', 'snippet', 'program']);
// A language named as what the parameter *is* ("SQL query", "JavaScript expression", "Python code"),
// not mentioned in an example ("e.g. auth in Express.js").
const CODE_DESCRIPTION = /^\W{0,3}(?:an?\s{1,3}|the\s{1,3})?(?:sql|javascript|typescript|python|shell|bash|powershell|js)\b|\b(?:sql|javascript|typescript|python|shell|bash|powershell|js)\s{1,3}(?:queries|query|statements?|code|expressions?|functions?|scripts?|snippets?|commands?|programs?|source)\b|\b(?:code|commands?|script)\s+to\s+(?:run|execute|evaluate)\b|\b(?:run|execute|evaluate)d?\s+(?:on|in|by)\s+the\s+(?:server|page|browser|shell|sandbox)\b|\bsource\s+code\b/i;

/**
 * Deepest parameter (counted in properties, 0 at the top) read for code, when its name and description both say it is a command to run.
 * @default 5
 * Why: specs are often wrapped (`update.request.spec.services[].build_command`); at depth 2 and less any
 * code-carrying parameter counts, deeper only one that plainly says it is run.
 */
export const MAX_CODE_DEPTH = 5;

/** A parameter description saying its command or script is run. */
const RUN_DESCRIPTION = /\b(?:commands?|script)\s{1,3}to\s{1,3}(?:run|execute)\b|\b(?:commands?|script)\s{1,3}(?:that\s{1,3})?(?:runs|is\s{1,3}run|is\s{1,3}executed|will\s{1,3}be\s{1,3}(?:run|executed))\b/i;

/** A parameter's or a tool's description calling its query read-only: "A read-only SQL query to run against the logs", "(SELECT only)". */
export const READ_ONLY_QUERY = /\bread[-\s]?only\b[^.]{0,40}?\b(?:quer(?:y|ies)|statements?)\b|\bselect[-\s]only\b|\bonly\s{1,3}select\b|只读\s{0,2}(?:SQL|查询)/i;

// A dispatcher's bag of arguments for the sub-command it is told to run: `{command, parameters: {…}}`.
const ARGUMENT_BAGS = new Set(['parameters', 'params', 'arguments', 'args']);
// Parameter text saying the commands are the tool's own sub-tools: "The command to execute against the
// specified tool", "its supported child tools". A command line for a program never says so.
const OWN_SUB_TOOLS = /\b(?:sub|child)[-\s]?tools?\b|\bagainst\s{1,3}the\s{1,3}(?:specified\s{1,3}|selected\s{1,3}|given\s{1,3})?tool\b/i;

/**
 * A top-level `command` that names one of the tool's own sub-tools, with their arguments in a
 * sibling object (`parameters`, `args`…): a router, whose sub-commands are listed only by calling
 * it. Its command is a choice among operations, not code; what it can do is what it says it does.
 */
function commandRouter(props: readonly SchemaProperty[]): { param: SchemaProperty; signal: Signal } | undefined {
  const top = props.filter((p) => p.depth === 0);
  const param = top.find((p) => !isClosed(p) && ['command', 'cmd'].includes(p.name.toLowerCase()));
  if (!param) return undefined;
  const bag = top.find((p) => ARGUMENT_BAGS.has(p.name.toLowerCase()) && (p.schema?.type === 'object' || asRecord(p.schema?.properties) !== undefined));
  if (!bag) return undefined;
  const own = top.map(paramDescription).find((d) => OWN_SUB_TOOLS.test(d));
  if (own === undefined) return undefined;
  return {
    param,
    signal: sig(
      'command-router',
      `Routes ${quote(param.name, 40)} to sub-tools it lists only when called: judged by what it says it does`,
      quote(`${param.path}: ${paramDescription(param)}`),
    ),
  };
}

/** Parameters carrying code or commands → execute (a router's sub-command name is not one). */
function codeParameter(props: readonly SchemaProperty[], router?: SchemaProperty): SchemaFinding | undefined {
  for (const p of props) {
    if (p === router || p.depth > MAX_CODE_DEPTH || isClosed(p)) continue;
    const words = splitWords(p.name);
    const last = words.at(-1);
    if (last === undefined) continue;
    const desc = paramDescription(p);
    // "A read-only ClickHouse SQL query to run against the project's logs": a query said to be read-only reads.
    // A substring test first: most descriptions say nothing of "only" ("Only", "ONLY").
    if ((desc.includes('nly') || desc.includes('NLY') || desc.includes('只读')) && READ_ONLY_QUERY.test(desc)) continue;
    // Deeper down (`update.request.spec.services[].build_command`, a spec wrapped in a request), only a
    // command named so whose description says it is run: "An optional build command to run…".
    if (p.depth > 2 && !(CODE_NOUNS.has(last) && RUN_DESCRIPTION.test(desc))) continue;
    // `script: "Optional script path to attach to the new node (res://…)"`: a file named, not code given.
    if ((last === 'script' || last === 'scripts') && /\bpath\b|\bres:\/\//i.test(desc) && !RUN_DESCRIPTION.test(desc)) continue;
    const qualified = words.slice(0, -1).some((w) => CODE_QUALIFIERS.has(w));
    const hit =
      CODE_NOUNS.has(last) ||
      (last === 'code' && qualified) ||
      (MAYBE_CODE.has(last) && CODE_DESCRIPTION.test(desc)) ||
      /\b(?:shell|bash|terminal|system)\s+commands?\b|\b(?:code|commands?|script)\s+to\s+(?:run|execute|evaluate)\b/i.test(desc);
    if (hit) {
      return {
        category: 'execute',
        signal: sig('code-parameter', `Takes code or a command (${quote(p.name, 40)})`, quote(desc ? `${p.path}: ${desc}` : p.path)),
      };
    }
  }
  return undefined;
}

// Recipients and bodies: together they mean the tool sends a message.
const RECIPIENTS = new Set([
  'to', 'recipient', 'recipients', 'cc', 'bcc', 'channel', 'channelid', 'channelname', 'chatid', 'chat', 'phone', 'phonenumber',
  'tonumber', 'toemail', 'toaddress', 'toaddresses', 'emailto', 'sendto', 'webhook', 'webhookurl', 'roomid', 'room', 'threadid',
  'conversationid', 'destinatario', 'destinatarios', 'destinataire', 'empfanger',
]);
const BODIES = new Set([
  'message', 'body', 'text', 'content', 'subject', 'html', 'markdown', 'caption', 'msg', 'messagetext', 'messagebody', 'emailbody',
  'blocks', 'mensagem', 'mensaje', 'assunto', 'asunto', 'corpo', 'cuerpo', 'sujet', 'nachricht', 'betreff',
]);

/** Parameters of a search or a listing, beside which `to` and `subject` are what messages are filtered by. */
const SEARCHES = new Set(['query', 'q', 'search', 'searchquery', 'filter', 'maxresults', 'limit', 'pagesize']);

/** A recipient parameter together with a message body → sends (a write); not a mailbox search's `to` and `subject` filters. */
function sendsMessage(props: readonly SchemaProperty[]): SchemaFinding | undefined {
  const top = props.filter((p) => p.depth === 0);
  const to = top.find((p) => RECIPIENTS.has(compact(p.name)));
  const body = top.find((p) => BODIES.has(compact(p.name)));
  if (!to || !body || top.some((p) => SEARCHES.has(compact(p.name)))) return undefined;
  return { category: 'write', signal: sig('sends-message', 'Sends a message (recipient and body parameters)', `${quote(to.name, 60)}, ${quote(body.name, 60)}`) };
}

const CATCH_ALL = new Set(['action', 'actions', 'operation', 'op', 'method', 'command', 'verb', 'mode', 'acao', 'accion', 'operacao', 'operacion']);
/** Catch-all names that always name what the tool does (not `mode` or `method`, which may name a manner). */
const OPERATION_NAMES = new Set(['action', 'actions', 'operation', 'op', 'acao', 'accion', 'operacao', 'operacion']);

/** The enum values of a parameter: `enum`, or `const`s under `oneOf`/`anyOf`. */
function enumValues(s: Record<string, unknown> | undefined): string[] {
  if (!s) return [];
  const out: string[] = [];
  if (Array.isArray(s.enum)) for (const v of s.enum.slice(0, 100)) pushValue(out, v);
  for (const key of ['oneOf', 'anyOf']) {
    const list = s[key];
    if (Array.isArray(list)) for (const alt of list.slice(0, 100)) pushValue(out, asRecord(alt)?.const);
  }
  const items = asRecord(s.items);
  if (out.length === 0 && items && Array.isArray(items.enum)) for (const v of items.enum.slice(0, 100)) pushValue(out, v);
  return out;
}

/** Adds an enum value that is a string, up to 100 of them. */
function pushValue(out: string[], v: unknown): void {
  if (typeof v === 'string' && out.length < 100) out.push(v);
}

const rank = (c: Category) => CATEGORIES.indexOf(c);

/**
 * The choices a description lists, comma- or bar-separated, of one to three words each
 * ("ADD COLUMN, DROP COLUMN, ALTER COLUMN, etc."); none unless there are two or more.
 */
function listedChoices(description: string): string[] {
  const out: string[] = [];
  for (const part of description.slice(0, 300).split(/[,;|/]/)) {
    const item = part.trim().replace(/\.$/, '');
    if (item === '' || /^(?:etc|and so on|or|and)$/i.test(item)) continue;
    if (!/^[A-Za-z][A-Za-z_-]*(?: [A-Za-z][A-Za-z_-]*){0,2}$/.test(item)) return [];
    out.push(item);
    if (out.length >= 20) break;
  }
  return out.length >= 2 ? out : [];
}

/**
 * A list of three or more single words, each quoted, joined only by commas ("(e.g., 'create', 'list', 'remove')"),
 * as its words; none otherwise ("\"add\" to register, \"remove\" to unregister" defines each one). Bounded.
 */
const QUOTED_LIST = /['"`][a-z][a-z_-]{0,30}['"`](?:\s{0,3},\s{0,3}(?:(?:or|and)\s{1,3})?['"`][a-z][a-z_-]{0,30}['"`]){2,19}/i;
function quotedChoices(description: string): string[] {
  const m = QUOTED_LIST.exec(description.slice(0, 300));
  return m ? [...m[0].matchAll(/[a-z][a-z_-]{0,30}/gi)].map((w) => w[0]).filter((w) => !/^(?:or|and)$/i.test(w)) : [];
}

/** True when at least three choices, and most of them, lead with a verb: `clear_sessions`, `reset_roles`. */
function operationChoices(values: readonly string[]): boolean {
  if (values.length < 3) return false;
  const led = values.filter((v) => lookupEnumVerb(splitWords(v)[0] ?? '') !== undefined).length;
  return led >= 3 && led * 10 >= values.length * 6;
}

/**
 * True for an enum value that names something that happened rather than an operation to do: a to-do's
 * or an event's kind (`build_failed`, `merge_train_removed`, `assigned`), a state (`deleted`). It ends in a
 * past participle and does not start with a plain verb (`mark_as_completed`, `delete_archived` still act).
 */
function namesEvent(words: readonly string[]): boolean {
  const last = words.at(-1) ?? '';
  if (last.length <= 4 || !last.endsWith('ed') || lookupEnumVerb(last) !== undefined) return false;
  if (words.length === 1) return true;
  const first = lookupEnumVerb(words[0]);
  return first === undefined || first.noun === true;
}

/**
 * A catch-all parameter (`action`, `operation`, `method`…) whose enum spans
 * several capabilities: the tool can do the most severe of them.
 */
function catchAll(props: readonly SchemaProperty[]): SchemaFinding | undefined {
  for (const p of props) {
    // A top-level parameter, or a field of each item of a top-level list: `items: [{operation: create | update | delete, …}]`
    // is a batch of operations, each of which may be the most severe.
    if (p.depth !== 0 && !(p.depth === 1 && p.path.endsWith(`[].${p.name}`))) continue;
    const words = splitWords(p.name);
    const named = CATCH_ALL.has(words.at(-1) ?? '');
    const enumerated = enumValues(p.schema);
    // `operation` described "ADD COLUMN, DROP COLUMN, ALTER COLUMN, etc.": the choices, listed in words.
    const listed = enumerated.length === 0 && named ? listedChoices(paramDescription(p)) : enumerated;
    // "Action to perform (e.g., 'create', 'list', 'remove', 'inspect')": the choices, quoted in the description.
    // Only for a parameter that is nothing but the operation: not `VoiceMethod` "(`GET` or `POST`)", a callback's method.
    const values = listed.length === 0 && OPERATION_NAMES.has(compact(p.name)) ? quotedChoices(paramDescription(p)) : listed;
    // Any parameter whose choices are operations (`toolId: clear_sessions | recount_terms | reset_roles`)
    // is a catch-all too, whatever its name.
    if (!named && !operationChoices(values)) continue;
    const ops: { value: string; category: Category }[] = [];
    // `operation: grant | revoke | view`: what is revoked is what grant gives, an access; both sides stay.
    const grants = values.some((v) => /^grants?$/i.test(v));
    for (const value of values) {
      let best: Category | undefined;
      const words = splitWords(value);
      if (namesEvent(words)) continue;
      // `getDeployLog`, `getManageTask`: after a leading read, the rest is what is read.
      if (words.length > 1 && lookupEnumVerb(words[0])?.category === 'read') {
        ops.push({ value, category: 'read' });
        continue;
      }
      for (const [i, w] of words.entries()) {
        // `chargeback_reverse` among the kinds a list filters by: a word as often a noun or an adjective is a verb only first.
        const entry = i > 0 && lookupEnumVerb(w)?.noun ? undefined : lookupEnumVerb(w);
        // `clear_template_cache`, `reset_password`: transient state, not stored data (`clearsOnlyTransient`).
        // `delete_protection`: a lock taken off what it guards (as "Remove protection from a branch"); `delete_line` among
        // an edit's modes: a file's text edited.
        const takesOff = entry?.category === 'destructive' && words.slice(i + 1).some((x) => GRANTS.has(x) || TEXT_PARTS.has(x));
        const category = entry && (clearsOnlyTransient(w, words.slice(i + 1)) || (grants && w === 'revoke') || takesOff) ? 'write' : entry?.category;
        if (category && (best === undefined || rank(category) > rank(best))) best = category;
      }
      if (best) ops.push({ value, category: best });
    }
    const categories = new Set(ops.map((o) => o.category));
    // `action: list | get | get_members`: every choice reads, so the tool only reads.
    const onlyReads = ops.length >= 2 && ops.length === values.length && categories.size === 1 && categories.has('read');
    // `operation: create | edit`: every choice changes something, so the tool does, whatever its name's verb.
    // Only for one operation or action to do: `type: BUILD | DEPLOY | RUN` names the logs a reader reads, and
    // `scheduledChangeAction: [cancel, pause, resume]` the subscriptions a list returns.
    const onlyChanges = OPERATION_NAMES.has(words.at(-1) ?? '') && p.schema?.type !== 'array' && ops.length >= 2 && ops.length === values.length && !categories.has('read');
    if (!onlyReads && !onlyChanges && (ops.length < 2 || categories.size < 2)) continue;
    const worst = ops.reduce((a, b) => (rank(b.category) > rank(a.category) ? b : a));
    return {
      ...(values.length >= 3 && values.every((v) => HTTP_METHODS.has(v.toUpperCase())) ? { httpMethods: true } : {}),
      category: worst.category,
      signal: sig(
        'catch-all-action',
        `Catch-all "${quote(p.name, 40)}" parameter: can ${worst.category === 'read' ? 'only read' : `${worst.category} ("${quote(worst.value, 40)}")`}`,
        quote(`${p.path}: ${values.join(', ')}`),
      ),
    };
  }
  return undefined;
}

/** Switch names that turn a tool into one that destroys: `delete: true`, `overwrite`, `purge`. */
// `prune: true` on a sync or an apply deletes the resources no longer in the source.
const DESTROYING_SWITCHES = new Set(['delete', 'remove', 'overwrite', 'purge', 'wipe', 'destroy', 'erase', 'truncate', 'prune']);

/** What a destroying switch may name after its verb: `deleteLocalData`, `remove_source_branch`, `overwrite_existing`. */
// `deleteItems` on an ungroup: the grouped items are deleted, not only the group.
const STORED_THINGS = new Set(['data', 'existing', 'source', 'branch', 'branches', 'file', 'files', 'history', 'all', 'local', 'volume', 'volumes', 'record', 'records', 'resources', 'objects', 'orphans', 'contents', 'backups', 'snapshots', 'items']);

// A `force` switch that says what it forces past: "Force push (overwrites remote history)",
// "bypass graceful deletion", "bypassing safety checks". "Allow adding otherwise ignored files" is not one.
const FORCE_DESTROYS = /\b(?:overwrit|delet|remov|discard|destroy|eras|wip(?:e|ing)|purg|bypass\w{0,3}\s{1,3}(?:the\s{1,3})?(?:safety|graceful|confirmation|checks?|protection)|data\s{1,3}loss)/i;

/**
 * What a `delete…` switch's description starts with when the switch itself deletes: "Delete target
 * statuses not in source", "If true, also deletes…", "Whether to delete…" (not "Enable delete protection").
 */
const DELETES_LEAD = /^\s{0,3}(?:(?:if|when)\s{1,3}(?:set\s{1,3}(?:to\s{1,3})?)?true,?\s{1,3}|whether\s{1,3}to\s{1,3})?(?:also\s{1,3})?delet(?:e|es|ing)\b/i;

/** Verbs that destroy whatever their switch names: `dropTarget`, `purgeCache`, `clearExisting`, `wipe_volumes`. */
const DESTROYING_PREFIXES = new Set(['drop', 'purge', 'clear', 'wipe', 'erase', 'destroy', 'truncate']);

/**
 * True for a parameter that destroys: a boolean switch (`delete`, `overwrite`,
 * `deleteLocalData`, `dropTarget`, a `delete…` switch whose description starts by
 * deleting, or a `force` whose description says it overwrites, deletes or bypasses
 * safety), or a batch tool's list of what to delete (`delete: [ids]`).
 */
function destroys(p: SchemaProperty): boolean {
  if (p.depth !== 0) return false;
  const type = p.schema?.type;
  // A batch tool's `delete`/`remove` list: the ids in it cease to exist.
  if (type === 'array') return DESTROYING_SWITCHES.has(compact(p.name)) && compact(p.name) !== 'overwrite';
  if (type !== 'boolean') return false;
  // `git fetch --prune` drops remote-tracking references, copies of what the remote has: no stored data is lost.
  if (compact(p.name) === 'prune') return !PRUNED_COPIES.test(paramDescription(p));
  if (DESTROYING_SWITCHES.has(compact(p.name))) return true;
  const words = splitWords(p.name);
  // `confirmDestructive`, `allow_destructive`: the switch lets destructive statements through.
  if (words.length <= 3 && words.includes('destructive')) return true;
  if (words.length <= 4 && DESTROYING_SWITCHES.has(words[0] ?? '') && words.slice(1).some((w) => STORED_THINGS.has(w))) return true;
  // `deleteExtraStatuses`, "Delete target statuses not in source": whatever it names, the description says it goes.
  if (words.length <= 4 && words[0] === 'delete' && DELETES_LEAD.test(paramDescription(p))) return true;
  // `clearCache` only drops copies (`clearsOnlyTransient`); `clearExisting` destroys.
  if (words.length >= 2 && words.length <= 4 && DESTROYING_PREFIXES.has(words[0] ?? '') && !clearsOnlyTransient(words[0], words.slice(1))) return true;
  return words[0] === 'force' && words.length <= 3 && FORCE_DESTROYS.test(paramDescription(p));
}

/** What a prune switch may drop that only copies another's state: remote-tracking references. */
const PRUNED_COPIES = /\b(?:remote-tracking|tracking\s{1,3}(?:refs?|references?|branches)|refs|references)\b/i;

/** A top-level boolean parameter that destroys (`git push --delete`, `--force` past safety checks): the tool can destroy. */
function destroyingSwitch(props: readonly SchemaProperty[]): SchemaFinding | undefined {
  const p = props.find(destroys);
  if (!p) return undefined;
  const desc = paramDescription(p);
  return { category: 'destructive', signal: sig('destructive-parameter', `A switch that destroys (${quote(p.name, 40)})`, quote(desc ? `${p.path}: ${desc}` : p.path)) };
}

const AMOUNT = new Set(['amount', 'amounts', 'montante', 'monto', 'montant', 'betrag']);
const PRICE = new Set(['price', 'prices', 'preco', 'precio', 'prix', 'preis', 'cost', 'custo', 'costo', 'cout', 'fee', 'fees']);
const RANGE = new Set(['min', 'max', 'minimum', 'maximum', 'from', 'to', 'lower', 'upper', 'range', 'gte', 'lte', 'gt', 'lt', 'ate', 'desde', 'hasta', 'von', 'bis', 'minimo', 'maximo', 'start', 'end', 'sort', 'order']);
/** Currency codes that end a sum's name: `budget_usd`. */
const CURRENCY_CODES = new Set(['usd', 'eur', 'gbp', 'jpy', 'cad', 'aud', 'chf', 'cny', 'inr', 'brl']);
/** Words that make an amount a count of kept copies: `retention_amount_locally`. */
const RETENTION = new Set(['retention', 'retain', 'retained', 'keep', 'kept']);
/** Words that make an id parameter a confirmation's: `confirm_cost_id`. */
const CONFIRMATIONS = new Set(['confirm', 'confirmation', 'confirmed']);
const CURRENCY = new Set(['currency', 'moeda', 'moneda', 'devise', 'wahrung']);
const PAYMENT = new Set([
  'cardnumber', 'cardtoken', 'cvv', 'cvc', 'iban', 'swift', 'routingnumber', 'bankaccount', 'bankaccountnumber', 'paymentmethod',
  'paymentmethodid', 'paymentid', 'paymentintent', 'paymentintentid', 'invoiceid', 'refundid', 'chargeid', 'payoutid', 'walletaddress',
  'sourceaccount', 'destinationaccount', 'fromaccount', 'toaccount',
]);

/** A parameter choosing between buying and selling (`side: buy | sell`): an order or a trade. */
function isTradeSide(p: SchemaProperty): boolean {
  const s = p.schema;
  if (!s || (s.enum === undefined && s.oneOf === undefined && s.anyOf === undefined && s.items === undefined)) return false;
  const values = enumValues(s).map((v) => v.toLowerCase());
  return values.includes('buy') && values.includes('sell');
}

/** Units an amount may be counted in that are not money: "Pixels to scroll", "seconds to wait" (not lines or items: line items are money). */
const OTHER_UNITS = /\b(?:pixels?|px|steps?|seconds?|milliseconds?|ms|minutes?|hours?|days?|weeks?|months?|years?|degrees?|bytes?|characters?|frames?)\b/i;
/** Parameters beside an `amount` that make it a distance moved: `direction: up | down` with `amount` to scroll. */
const MOVEMENTS = new Set(['direction', 'axis']);
/** Words that put an amount back into money: "amount in cents", "price per row". */
const MONEY_CONTEXT = /\b(?:money|currency|cents?|dollars?|euros?|usd|eur|gbp|price|paid|pay(?:ment)?|charge[sd]?|fees?|balance|funds?|cost)\b/i;

/**
 * A `unit` parameter whose every choice is a unit that is not money: `unit: days | months | years`
 * (not `unit_of_measure: QUANTITY | HOURS | AMOUNT`, an invoice line's).
 */
function isUnitChoice(p: SchemaProperty): boolean {
  const words = splitWords(p.name);
  if (words.at(-1) !== 'unit' && words.at(-1) !== 'units') return false;
  const s = p.schema;
  const values = s && (s.enum !== undefined || s.oneOf !== undefined || s.anyOf !== undefined) ? enumValues(s) : [];
  return values.length > 0 && values.every((v) => OTHER_UNITS.test(v));
}

/**
 * Money parameters: an amount or price (range filters like `max_price` do not
 * count), a payment instrument or id, or a buy/sell choice. A currency alone is not enough.
 */
function moneyParameters(props: readonly SchemaProperty[]): Signal | undefined {
  const hits: string[] = [];
  for (const p of props) {
    if (p.depth > 2) continue;
    const words = splitWords(p.name);
    // `confirm_cost_id`: the id of the user's agreement to a quoted cost, not an amount; what the tool creates is billed by use.
    if (words.at(-1) === 'id' && words.some((w) => CONFIRMATIONS.has(w))) continue;
    const ranged = words.some((w) => RANGE.has(w));
    // `retention_amount_s3`: how many backups are kept, a count, not a sum of money.
    if (words.some((w) => RETENTION.has(w))) continue;
    // `budget_usd`, `prize_usd`, `base_pay_usd`: a sum named in its currency.
    const inCurrency = words.length >= 2 && CURRENCY_CODES.has(words.at(-1) ?? '');
    // "Pixels to scroll", "Number of rows": an amount of something counted in a unit that is not money,
    // said in its description or by a `unit` parameter beside it (`amount` with `unit: days | months`).
    const otherUnit =
      !inCurrency &&
      words.some((w) => AMOUNT.has(w)) &&
      !MONEY_CONTEXT.test(paramDescription(p)) &&
      (OTHER_UNITS.test(paramDescription(p)) || props.some((q) => q !== p && q.depth === p.depth && (isUnitChoice(q) || MOVEMENTS.has(compact(q.name)))));
    // `includeCost`, `show_prices`: a switch for what the answer shows holds no sum.
    const isSwitch = p.schema?.type === 'boolean';
    if (PAYMENT.has(compact(p.name)) || (!ranged && !otherUnit && !isSwitch && (inCurrency || words.some((w) => AMOUNT.has(w) || PRICE.has(w)))) || isTradeSide(p)) hits.push(p.name);
    if (hits.length >= 6) break;
  }
  if (hits.length === 0) return undefined;
  const currencies = props.filter((p) => p.depth <= 2 && splitWords(p.name).some((w) => CURRENCY.has(w))).slice(0, 2);
  return sig('financial-parameter', 'Money parameters', quote([...hits, ...currencies.map((p) => p.name)].join(', ')));
}

/** List parameters of a batch tool named for what is done to their entries. */
const BATCH_VERBS = new Set(['create', 'update', 'delete', 'insert', 'upsert', 'add', 'remove', 'cancel']);

/** The verbs of a batch tool's top-level list parameters: `{create: [...], update: [...], delete: [ids]}`. */
function batchVerbs(props: readonly SchemaProperty[]): string[] {
  return props.filter((p) => p.depth === 0 && p.schema?.type === 'array' && BATCH_VERBS.has(compact(p.name))).map((p) => compact(p.name));
}

/**
 * A contract address with an ABI or a function name to call on it: a tool
 * that can call any function of any contract can move whatever the signing
 * account holds.
 */
function contractCall(props: readonly SchemaProperty[]): Signal | undefined {
  const top = props.filter((p) => p.depth === 0);
  const contract = top.find((p) => splitWords(p.name).includes('contract'));
  const fn = top.find((p) => ['abi', 'functionname', 'function', 'methodname', 'calldata'].includes(compact(p.name)));
  if (!contract || !fn) return undefined;
  return sig('contract-call', 'Calls a function of any smart contract (can move funds)', quote(`${contract.name}, ${fn.name}`));
}

/** Parameter names (compacted) that hold a credential. */
const CREDENTIAL_NAMES = /(?:privatekey|apikey|apisecret|accesskey|secretkey|clientsecret|accesstoken|authtoken|apitoken|bearertoken|refreshtoken|password|passwd|passphrase|mnemonic|seedphrase|secret|token)$/;
/** Words that make a `…token` parameter a pagination or form token, not a credential. */
const NOT_CREDENTIAL = new Set(['page', 'next', 'cursor', 'continuation', 'pagination', 'sync', 'csrf', 'max', 'count', 'limit', 'num', 'total', 'input', 'output']);

/**
 * A credential parameter (`privateKey`, `api_key`, `password`…) whose schema
 * carries a value in `default`, `const` or `examples`: the server ships a
 * credential, its own or a shared placeholder, to every client that lists its
 * tools, and a call that leaves the parameter out signs or authenticates with
 * it. Informational, not poisoning: the text does not steer the model, and a
 * secret in a known format is already `secret-in-description`.
 */
function credentialDefault(props: readonly SchemaProperty[]): Signal | undefined {
  for (const p of props) {
    if (p.depth > 2 || !p.schema) continue;
    const name = compact(p.name);
    if (name.length > 40 || !CREDENTIAL_NAMES.test(name) || splitWords(p.name).some((w) => NOT_CREDENTIAL.has(w))) continue;
    const examples = Array.isArray(p.schema.examples) ? p.schema.examples.slice(0, 20) : [];
    for (const [key, v] of [['default', p.schema.default], ['const', p.schema.const], ...examples.map((e) => ['examples', e] as const)] as const) {
      if (typeof v !== 'string' || v.trim().length === 0) continue;
      const value = v.trim();
      const placeholder = new Set(value.replace(/^0x/i, '')).size < 6;
      return sig(
        'credential-default',
        `Credential parameter with a value in its schema (${quote(p.name, 40)}${placeholder ? ', looks like a placeholder' : ''})`,
        `${quote(p.path, 80)}: ${key} ${mask(cut(value, 400))}`,
      );
    }
  }
  return undefined;
}

/**
 * A boolean switch named for destroying (`delete_items`, `purgePayments`) whose description says it
 * deletes money records: "If true, also deletes any transactions, rules, and recurring items…".
 */
function deletesMoney(props: readonly SchemaProperty[]): Signal | undefined {
  for (const p of props) {
    if (p.depth !== 0 || p.schema?.type !== 'boolean') continue;
    const first = splitWords(p.name)[0] ?? '';
    if (!DESTROYING_SWITCHES.has(first) && !DESTROYING_PREFIXES.has(first)) continue;
    const desc = paramDescription(p);
    const words = (desc.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 40);
    const money = moneyNouns(words, ['delete']);
    if (money.length > 0) return sig('financial-noun', `A switch that deletes money records (${quote(p.name, 40)}: ${money.join(', ')})`, quote(`${p.path}: ${desc}`));
  }
  return undefined;
}

/** Parameters (compacted) naming the kind of record a generic tool acts on. */
const KIND_PARAMETERS = new Set(['doctype', 'documenttype', 'doctypename', 'entitytype', 'objecttype', 'recordtype', 'resourcetype']);

/** Most kinds kept from a kind parameter's values and description. */
const KIND_PHRASES = 40;

/**
 * The kinds a `doctype`/`entity_type` parameter names, each as its folded words: its enum values and
 * the examples in its description ("e.g. 'Sales Order', 'Purchase Invoice'" → [sales order], [purchase invoice]).
 */
function kindWords(props: readonly SchemaProperty[]): { parameter: string; phrases: string[][] } | undefined {
  const p = props.find((q) => q.depth === 0 && KIND_PARAMETERS.has(compact(q.name)));
  if (!p) return undefined;
  const phrases: string[][] = [];
  for (const text of [...enumValues(p.schema), ...paramDescription(p).split(/[,;:()'"‘’“”/|]|\s(?:or|and)\s/u)]) {
    const words = text.split(/\s+/u).flatMap((w) => splitWords(w));
    if (words.length > 0 && words.length <= 6) phrases.push(words);
    if (phrases.length >= KIND_PHRASES) break;
  }
  return phrases.length > 0 ? { parameter: p.name, phrases } : undefined;
}

const PATH_WORDS = new Set(['path', 'paths', 'file', 'files', 'filepath', 'filename', 'dir', 'directory', 'folder', 'caminho', 'ruta', 'chemin', 'pfad']);
const URL_WORDS = new Set(['url', 'urls', 'uri', 'uris', 'link', 'href', 'endpoint', 'website']);
const URL_FORMATS = new Set(['uri', 'url', 'uri-reference', 'iri', 'iri-reference']);
/** Last words that make a name about a path or a link something else: `linkId`, `linkType`, `fileCount`. */
const NOT_THE_THING = new Set(['id', 'ids', 'type', 'types', 'count', 'kind', 'format', 'formats']);

/** Whether a parameter's name is one of `words` (`url`, `file_path`), not an id or a kind of one (`linkId`, `fileType`). */
function nameIsOneOf(name: string, words: ReadonlySet<string>): boolean {
  const split = splitWords(name);
  return split.some((w) => words.has(w)) && !NOT_THE_THING.has(split.at(-1) ?? '');
}

/** Names of a lone parameter that only wraps the tool's real parameters: `{ params: { serviceId, action } }`. */
const ARGUMENT_WRAPPERS = new Set(['params', 'parameters', 'args', 'arguments', 'input', 'body', 'request', 'payload']);

/**
 * The properties with a lone wrapper taken away: when a tool's only parameter is an object named for
 * its arguments (`params`, `input`, `body`), its properties are the tool's parameters and stand at depth 0,
 * so that a catch-all `action` or a `delete` switch inside it counts as at the top.
 */
function unwrapped(props: readonly SchemaProperty[]): readonly SchemaProperty[] {
  const top = props.filter((p) => p.depth === 0);
  if (top.length !== 1) return props;
  const wrapper = top[0];
  if (!ARGUMENT_WRAPPERS.has(wrapper.name.toLowerCase()) || asRecord(wrapper.schema?.properties) === undefined) return props;
  const prefix = `${wrapper.path}.`;
  return props.filter((p) => p !== wrapper).map((p) => (p.path.startsWith(prefix) ? { ...p, depth: p.depth - 1 } : p));
}

// "The new Traefik configuration content.", "the full file contents", "The content of the file": bounded, no nested quantifiers.
const WHOLE_CONTENT =
  /\b(?:new|full|complete|entire|whole)\s{1,3}(?:[\w-]{1,30}\s{1,3}){0,3}(?:configuration|config|file)\s{1,3}(?:content|contents|text)\b|^(?:the\s{1,3})?(?:new\s{1,3})?(?:content|contents)\s{1,3}of\s{1,3}the\s{1,3}(?:configuration|config|file)\.?$/i;

/** Parameter words of a tool that commits what it writes (the old version stays in the history). */
const VERSIONING_WORDS = new Set(['branch', 'commit', 'sha']);

/** What every match of `WHOLE_CONTENT` contains, tested first. */
const WHOLE_CONTENT_WORDS = ['content', 'text'];

/** A top-level string parameter described as the whole new content of a configuration or a file. */
function wholeContent(props: readonly SchemaProperty[]): Signal | undefined {
  // `create_or_update_file` with a `branch` and a commit `message`: a commit keeps the old content in the history.
  if (props.some((p) => p.depth === 0 && splitWords(p.name).some((w) => VERSIONING_WORDS.has(w)))) return undefined;
  for (const p of props) {
    if (p.depth !== 0 || p.schema?.type !== 'string') continue;
    const desc = paramDescription(p);
    // Most parameter descriptions name no content at all: a substring test before the regex.
    if (!mentionsAny(desc, WHOLE_CONTENT_WORDS)) continue;
    if (WHOLE_CONTENT.test(desc)) return sig('whole-content-parameter', `Takes the whole new content (${quote(p.name, 40)})`, quote(`${p.path}: ${desc}`));
  }
  return undefined;
}

/**
 * A path parameter's description saying the tool writes a file there: "File path to save the diagram", "Where to write the
 * report", "File path where the screenshot will be saved", "Absolute path to the output directory".
 */
const SAVE_PATH = /\b(?:path|file|location|destination)\s{1,3}(?:to|where\s{1,3}(?:to\s{1,3})?)\s{0,3}(?:save|write|store|export)\b|\bwhere\s{1,3}to\s{1,3}(?:save|write|store)\b|\b(?:saved|written|exported|stored)\s{1,3}(?:to|at|in)\b|\boutput\s{1,3}(?:file|path|directory|folder)\b|\bwhere\s{1,3}(?:the\s{1,3})?(?:[\w-]{1,30}\s{1,3})?(?:will\s{1,3}be|is|gets)\s{1,3}(?:saved|written|stored|exported)\b/i;
/** What every match of `SAVE_PATH` contains, tested first. */
const SAVE_PATH_WORDS = ['sav', 'writ', 'stor', 'export', 'output'];

/**
 * A required top-level path parameter the tool writes a file at (it creates or replaces that file) → write.
 * An optional one ("If omitted, the body is returned inline") leaves reading the tool's main use.
 */
function savesToPath(props: readonly SchemaProperty[], required: ReadonlySet<string>): SchemaFinding | undefined {
  for (const p of props) {
    if (p.depth !== 0 || !required.has(p.name) || isClosed(p) || !splitWords(p.name).some((w) => PATH_WORDS.has(w) || w === 'output' || w === 'destination')) continue;
    const desc = paramDescription(p);
    if (!mentionsAny(desc, SAVE_PATH_WORDS) || !SAVE_PATH.test(desc)) continue;
    return { category: 'write', signal: sig('output-path', `Writes a file at a path it is given (${quote(p.name, 40)})`, quote(`${p.path}: ${desc}`)) };
  }
  return undefined;
}

/** First words of a switch that keeps what the tool makes: `save_file`, `persist`, `writeToDisk`. */
const SAVING_SWITCHES = new Set(['save', 'persist', 'write', 'store']);
/** A description saying a switch is on unless turned off: "(default true)", "Defaults to true", "true by default". Bounded. */
const ON_BY_DEFAULT = /\bdefaults?\s{0,3}(?:is|:|=|to)?\s{0,3}true\b|\btrue\s{1,3}by\s{1,3}default\b/i;

/**
 * A top-level switch that saves what the tool makes and is on by default (`save_file`: "Save SVG to disk (default
 * true)"): unless told otherwise, the tool writes. One that is off by default (`saveToTmp`) leaves reading its main use.
 */
function savesByDefault(props: readonly SchemaProperty[]): SchemaFinding | undefined {
  for (const p of props) {
    if (p.depth !== 0 || p.schema?.type !== 'boolean' || !SAVING_SWITCHES.has(splitWords(p.name)[0] ?? '')) continue;
    const desc = paramDescription(p);
    if (p.schema.default !== true && !(p.schema.default === undefined && ON_BY_DEFAULT.test(desc))) continue;
    return { category: 'write', signal: sig('saving-switch', `Saves what it makes unless told not to (${quote(p.name, 40)})`, quote(desc ? `${p.path}: ${desc}` : p.path)) };
  }
  return undefined;
}

/** What a marking switch marks messages as: `markSeen`, `mark_as_read`, `markAsUnread`. */
const MARKED_STATES = new Set(['seen', 'read', 'unread', 'unseen']);

/** A top-level boolean that marks what the tool fetches as seen or read (`markSeen`): even a reading tool then changes state. */
function marksSeen(props: readonly SchemaProperty[]): SchemaFinding | undefined {
  for (const p of props) {
    if (p.depth !== 0 || p.schema?.type !== 'boolean') continue;
    const words = splitWords(p.name);
    if (words[0] !== 'mark' || words.length > 4 || !words.slice(1).some((w) => MARKED_STATES.has(w))) continue;
    const desc = paramDescription(p);
    return { category: 'write', signal: sig('marking-switch', `A switch that marks what it reads (${quote(p.name, 40)})`, quote(desc ? `${p.path}: ${desc}` : p.path)) };
  }
  return undefined;
}

/**
 * The names of the properties `test` picks. A loop into one array literal, not
 * `filter().map()`: an empty result of those has another shape in V8 than a full
 * one, and the first full one seen after many empty ones cost the (large) compiled
 * `schemaEvidence` a rebuild.
 */
function namesWhere(props: readonly SchemaProperty[], test: (p: SchemaProperty) => boolean): string[] {
  const names: string[] = [];
  for (const p of props) if (test(p)) names.push(p.name);
  return names;
}

/** Evidence from an input schema. */
export function schemaEvidence(inputSchema: unknown): SchemaEvidence {
  const walk = walkSchema(inputSchema);
  const props = unwrapped(walk.properties);
  const findings: SchemaFinding[] = [];
  const router = commandRouter(props);
  const required = asRecord(inputSchema)?.required;
  const requiredNames = new Set(Array.isArray(required) ? required.filter((r): r is string => typeof r === 'string') : []);
  for (const f of [codeParameter(props, router?.param), sendsMessage(props), catchAll(props), destroyingSwitch(props), savesToPath(props, requiredNames), savesByDefault(props), marksSeen(props)]) if (f) findings.push(f);
  const info: Signal[] = [];
  if (router) info.push(router.signal);

  const top = props.filter((p) => p.depth === 0);
  const paths = namesWhere(top, (p) => nameIsOneOf(p.name, PATH_WORDS));
  if (paths.length > 0) info.push(sig('path-parameter', 'Takes file paths', quote(paths.join(', '))));
  const urls = namesWhere(top, (p) => nameIsOneOf(p.name, URL_WORDS) || URL_FORMATS.has(asString(p.schema?.format)));
  if (urls.length > 0) info.push(sig('url-parameter', 'Takes URLs', quote(urls.join(', '))));

  if (walk.topLevelCount > HIGH_PARAMETER_COUNT) {
    const n = walk.topLevelCount >= 100_000 ? '100000+' : String(walk.topLevelCount);
    const names = top.slice(0, 12).map((p) => p.name).join(', ');
    info.push(sig('high-parameter-count', `High parameter count (${n} properties)`, quote(top.length > 12 ? `${names}, …` : names)));
  }
  const credential = credentialDefault(props);
  if (credential) info.push(credential);
  if (walk.truncated) info.push(sig('schema-truncated', 'Schema too large or deep to read fully', `read ${props.length} properties`));

  const money = moneyParameters(props);
  const contract = contractCall(props);
  const kinds = kindWords(props);
  const moneySwitch = deletesMoney(props);
  const whole = wholeContent(props);
  // Every key always present, `undefined` when there is nothing: one object shape for every tool, so the
  // classifier's compiled code reading these keys is not rebuilt each time a new mix of keys turns up.
  return { walk, findings, money, contractCall: contract, batchVerbs: batchVerbs(props), kinds, deletesMoney: moneySwitch, wholeContent: whole, info };
}

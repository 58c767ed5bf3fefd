/**
 * Evidence from a tool's description: the verb phrase it leads with
 * ("Creates…", "Returns…", "Permanently deletes…", "Move or rename…",
 * "Pesquisa…", "删除…"), statements that it is read-only, warnings that it
 * destroys data, and money nouns in its lead clause.
 *
 * Only the lead counts, not every word anywhere: "Returns the deleted items"
 * reads.
 */
import type { Category } from '../schemas/result.ts';
import { cut, fold, mentionsAny, quote } from './text.ts';
import {
  CJK_FILLERS,
  CJK_MONEY,
  CJK_VERBS,
  GRANTS,
  DIRECTIONS,
  GENERIC_VERBS,
  JA_VERBS,
  KO_VERBS,
  actionNoun,
  clearsOnlyTransient,
  handlesPrompt,
  lookupInflected,
  lookupVerb,
  moneyNouns,
  overwritesFromImage,
  recreatesStore,
  runsDebuggee,
  type Form,
  type VerbEntry,
} from './verbs.ts';

/**
 * How much of the start of a description is read for its lead verbs.
 * @default 600
 */
export const LEAD_CHARS = 600;

/** Sentences tried, in order, until one leads with a known verb. */
const MAX_SENTENCES = 2;

/** Words read past the lead verb looking for coordinated verbs ("Move or rename"). */
const COORDINATION_WORDS = 24;

/** A verb a description leads with. */
export interface LeadVerb {
  /** The folded word as written, e.g. `deletes`. */
  word: string;
  category: Category;
  entry: VerbEntry;
  /** The lead phrase, quoted for evidence. */
  phrase: string;
  /** Found in the second sentence because the first led with no known verb: weaker evidence. */
  secondary?: boolean;
  /**
   * The verb's base form when its object changed what it does ("Reset password" writes, "Restore a
   * droplet from a backup" destroys): the name's use of the same verb means the same.
   */
  reread?: string;
}

/** What a description says about its tool. */
export interface DescriptionEvidence {
  verbs: LeadVerb[];
  /** A quote saying the tool is read-only ("Read-only.", "does not modify…"). */
  readOnly?: string;
  /** A quote warning that it destroys data ("cannot be undone", "will overwrite"). */
  destructive?: string;
  /** A money noun in the lead clause ("Creates a payment…"). */
  money?: string;
  /** A quote saying the tool itself pays or charges ("it will be paid automatically", "Requires USDC payment"). */
  payment?: string;
  /** A lead sentence that marks an order or an invoice paid or refunded, or places a draft order ("Mark an order as paid"). */
  settles?: string;
  /**
   * A quote saying the tool saves files where it is told, or drives a browser ("…an absolute rootPath of
   * workspace to save workflow files", "…and Spider automates the browser"): it changes things,
   * whatever its lead verb says.
   */
  acts?: string;
  /**
   * The first sentence, when it leads with no verb but presents a chart, a report or a figure
   * ("KPI card: total revenue…", "Scatter chart: price vs qty", "Breakdown of orders by customer"),
   * or only names data ("Coin data.", "Trading pair data."): what the tool returns, so it reads.
   */
  display?: string;
}

// Words skipped before the lead verb: "This tool allows you to…", "Use this to…",
// "Tool for creating…", "Permite…", "Dieses Werkzeug…".
const FILLERS = new Set(
  [
    'this that the a an tool tools function endpoint api method mcp server use used using to for can will may',
    'allows allow lets let enables helps help you we i it which is be simply please just also then first',
    'easily quickly safely efficiently directly automatically here now utility helper command action operation',
    'esta este esse essa ferramenta herramienta funcao funcion permite serve sirve para usada usado utilizada',
    'cet cette outil fonction permet sert pour utilise',
    'dieses diese dieser werkzeug ermoglicht dient zum zur um zu',
  ]
    .join(' ')
    .split(' '),
);

/** Conjunctions that join coordinated verbs ("Move or rename", "Cria e atualiza"). */
const CONJUNCTIONS = new Set(['or', 'and', 'then', 'also', 'y', 'o', 'e', 'ou', 'et', 'oder', 'und', 'sowie', 'plus']);

/** Words after which a noun-like coordinated word is surely a verb: "Create or update a file", "Create, update or delete". */
const VERB_FOLLOWERS = new Set([
  'a', 'an', 'the', 'new', 'existing', 'one', 'multiple', 'all', 'any', 'your', 'its', 'their', 'it', 'them', 'or', 'and', ',',
  'um', 'uma', 'os', 'as', 'o', 'un', 'una', 'los', 'las', 'el', 'une', 'des', 'les', 'le', 'la', 'einen', 'eine', 'die', 'der', 'das',
]);

/** Words that start a verb's object, so that a word before them after a comma is a verb: "…, update the record". */
const OBJECT_STARTS = new Set([...VERB_FOLLOWERS].filter((w) => w !== ',' && w !== 'or' && w !== 'and'));

/** Verbs that put something new in the place of what was there. */
const REPLACING = new Set(['replace', 'overwrite']);
/** Objects that make a replacing verb replace everything: "Replace all links", "Set the entire list". */
const WHOLE = new Set(['all', 'every', 'entire', 'whole', 'existing']);

/** Destroying verbs that, with "as" ("Remove X as owner"), take a role away instead; a name may use any of them for the description's. */
export const UNASSIGNING: ReadonlySet<string> = new Set(['remove', 'delete', 'drop']);

/** Languages that, before "query" or "script", make it code to run. */
const CODE_LANGUAGES = new Set(['sql', 'graphql', 'cypher', 'sparql', 'javascript', 'js', 'python', 'shell', 'bash', 'powershell', 'typescript', 'lua', 'ruby', 'r']);

/** Names that "resolve" looks up: "Resolve DNS records", "Resolve a hostname". */
const RESOLVED_NAMES = new Set(['dns', 'hostname', 'hostnames', 'domain', 'domains', 'address', 'addresses', 'ip', 'id', 'ids', 'conid', 'uri', 'url', 'urls', 'path', 'paths', 'symbol', 'symbols', 'alias', 'aliases', 'reference', 'references']);
/** What "resolve" closes rather than looks up: "Resolve a comment thread", "Resolve a blocker". */
const DISCUSSIONS = new Set([
  'comment', 'comments', 'thread', 'threads', 'conversation', 'conversations', 'discussion', 'discussions', 'issue', 'issues', 'blocker', 'blockers',
  'conflict', 'conflicts', 'incident', 'incidents', 'alert', 'alerts', 'ticket', 'tickets', 'dispute', 'disputes', 'review', 'reviews', 'problem', 'problems', 'bug', 'bugs',
]);

/** Objects of "evaluate" that are code to run: "Evaluate code in the page", "Evaluate a script". */
const CODE_OBJECTS = new Set(['code', 'script', 'scripts', 'snippet', 'snippets']);

/**
 * What a snapshot shows rather than stores: "Take a snapshot of the page" reads
 * what is on screen; "Take a snapshot of a droplet" stores a copy of a machine.
 */
const DISPLAYED = new Set(['page', 'pages', 'screen', 'screens', 'tab', 'tabs', 'window', 'windows', 'element', 'elements', 'viewport', 'dom', 'ui', 'view', 'browser', 'canvas', 'frame', 'document', 'accessibility', 'a11y', 'preview', 'previews']);

/**
 * What a description that leads with a noun phrase presents: a chart, a figure or a summary is shown,
 * nothing is changed ("Radar chart comparing items", "KPI card: total revenue", "Breakdown of orders").
 */
const DISPLAY_NOUNS = new Set([
  // Not "graph": a knowledge graph is stored data ("Open specific nodes in the knowledge graph").
  'chart', 'charts', 'plot', 'plots', 'treemap', 'heatmap', 'histogram', 'sparkline', 'breakdown', 'overview',
  'summary', 'dashboard', 'kpi', 'kpis', 'analysis', 'analytics', 'visualization', 'visualisation', 'statistics', 'stats', 'metrics',
  // Figures: "Number of sessions ran per browser…", "CPU usage over time per node…".
  'number', 'count', 'counts', 'total', 'totals', 'average', 'avg', 'usage',
]);

/** Words read from the start of a verbless first sentence for a display noun. */
const DISPLAY_WORDS = 8;

/**
 * Nouns of records handed back, which end a first sentence that only names what the tool returns:
 * "Coin data.", "Funding rate history.", "News articles." (not "Update history.", a verb and its object,
 * nor "User data deletion.", whose head is an action).
 */
const DATA_HEADS = new Set([
  'data', 'history', 'histories', 'news', 'articles', 'tweets', 'tickers', 'quotes', 'prices', 'stocks', 'holdings', 'records',
  'logs', 'guides', 'metadata', 'details', 'info', 'information',
]);

/** The most words (outside brackets) of a first sentence read as a heading that names data. */
const HEADING_WORDS = 6;

/** Verbs that, creating or starting something, run code when it is a deployment or comes from source or a container image. */
const LAUNCHING = new Set(['create', 'trigger', 'start', 'launch', 'add', 'spin']);
/** Objects that are themselves runs of code: "Trigger a new deployment", "Start a build". */
const RUN_OBJECTS = new Set(['deployment', 'deployments', 'redeploy', 'redeployment', 'build', 'builds']);
/**
 * What runs when it is triggered or started, though not when it is created: "Trigger a pipeline run", "Start
 * the pipeline for a branch" (a CI pipeline runs the repository's code; "Create a pipeline" only defines one).
 */
const PIPELINES = new Set(['pipeline', 'pipelines']);
/** Verbs that set going what is already defined. */
const SETTING_OFF = new Set(['trigger', 'start', 'launch']);
/** Sources whose code a service created from them builds and runs: "from a GitHub repository", "from a Docker image". */
const CODE_SOURCES = new Set(['repository', 'repositories', 'repo', 'repos', 'dockerfile', 'source']);
/** Images that are code to run (a container's), as against a machine's disk image. */
const CONTAINER_WORDS = new Set(['docker', 'container', 'oci']);

/** Objects that are a link between two things, which survive its removal: "Remove one user's assignment from…". */
const ASSOCIATIONS = new Set([
  'assignment', 'assignments', 'association', 'associations', 'membership', 'memberships', 'binding', 'bindings',
  // "Remove a signal connection from a scene file": the link goes; both ends stay.
  'connection', 'connections',
  // "Remove a dependency between tasks": the link between them goes; both tasks stay.
  'dependency', 'dependencies',
  // "Remove approval from a pull request": a reviewer's mark is taken back; the request stays.
  'approval', 'approvals',
  // "Delete a credential list mapping from the requested domain": the domain and the list both stay.
  'mapping', 'mappings',
]);

/**
 * Marks that sort or label things, which stay when taken off one: "Remove a tag from a task".
 * Not "Remove a shared label" with nothing it is taken off: the label itself goes, from every task.
 */
const MARKS = new Set(['tag', 'tags', 'label', 'labels']);

/** What is set on a thing and taken off it again, the thing staying: "Remove a previously set schedule from a release". */
const SET_ON = new Set([...MARKS, 'schedule', 'schedules']);
/** Places where a thing is kept, so that removing it from one deletes it: "Remove tag from system". */
const STORES = new Set(['system', 'server', 'instance', 'database', 'db', 'storage', 'registry', 'library', 'catalog', 'platform']);

/**
 * States a stored thing is converted to, which it keeps being: "Convert a pull request to draft status"
 * changes the request, while "Convert Markdown to HTML" computes a new text.
 */
const STATES = new Set(['draft', 'drafts', 'status', 'state', 'ready']);

/** People who belong to a group, a team or a project and stay users when removed from it: "Remove a team member". */
const MEMBERS = new Set(['member', 'members', 'collaborator', 'collaborators', 'participant', 'participants', 'assignee', 'assignees', 'reviewer', 'reviewers', 'moderator', 'moderators']);
/** Groupings whose members survive being taken out of them: "Remove a project from an access group", "Remove a dashboard from favourites". */
const GROUPINGS = new Set(['group', 'groups', 'team', 'teams', 'favorites', 'favourites', 'list', 'lists', 'segment', 'segments', 'audience', 'audiences', 'cohort', 'cohorts']);
/** Words before "link" that make it a way in to something shared, which survives the link: "Remove the public sharing link for a dashboard". */
const SHARING = new Set(['share', 'sharing', 'shared', 'public']);
/** A whole configuration, which replacing puts a new one in the place of: "Create or replace firewall configuration". */
const CONFIGURATIONS = new Set(['config', 'configs', 'configuration', 'configurations', 'settings', 'policy', 'policies', 'ruleset', 'rulesets']);

/** Texts that evaluating checks against rules, computing a verdict: "Evaluate a text prompt against content policies" (not an expression, which runs). */
const JUDGED_TEXTS = new Set(['prompt', 'prompts', 'text', 'texts', 'content', 'message', 'messages', 'input', 'inputs', 'response', 'responses']);

/** Things scheduled to happen, whose deletion cancels the happening and loses no stored data: "Delete an alarm for an object". */
const SCHEDULED = new Set(['alarm', 'alarms', 'timer', 'timers', 'reminder', 'reminders']);

/** Verbs of making something new whose object decides what is made: "Generate embeddings from text". */
const GENERATING = new Set(['generate', 'generates', 'generating', 'genera', 'gera', 'genere', 'generiert']);

/**
 * What a model or a generator computes and hands back, changing nothing: "Generate text using an AI model",
 * "Generate embeddings from text", "Generate images using a model". An API key, a link or a report
 * file generated is something else.
 */
const MODEL_OUTPUTS = new Set([
  'text', 'texts', 'image', 'images', 'embedding', 'embeddings', 'vector', 'vectors', 'completion', 'completions', 'caption', 'captions',
  'speech', 'audio', 'transcription', 'transcriptions', 'transcript', 'translation', 'translations', 'summary', 'summaries', 'answer', 'answers',
  // "Generate a minimal HTML usage example for a component", "Generate just the HTML snippet for a pattern".
  'example', 'examples', 'snippet', 'snippets',
  // "Generate comprehensive analytical reports on … data", "Generate a political landscape overview": an analysis
  // computed and handed back (not "a report file", whose head is the file, nor one saved: `SAVED_OUTPUT`).
  'report', 'reports', 'overview', 'overviews', 'analysis', 'analyses', 'assessment', 'assessments', 'briefing', 'briefings',
]);

/**
 * A path parameter's place for the files the tool saves ("rootPath of workspace to save workflow files"),
 * or a browser driven ("Spider automates the browser"; not "the status of a browser automation"). Bounded, linear.
 */
const ACTS =
  /(?:path|director(?:y|ies)|folder)\b[^.\n]{0,40}?\bto\s{1,3}(?:save|write|store)\s{1,3}(?:[\w-]{1,30}\s{1,3}){0,2}?files?\b|\bautomates?\s{1,3}(?:the\s{1,3}|a\s{1,3})?(?:web\s{1,3})?browser\b/i;

/**
 * Destroying gerunds after "by", which name the means of a change: "Unsplit a transaction by deleting its children",
 * "Mutates a workout by replacing all exercises and sets" (what was there is gone; not "by replacing all occurrences", an edit).
 */
const DESTROYING_MEANS =
  /\bby\s{1,3}(?:permanently\s{1,3})?(?:deleting|removing|erasing|destroying|purging|wiping|overwriting|discarding|replacing\s{1,3}(?:all|every)\s{1,3}(?!occurrences?\b|instances?\b|matches\b|matching\b))\b/i;
/** What every match of `DESTROYING_MEANS` contains, tested first: most descriptions have none. */
const DESTROYING_MEANS_WORD = 'by ';

/** The head noun of the object a list of verbs shares, read from `from` past the rest of the list: "tags" in "removes, or replaces tags on…". */
function sharedObject(toks: readonly string[], from: number): string {
  let k = from;
  // A verb-like word right before a preposition is the object itself ("tags on assets").
  const listed = (j: number) => toks[j] === ',' || CONJUNCTIONS.has(toks[j]) || isAdverb(toks[j]) || (lookupInflected(toks[j]) !== undefined && !OBJECT_ENDINGS.has(toks[j + 1] ?? ''));
  while (k < toks.length && k < from + 8 && listed(k)) k++;
  return headNoun(toks.slice(k, k + 6));
}

/** Words after "call" that make it advice on when to call the tool: "call FIRST for any question". */
const CALL_TIMES = new Set(['this', 'it', 'me', 'first', 'before', 'after', 'when', 'once']);
/** Words before "call" that make it a noun: "This is the first call to make". */
const CALL_NOUN_STARTS = new Set(['the', 'a', 'first']);

/**
 * "Call this FIRST for any task", "Invoke this tool before…", "call FIRST for almost any question": advice to the
 * model on when to use the tool, not what the tool does; the words after it may say that ("Call this tool to
 * get…"). "This is the first call to make": a call, the noun.
 */
function callsItself(toks: readonly string[], i: number): boolean {
  return (toks[i] === 'call' || toks[i] === 'invoke') && (CALL_TIMES.has(toks[i + 1] ?? '') || CALL_NOUN_STARTS.has(toks[i - 1] ?? ''));
}

/** True when `words[k]` is the "drop" of "drag and drop" ("drag-and-drop"). */
function isDragAndDrop(words: readonly string[], k: number): boolean {
  return words[k] === 'drop' && words[k - 1] === 'and' && words[k - 2] === 'drag';
}

/** Verbs whose object is an event to wait for, whose own verbs describe it: "Wait for an element to appear or change". */
const WAITING = new Set(['wait', 'await']);

/** Words after which a lead sentence says when, not what: "…after a transaction", "…before a payment is made". */
const TIME_WORDS = new Set(['after', 'before', 'during', 'following', 'once']);

/** Query languages that can only read: "Execute SOQL queries" runs nothing that changes data. */
const READ_ONLY_LANGUAGES = new Set(['soql', 'sosl', 'promql', 'logql', 'traceql', 'jql', 'jmespath', 'jsonpath', 'xpath']);

/** Texts that "build" or "construct" puts together and returns, running nothing: a URL, a query, a command line. */
const BUILT_TEXTS = new Set(['url', 'urls', 'uri', 'link', 'links', 'endpoint', 'query', 'queries', 'string', 'command', 'commands', 'request', 'payload', 'filter', 'expression', 'prompt']);
/**
 * Texts handed back when they are the object itself, before any preposition: "Generate a custom color palette…",
 * "Generate HTML component templates…" (not "Generate a PDF from a template", nor "… a template file").
 */
const RETURNED_TEXTS = new Set(['palette', 'palettes', 'template', 'templates', 'snippet', 'snippets']);
/** Words that make what is generated a file: "Generate a template file in the project". */
const FILE_WORDS = new Set(['file', 'files', 'folder', 'folders', 'directory', 'directories', 'disk']);

/** True when a text of `BUILT_TEXTS` is named before another action starts ("Build the app and run its command" builds the app). */
function builtText(object: readonly string[]): boolean {
  const end = object.findIndex((w) => OBJECT_ENDINGS.has(w));
  const head = end < 0 ? object : object.slice(0, end);
  if (head.some((w) => RETURNED_TEXTS.has(w)) && !head.some((w) => FILE_WORDS.has(w))) return true;
  for (const w of object) {
    // "Generate a public sharing link", "Generate a customer portal link": a way in for someone, a session that
    // did not exist before, is made.
    if (w === 'and' || w === 'then' || SHARING.has(w) || ACCESS_LINKS.has(w)) return false;
    if (BUILT_TEXTS.has(w)) return true;
  }
  return false;
}

/** Words of a link that opens a session for someone: a customer portal, a checkout, an invitation, a login. */
const ACCESS_LINKS = new Set(['customer', 'customers', 'portal', 'checkout', 'payment', 'billing', 'invite', 'invitation', 'login', 'signup', 'magic', 'session', 'onboarding']);

/** What "verify" proves and the service records as verified: "Verify your identity", "Verify domain ownership". */
const VERIFIED_CLAIMS = new Set(['identity', 'ownership', 'domain', 'email', 'phone', 'account']);

/**
 * What "track" follows rather than records: "Track legislative procedure progress", "Track search engine
 * result page positions", "Track and analyze attendance patterns" (not "Track an event", "Track time on a
 * task", nor "Track changes", which switches change tracking on).
 */
const TRACKED_MEASURES = new Set([
  'progress', 'status', 'statuses', 'position', 'positions', 'ranking', 'rankings', 'score', 'scores', 'pattern', 'patterns',
  'trend', 'trends', 'metric', 'metrics', 'performance', 'attendance', 'updates',
]);

/** Form controls that "check" ticks rather than inspects: "Check a checkbox or radio button". */
const TICKED_CONTROLS = new Set(['checkbox', 'checkboxes', 'radio', 'radios']);
/** Words after "check" that make it a question: "Check if a checkbox is checked". */
const QUESTION_STARTS = new Set(['if', 'whether', 'that', 'for']);

/**
 * Where a computed output is saved: "… asset on disk", "… to a file", "… to a SQL file", "… to a specified local path"; not when it is one choice of two
 * ("Download a file as base64 or to disk"), nor a link to a file ("Retrieve a link to a CSV file"). Bounded, no nested quantifiers.
 */
const SAVED_OUTPUT = /(?<!\bor\s{1,3})\b(?:on|to)\s{1,3}disk\b|(?<!\b(?:or|link|links|url|urls|path|paths)\s{1,3})\bto\s{1,3}(?:an?|the)\s{1,3}(?:(?:specified|given|provided)\s{1,3})?(?:local\s{1,3})?(?:[\w.]{1,12}\s{1,3})?(?:file|path)\b/i;

/**
 * The model's context as a destination, ending the sentence (so that no other action follows): "… to your
 * context", "… into the LLM's context" (not "… to the build context", a folder a build reads). Bounded, no
 * nested quantifiers.
 */
const INTO_CONTEXT = /\b(?:to|into)\s{1,3}(?:your|the|my|this)\s{1,3}(?:(?:llm|model|ai|agent|assistant|conversation|chat)(?:['’]s)?\s{1,3})?context\W{0,3}$/i;

/** Verbs that bring something in: "Add a Figma file to your context", "Load a document into the context". */
const BRINGING = new Set(['add', 'load', 'attach', 'bring', 'pull', 'insert', 'inject', 'put', 'include']);

/** What a sum adds, after an optional count: "two numbers", "a pair of integers". */
const NUMBERS = new Set(['numbers', 'integers', 'floats', 'decimals']);
/** Counts that may stand before `NUMBERS`. */
const COUNTS = new Set(['two', 'three', 'several', 'multiple', 'some', 'the', 'a', 'pair', 'of', 'list', 'set', 'any', 'given']);

/** Words that make a model's answer cost something: "…, billed from Conway credits". */
const BILLING_WORDS = new Set(['billed', 'charged', 'paid', 'credits', 'cost', 'costs', 'fee', 'fees']);
/** Verbs that hand a model a prompt: "Send a task to a local LLM". */
const PROMPTING = new Set(['send', 'submit', 'pass']);

/** What a chat is held with when its reply is all that comes back: "Chat with a model". */
const MODELS = new Set(['model', 'models', 'llm', 'llms', 'ai', 'assistant', 'chatbot', 'gpt']);

/** What a tool's parameters take, after "Accepts": ids, names, paths, URLs, lists of them. */
const INPUT_NOUNS = new Set(['id', 'ids', 'identifier', 'identifiers', 'name', 'names', 'url', 'urls', 'uri', 'uris', 'path', 'paths', 'array', 'list', 'string', 'strings', 'value', 'values', 'parameter', 'parameters', 'argument', 'arguments', 'input', 'inputs', 'either', 'bare']);

/**
 * True when `word` (folded) stands in `sentence` only capitalised (not in capitals): a name ("…or Resend dashboard
 * URL"). Linear: one pass over the sentence's words.
 */
function namedInSentence(sentence: string, word: string): boolean {
  let seen = false;
  for (const m of sentence.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    if (fold(m[0]) !== word) continue;
    if (m[0][0] === m[0][0].toLowerCase() || m[0] === m[0].toUpperCase()) return false;
    seen = true;
  }
  return seen;
}

/** Who calls a tool, when a description makes it the subject: "Agent provides…", "The caller reports…". */
const CALLERS = new Set(['agent', 'agents', 'caller', 'callers']);
/** What a calling agent does when it hands something to the tool (third person: "provides", "submits"). */
const GIVING = new Set(['provides', 'submits', 'reports', 'contributes', 'shares', 'records', 'declares', 'supplies', 'posts']);

/**
 * "Smart entry point: finds owning agent, walks…": a short label before a colon, and what the tool
 * does after it. Only a label of one to four words, so that a sentence is not cut at a colon of its own.
 */
function afterLabel(sentence: string): string | undefined {
  const colon = sentence.indexOf(': ');
  if (colon <= 0 || colon > 40) return undefined;
  const words = sentence.slice(0, colon).trim().split(/\s+/);
  return words.length <= 4 ? sentence.slice(colon + 2) : undefined;
}

/** True when a verb's object (the words after it) is a run of code or comes from source or a container image. */
function launchesCode(object: readonly string[]): boolean {
  const i = afterArticles(object);
  // "Start a build", "Trigger a new deployment for the app" (not "Create a new build model": a model).
  if (RUN_OBJECTS.has(object[i] ?? '') && endsObject(object, i)) return true;
  const end = Math.min(object.length, 10);
  for (let j = i; j < end; j++) {
    // "Create a new agent in a new tmux pane", "Start a server in a terminal window": a process is started.
    if (object[j] === 'in' && startsProcess(object.slice(j + 1, j + 5))) return true;
    if (object[j] !== 'from' && object[j] !== 'using') continue;
    const source = object.slice(j + 1, j + 5);
    if (source.some((w) => CODE_SOURCES.has(w))) return true;
    const image = source.findIndex((w) => w === 'image' || w === 'images');
    if (image > 0 && CONTAINER_WORDS.has(source[image - 1])) return true;
    return false;
  }
  return false;
}

/** Words after "navigate" that make it a browser's move: "to a URL", "back", "the page". */
const BROWSER_MOVES = new Set(['to', 'back', 'forward', 'away', 'through', 'url', 'urls', 'link', 'links', 'site', 'website', 'web']);

/** True for "navigate" with a direct object that is no page, tab or URL: "navigate SonarQube components". */
function browsesStructure(base: string, object: readonly string[]): boolean {
  if (base !== 'navigate' || object.length === 0) return false;
  return !object.some((w) => BROWSER_MOVES.has(w) || DISPLAYED.has(w));
}

/** "two numbers", "a pair of integers", with nothing after them but "together": the whole object is numbers, and no other action follows. */
function computesOnNumbers(object: readonly string[]): boolean {
  let i = 0;
  while (i < object.length && (COUNTS.has(object[i]) || /^\d+$/.test(object[i]))) i++;
  if (!NUMBERS.has(object[i] ?? '')) return false;
  const next = object[i + 1];
  return next === undefined || next === 'together';
}

/** "a (new) pipeline run", "the pipeline for main": a pipeline, or its run, is the whole object (not "the pipeline editor"). */
function startsPipeline(object: readonly string[]): boolean {
  const i = afterArticles(object);
  return PIPELINES.has(object[i] ?? '') && (endsObject(object, i) || object[i + 1] === 'run' || object[i + 1] === 'runs');
}

/** Where an object's own words start, after its articles and "new": 1 in "a build", 2 in "a new pipeline run". */
function afterArticles(object: readonly string[]): number {
  let i = 0;
  while (i < object.length && (ARTICLES.has(object[i]) || object[i] === 'new')) i++;
  return i;
}

/** True when the word at `i` ends the object: nothing or a preposition after it ("a build", "the pipeline for main"). */
function endsObject(object: readonly string[], i: number): boolean {
  return object[i + 1] === undefined || OBJECT_ENDINGS.has(object[i + 1]);
}

/** What a started program runs in: "Start the agent container". */
const CONTAINERS = new Set(['container', 'containers']);

/** "(a new) tmux pane", "a terminal window", "a pty": where a started program runs. */
function startsProcess(place: readonly string[]): boolean {
  const k = afterArticles(place);
  if (k >= place.length) return false;
  if (place[k] === 'tmux' || place[k] === 'pty') return true;
  return (place[k] === 'terminal' || place[k] === 'shell') && TERMINAL_PARTS.has(place[k + 1] ?? '');
}

/** What a terminal is split into: "a terminal window", "a shell session". */
const TERMINAL_PARTS = new Set(['pane', 'panes', 'window', 'windows', 'session', 'sessions', 'tab', 'tabs']);

/** Verbs that draw a picture of data given to them: "Generate a pie chart to show…", "Render a flow diagram". */
const RENDERING_VERBS = new Set(['generate', 'generates', 'render', 'renders', 'draw', 'draws', 'plot', 'plots', 'visualize', 'visualizes', 'visualise', 'visualises']);
/** Pictures a rendering verb draws: the charts of `DISPLAY_NOUNS`, diagrams and maps (not a summary or a dashboard, which may be stored). */
const RENDERED_NOUNS = new Set(['chart', 'charts', 'plot', 'plots', 'treemap', 'heatmap', 'histogram', 'sparkline', 'visualization', 'visualisation', 'diagram', 'diagrams', 'map', 'maps']);

/** "…as the primary tool to…", "…as your first step…". */
const PREFERRED = new Set(['primary', 'main', 'preferred', 'default', 'first', 'best', 'recommended']);

/** What "format" wipes rather than lays out: "Format a disk", "Format the volume as FAT32". */
const VOLUMES = new Set(['disk', 'disks', 'drive', 'drives', 'volume', 'volumes', 'partition', 'partitions', 'sd', 'usb', 'filesystem']);

/** Who may want something of the tool: "when the user wants…", "if you need…". */
const ASKERS = new Set(['user', 'users', 'you', 'caller', 'agent', 'model']);
/** "…wants", "…needs", "…asks for". */
const WANTING = new Set(['want', 'wants', 'need', 'needs', 'ask', 'asks', 'asked', 'requests', 'request']);
/** What is wanted when it is to be read: "…wants details for a flight", "…needs the status of…". */
const INFO_NOUNS = new Set(['details', 'detail', 'information', 'info', 'data', 'status', 'overview', 'summary', 'facts', 'statistics', 'stats', 'metrics', 'insights']);

/** After "submit": "… to run", "… to execute", "… for execution". */
function submitsToRun(object: readonly string[]): boolean {
  return object.some((w, k) => (w === 'to' && (object[k + 1] === 'run' || object[k + 1] === 'execute')) || (w === 'for' && object[k + 1] === 'execution'));
}

/** "Set from_pantry=true…", "Set `verbose` to true…": a parameter set to a value (bounded, linear). */
const PARAMETER_ADVICE = /^\W{0,3}set\s{1,3}[`'"]?[\w.-]{1,60}[`'"]?\s{0,3}(?:=|to\s{1,3}[`'"]?(?:true|false|yes|no)\b)/i;

/** "Build a … URL", "Construct an interactive map of…": a text or a picture put together and returned, not code built. */
function buildsTextOrPicture(base: string, object: readonly string[]): boolean {
  return (base === 'build' || base === 'construct') && (builtText(object) || RENDERED_NOUNS.has(headNoun(object)));
}

/** A verbless sentence that presents a chart, a report or a figure, or one that renders a chart: its quote, else undefined. */
function displayPhrase(sentence: string): string | undefined {
  const toks = tokens(sentence, DISPLAY_WORDS);
  const rendering = RENDERING_VERBS.has(toks[0] ?? '');
  const at = toks.findIndex((w) => (rendering ? RENDERED_NOUNS : DISPLAY_NOUNS).has(w));
  if (at < 0) return undefined;
  // "Upgrade an existing Helm chart release": a word before an article is a verb the lexicon does not know.
  if (at > 1 && OBJECT_STARTS.has(toks[1]) && !rendering) return undefined;
  // "Dashboard update tool": a verb before the noun is what happens to it (after a rendering verb,
  // words before the noun say what is drawn: "a point map", "a flow diagram").
  // "Failed sessions count", "Queued tests per hour": a past participle before the noun describes it.
  if (!rendering && toks.slice(0, at).some((w) => { const v = lookupInflected(w); return v !== undefined && v.entry.category !== 'read' && v.form !== 'ed'; })) return undefined;
  return quote(sentence, 80);
}

/**
 * A first sentence that is only a short noun phrase ending in a noun of data ("Coin treasury data (corporate
 * holdings).", "Trading pair data."): its quote, else undefined. An -ing form leading it is a modifier
 * ("Trading pair data."); any other verb makes it an order ("Export audit logs.", "Check browser logs.",
 * "Update history.").
 */
function dataHeading(sentence: string, lead: readonly LeadVerb[]): string | undefined {
  // Checked first: most first sentences lead with a verb, and then no heading is read at all.
  if (!lead.every((v) => lookupInflected(v.word)?.form === 'ing')) return undefined;
  const bare = sentence.replace(/\([^()]{0,200}\)/g, ' ').trim();
  if (!/^[^.!?]*[.!?]?$/.test(bare)) return undefined;
  const toks = tokens(bare, HEADING_WORDS + 1).filter((w) => w !== ',' && w !== '/');
  if (toks.length === 0 || toks.length > HEADING_WORDS) return undefined;
  const head = toks.at(-1)!;
  return DATA_HEADS.has(head) && toks.length >= 2 ? quote(sentence, 80) : undefined;
}

/** Articles skipped between a generic verb and its object ("Performs a search"). */
const ARTICLES = new Set(['a', 'an', 'the', 'one', 'some', 'um', 'uma', 'un', 'una', 'une', 'le', 'la', 'eine', 'einen', 'ein']);

/**
 * The last word of a verb's object, up to the first preposition (of the few words given): "alarm" in
 * "an alarm for a Durable Object", "history" in "the alarm history of a device".
 */
function headNoun(after: readonly string[]): string {
  const end = after.findIndex((w) => OBJECT_ENDINGS.has(w));
  return (end < 0 ? after : after.slice(0, end)).at(-1) ?? '';
}

/** Words that end a verb's object: "Generate text using a model", "Delete an alarm for an object". */
const OBJECT_ENDINGS = new Set(['from', 'for', 'of', 'to', 'in', 'on', 'at', 'with', 'using', 'via', 'by', 'into', 'between', 'based', 'and', 'or', ',', '/', 'de', 'con', 'com', 'avec', 'mit', 'aus']);

/** True when the object after a generating verb (up to five words) is what a model outputs: text, images, embeddings (not "a text file"). */
function generatesModelOutput(after: readonly string[]): boolean {
  const head = headNoun(after);
  if (MODEL_OUTPUTS.has(head)) return true;
  // "Generate a secure password or passphrase": a random secret computed and returned. One generated
  // for a user or an account ("Generate a new password for user X") is set on it: that writes.
  if (RANDOM_SECRETS.has(head)) return !after.some((w) => SECRET_OWNERS.has(w));
  // "Generate random values: UUID, ULID…", "Generate a random number": values drawn and returned (not one for an owner).
  if ((after[0] === 'random' || (ARTICLES.has(after[0] ?? '') && after[1] === 'random')) && !after.some((w) => SECRET_OWNERS.has(w))) return true;
  // "Generate a QR code for an invoice": an image of what it encodes, rendered and returned.
  if (head === 'code' || head === 'codes') return RENDERED_CODES.has(after[after.indexOf(head) - 1] ?? '');
  return false;
}

/** Secrets a generator computes at random and returns: a password, a passphrase. */
const RANDOM_SECRETS = new Set(['password', 'passwords', 'passphrase', 'passphrases']);
/** Words that give a generated secret an owner it is set on: "a new password for user X". */
const SECRET_OWNERS = new Set(['for', 'of', 'on', 'to']);

/** Words before "code" that make it an image rendered from data: a QR code, a bar code. */
const RENDERED_CODES = new Set(['qr', 'bar']);

/** True when the words after "track", up to a preposition, name a measure it follows (`TRACKED_MEASURES`). */
function tracksMeasure(after: readonly string[]): boolean {
  for (const w of after) {
    if (TRACKED_MEASURES.has(w)) return true;
    if (OBJECT_ENDS_TRACK.has(w)) return false;
  }
  return false;
}

/** Words that end the object of "track": "Track time on a task" follows no measure. */
const OBJECT_ENDS_TRACK = new Set(['on', 'for', 'of', 'to', 'in', 'with', 'by', 'from', 'at', 'per']);

/** True for "force" before a verb's base form, which says how that verb acts: "Force trigger a cron schedule" (not "Force billing sync"). */
function forcesVerb(toks: readonly string[], i: number): boolean {
  return toks[i] === 'force' && lookupVerb(toks[i + 1] ?? '') !== undefined;
}

/** True for an adverb to skip: "Permanently", "completamente", "définitivement". */
function isAdverb(w: string): boolean {
  // Not a verb that ends in -ly: "apply", "reply", "supply", "multiply".
  return (w.length > 4 && w.endsWith('ly') && lookupInflected(w) === undefined) || (w.length > 6 && w.endsWith('mente')) || (w.length > 6 && w.endsWith('ement'));
}

/**
 * Tokens of one sentence (at most `max`): words (letters/digits/apostrophes; snake_case identifiers whole), commas, and slashes
 * between two words ("list/get/create/delete"), folded.
 */
function tokens(sentence: string, max = 61): string[] {
  const out: string[] = [];
  // A snake_case identifier stays one token ("Use place_id values…"): a parameter's name, never a verb.
  for (const m of sentence.matchAll(/[\p{L}\p{N}\p{M}'’]+(?:_[\p{L}\p{N}\p{M}]+)*|,|(?<=\p{L})\/(?=\p{L})/gu)) {
    out.push(m[0] === ',' || m[0] === '/' ? m[0] : fold(m[0].replace(/['’]s$/, '')));
    if (out.length >= max) break;
  }
  return out;
}

/** Strips leading markup and labels: "# ", "**", "- ", "[beta]", "get_user:", "DEPRECATED:", "Notion | ", "🔒 Pro — ". */
function stripLead(s: string): string {
  let t = s;
  for (let i = 0; i < 4; i++) {
    const before = t;
    t = t.replace(/^[\s#>*_`"'“”‘’|\-•·\p{Extended_Pictographic}\p{So}\u{FE0F}\u{200D}]+/u, '');
    t = t.replace(/^[[(][^\])\n]{0,40}[\])]\s*/u, '');
    t = t.replace(/^[\p{L}\p{N}_.\-/]{1,64}\s*[:：]\s+/u, '');
    // "FOR CREATE-UI WORKFLOW (/cui): Fetch…", "IMPORTANT NOTE: …": a label in capitals, of a few words.
    t = t.replace(/^\p{Lu}[\p{Lu}\p{N}_\-/&]*(?:\s{1,3}(?:[\p{Lu}\p{N}_\-/&]+|\([^)\n]{0,30}\))){1,9}\s{0,3}[:：]\s+/u, '');
    // "Notion | Append block children", "GitHub — Create an issue", "Compute operations - Commands for…":
    // a product label and a bar or a dash (a hyphen with space on both sides).
    t = t.replace(/^[\p{L}\p{N}_.\-/]{1,40}(?: [\p{L}\p{N}_.\-/]{1,40}){0,2}\s{1,3}[|–—-]\s+/u, '');
    if (t === before) break;
  }
  return t;
}

/** The first sentences of a description's head. */
function sentences(head: string): string[] {
  const out: string[] = [];
  for (const part of head.split(/(?<=[.!?])\s+|\n+|[。！？；;]/u)) {
    // "…per device; rate-limited).": the end of a parenthesis cut at its semicolon, not a sentence.
    if (/^[^()]*\)\W*$/.test(part)) continue;
    const s = stripLead(part).trim();
    if (s.length > 0) out.push(s);
    if (out.length >= MAX_SENTENCES) break;
  }
  return out;
}

/** Chinese words that open a phrase of what an action goes by: 根据 (according to), 通过 (by means of), 按照, 依据, 基于. */
const CJK_BASIS = ['根据', '通过', '按照', '依据', '基于'];
/** Chinese words that join a second verb to the first: 并 (and also), 然后 (then), 再 (again, then), 或 (or). */
const CJK_JOINERS = ['并', '然后', '再', '或'];

/** A verb found in a sentence of a language without English inflections, quoting the sentence. */
function sentenceVerb(word: string, category: Category, sentence: string): LeadVerb {
  return { word, category, entry: { category }, phrase: quote(sentence, 60) };
}

/** The lead verbs of a Chinese sentence, which has no spaces: a verb right at its start. */
function cjkLead(sentence: string): LeadVerb[] {
  let s = sentence;
  for (let i = 0; i < 3; i++) {
    const filler = CJK_FILLERS.find((f) => s.startsWith(f));
    if (!filler) break;
    s = s.slice(filler.length);
  }
  const found = CJK_VERBS.find(([verb]) => s.startsWith(verb));
  if (found) {
    const [verb, category] = found;
    return [sentenceVerb(verb, category, sentence)];
  }
  // "根据商品名称和规格下单，…" (places an order by product name and spec): after a phrase of what it goes by, the
  // clause's first verb is its action, and so is each verb joined to it ("根据ID查询并删除记录": queries and
  // deletes); other verbs are as often parts of nouns ("查询执行日志": queries execution logs).
  if (CJK_BASIS.some((b) => s.startsWith(b))) {
    const clause = s.slice(0, 60).split(/[，,。;；]/u)[0];
    let first: readonly [string, Category] | undefined;
    let at = Infinity;
    for (const entry of CJK_VERBS) {
      const k = clause.indexOf(entry[0]);
      if (k > 0 && k < at) [first, at] = [entry, k];
    }
    if (first) {
      const joined = CJK_VERBS.filter(([verb]) => verb !== first[0] && CJK_JOINERS.some((j) => clause.includes(j + verb)));
      return [first, ...joined].map(([verb, category]) => sentenceVerb(verb, category, sentence));
    }
  }
  const ja = japaneseLead(sentence);
  return ja.length > 0 ? ja : cjkLookup(sentence);
}

/**
 * A Chinese sentence with no verb at its start that names only reads ("地点详情检索服务": a place-details
 * retrieval service; "通过IP地址获取位置信息": gets a location by IP address): a read. Any other
 * kind of verb in it (删除, 创建…) leaves it unread.
 */
function cjkLookup(sentence: string): LeadVerb[] {
  if (!/\p{Script=Han}/u.test(sentence)) return [];
  const head = sentence.slice(0, 80);
  let read: string | undefined;
  for (const [verb, category] of CJK_VERBS) {
    if (!head.includes(verb)) continue;
    if (category !== 'read') return [];
    read ??= verb;
  }
  return read ? [sentenceVerb(read, 'read', sentence)] : [];
}

/**
 * The verb of a Japanese sentence, at its end: "メッセージを取得します" (gets messages), or
 * "既読にします" (makes them read: a state set, a write).
 */
function japaneseLead(sentence: string): LeadVerb[] {
  const end = /(\p{Script=Han}{2})(?:します|しました|する)[。.]?$|(に)(?:します|する)[。.]?$/u.exec(sentence.slice(-40));
  if (!end) return [];
  const verb = end[1] ?? `${end[2]}します`;
  const category = end[1] !== undefined ? JA_VERBS.get(end[1]) : 'write';
  if (!category) return [];
  return [sentenceVerb(verb, category, sentence)];
}

/**
 * The verb of a Korean sentence, at its end: "상세 정보를 조회합니다" (looks up the details),
 * "메시지를 삭제하는 도구입니다" (a tool that deletes messages). The verb noun may be written
 * against the word before it ("정보조회합니다"), so the end of the word is looked up, longest first.
 */
function koreanLead(sentence: string): LeadVerb[] {
  const end = /(\p{Script=Hangul}{2,8})\s?(?:합니다|한다|해요|하기|함|하세요|해\s?줍니다|하는\s(?:도구|툴|기능)(?:입니다)?)[.。!]?$/u.exec(sentence.slice(-40));
  if (!end) return [];
  for (let len = Math.min(4, end[1].length); len >= 2; len--) {
    const verb = end[1].slice(-len);
    const category = KO_VERBS.get(verb);
    if (category) return [sentenceVerb(verb, category, sentence)];
  }
  return [];
}

/** Whether a coordinated verb matches the lead verb's English form ("Creates or overwrites", "Move or rename"). */
function sameForm(a: Form, b: Form): boolean {
  return a === b;
}

/** True for a verb that is not as often a noun, which a direction before it qualifies ("geocode", not "emails"). */
function qualifiesVerb(word: string | undefined): boolean {
  const next = word === undefined ? undefined : lookupInflected(word);
  return next !== undefined && next.entry.noun !== true;
}

/** The lead verbs of one sentence, with coordinated ones. */
function sentenceLead(sentence: string): LeadVerb[] {
  const toks = tokens(sentence);
  let i = 0;
  while (i < toks.length && i < 10) {
    if (FILLERS.has(toks[i]) || isAdverb(toks[i]) || toks[i] === ',' || callsItself(toks, i) || forcesVerb(toks, i)) i++;
    // "list_clusters returns list of clusters": an identifier as the subject, its verb next.
    else if (i === 0 && toks[i].includes('_')) i++;
    // "Use this as the primary tool to list…": which tool to prefer, not what it does.
    else if (toks[i] === 'as' && ARTICLES.has(toks[i + 1] ?? '') && PREFERRED.has(toks[i + 2] ?? '')) i += 3;
    // "Forward geocode addresses…": a direction before the verb it qualifies (not "Forward emails…": a noun).
    else if (DIRECTIONS.has(toks[i]) && qualifiesVerb(toks[i + 1])) i++;
    else break;
  }
  const first = toks[i];
  if (first === undefined) return cjkLead(sentence);
  const phraseOf = (end: number) => quote(sentence.split(/\s+/).slice(0, Math.min(end + 4, 14)).join(' '), 80);
  // "Step over", "Start debugging a script": the debugged program runs.
  if (runsDebuggee(toks, i)) return [{ word: `${first} ${toks[i + 1]}`, category: 'execute', entry: { category: 'execute' }, phrase: phraseOf(i + 1) }];
  // "Handle a dialog": accepted or dismissed.
  if (handlesPrompt(toks, i)) return [{ word: first, category: 'write', entry: { category: 'write' }, phrase: phraseOf(i + 2) }];

  // "Use this tool when the user wants comfort details for a flight", "…when you need to find…": what the
  // caller wants says what the tool does.
  if ((first === 'when' || first === 'if') && ASKERS.has(toks[i + 1] === 'the' ? toks[i + 2] : toks[i + 1])) {
    const w = i + (toks[i + 1] === 'the' ? 3 : 2);
    if (WANTING.has(toks[w])) {
      const rest = toks.slice(w + 1, w + 6);
      if (rest.some((x) => INFO_NOUNS.has(x))) return [{ word: toks[w], category: 'read', entry: { category: 'read' }, phrase: phraseOf(w + 4) }];
      if (rest[0] === 'to') {
        const wanted = lookupInflected(rest[1] ?? '');
        if (wanted) return [{ word: rest[1], category: wanted.entry.category, entry: wanted.entry, phrase: phraseOf(w + 3) }];
      }
    }
  }

  // "Accepts bare or `schema.table` identifiers", "Accepts an array of ids": what the parameters take, not an action
  // (not "Accepts a pending invitation", nor "Accepts the invitation by ID").
  if (first === 'accepts' && toks.slice(i + 1, i + 7).some((w) => INPUT_NOUNS.has(w)) && !toks.slice(i + 1, i + 7).some((w) => w === 'by' || w === 'from' || w === 'for')) return [];
  // "Set from_pantry=true to search your pantry", "Set `dry_run` to false to apply": advice on a parameter, not what the tool does.
  if (first === 'set' && PARAMETER_ADVICE.test(sentence)) return [];

  // "Agent provides analysis for their domain": the caller hands something over, which the tool takes in and keeps.
  if (CALLERS.has(first) && GIVING.has(toks[i + 1] ?? '')) {
    return [{ word: toks[i + 1], category: 'write', entry: { category: 'write' }, phrase: phraseOf(i + 2) }];
  }

  // "Performs a search", "Runs a lookup": the object says what happens.
  if (GENERIC_VERBS.has(first)) {
    let j = i + 1;
    while (j < toks.length && ARTICLES.has(toks[j])) j++;
    // "searches", "scans", "queries": the plural of an action noun.
    const nounAt = (k: number) => (toks[k] !== undefined ? actionNoun(toks[k]) ?? actionNoun(toks[k].replace(/e?s$/, '')) ?? actionNoun(toks[k].replace(/ies$/, 'y')) : undefined);
    // "Run a find query", "Run a QuickBooks report", "Run a comprehensive Lighthouse audit": one or two
    // qualifiers may stand before the noun, but not a language ("Execute a SQL query" runs code).
    const qualifier = (k: number) => toks[k] !== undefined && !CODE_LANGUAGES.has(toks[k]) && !lookupInflected(toks[k])?.entry.noun;
    if (!nounAt(j) && qualifier(j) && nounAt(j + 1)) j++;
    // After two to five qualifiers the noun must end the phrase ("Run a premium SerpAPI-backed Google web
    // search for…"): not "Runs Azure Quick Review CLI commands".
    else if (!nounAt(j) && qualifier(j)) {
      let q = j + 1;
      // Beyond the first, only words that are no verb at all: not a list of operations that follows ("…operations (retrieve, update…").
      while (q < j + 5 && !nounAt(q) && qualifier(q) && toks[q] !== ',' && lookupInflected(toks[q]) === undefined) q++;
      if (q > j + 1 && nounAt(q) && (toks[q + 1] === undefined || OBJECT_ENDINGS.has(toks[q + 1]))) j = q;
    }
    const noun = nounAt(j);
    // "Take a snapshot of a droplet": a snapshot of something not on screen is a stored copy, a new resource.
    if (noun === 'read' && /^snapshots?$/.test(toks[j]) && toks[j + 1] === 'of' && !toks.slice(j + 2, j + 6).some((w) => DISPLAYED.has(w))) {
      return [{ word: `${first} ${toks[j]}`, category: 'write', entry: { category: 'write' }, phrase: phraseOf(j + 2) }];
    }
    // "Execute a saved question and get results": the name's same verb reads too (`execute_card`).
    if (noun) return [{ word: `${first} ${toks[j]}`, category: noun, entry: { category: noun }, phrase: phraseOf(j), reread: noun === 'read' ? lookupInflected(first)?.base : undefined }];
  }

  // "Generate embeddings from text", "Generate text using an AI model": a model's output is returned, not stored.
  // Coordinated verbs still count ("Generate an image and upload it…").
  const generated = GENERATING.has(first) && generatesModelOutput(toks.slice(i + 1, i + 6));
  // "Generate deeplink URLs for Grafana resources": a text put together and returned, as "Build a … URL" below.
  const generatedText = GENERATING.has(first) && builtText(toks.slice(i + 1, i + 9));
  // "Format a recipe as a shareable card", "Formats results as a markdown table": a text laid out and
  // returned. "Format a disk as ext4": the volume's contents are lost.
  if (first === 'format' || first === 'formats') {
    if (toks.slice(i + 1, i + 5).some((w) => VOLUMES.has(w))) return [{ word: first, category: 'destructive', entry: { category: 'destructive' }, phrase: phraseOf(i + 3) }];
    if (toks.slice(i + 1, i + 9).includes('as')) return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 4) }];
  }
  const lead = generated || generatedText ? { base: 'generate', entry: { category: 'read' as const }, form: 'base' as Form } : lookupInflected(first);
  // "Chat with a model using conversation messages", "Chat with DeepSeek V4 models": a model's reply comes back.
  // Not in the lexicon: a chat with people posts messages, and `geminiChat` drives an agent.
  if ((first === 'chat' || first === 'chats') && toks[i + 1] === 'with' && toks.slice(i + 2, i + 6).some((w) => MODELS.has(w))) {
    return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 4) }];
  }
  // "Send a task to a local LLM", "Submit a prompt to the model": a model's answer comes back, as "Ask…" does
  // (not "Send a chat completion request to an OpenAI model, billed from credits": what is spent changes).
  if (lead !== undefined && PROMPTING.has(lead.base) && !toks.some((w) => BILLING_WORDS.has(w))) {
    const to = toks.indexOf('to', i + 1);
    if (to > i && to <= i + 6 && toks.slice(to + 1, to + 4).some((w) => MODELS.has(w))) {
      return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(to + 2), reread: 'ask' }];
    }
  }
  // "Resolve DNS records", "Resolve file path to ID", "Resolves a package name to a library ID": a name looked up
  // (not "Resolve a comment thread", "Resolve a SonarQube issue": a discussion closed, which the lexicon leaves to other words).
  if (first === 'resolve' || first === 'resolves') {
    const object = toks.slice(i + 1, i + 9);
    const end = object.findIndex((w) => w === 'to' || w === 'into');
    const head = end >= 0 ? object.slice(0, end) : object.slice(0, 5);
    if (!head.some((w) => DISCUSSIONS.has(w)) && (end > 0 || head.some((w) => RESOLVED_NAMES.has(w)))) {
      return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 3) }];
    }
  }
  // "Evaluate a JavaScript expression in the Preview": code runs (not "Evaluate a proposal", a weak execute).
  if (lead?.base === 'evaluate' && toks.slice(i + 1, i + 4).some((w) => CODE_LANGUAGES.has(w) || CODE_OBJECTS.has(w))) {
    return [{ word: first, category: 'execute', entry: { category: 'execute' }, phrase: phraseOf(i + 3) }];
  }
  if (!lead) {
    // A Korean sentence, or one that starts with a Latin name ("skills.sh 레지스트리에서 … 검색합니다"): its verb is last.
    const ko = koreanLead(sentence);
    if (ko.length > 0) return ko;
    if (/[\u3400-\u9fff]/u.test(first)) return cjkLead(sentence);
    // "Generate or rotate the events API key": a verb the lexicon does not know, then one it knows (not
    // a noun-like one: "Status and log of…").
    const next = toks[i + 1] === 'or' || toks[i + 1] === 'and' ? lookupInflected(toks[i + 2] ?? '') : undefined;
    if (next && !next.entry.noun) return [{ word: toks[i + 2], category: next.entry.category, entry: next.entry, phrase: phraseOf(i + 3) }];
    // "IP 定位根据用户输入的 IP 地址…": a Chinese sentence may start with a short Latin acronym before its verb.
    const han = sentence.search(/\p{Script=Han}/u);
    return han > 0 && han <= 12 ? cjkLead(sentence.slice(han)) : [];
  }
  // "Execute SOQL queries with GROUP BY…": a query language that can only read.
  if (lead.entry.category === 'execute' && toks.slice(i + 1, i + 3).some((w) => READ_ONLY_LANGUAGES.has(w))) {
    return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 2) }];
  }
  // "Navigate the project's file tree": a structure browsed (not "Navigate to a URL", "Navigate the page back").
  if (browsesStructure(lead.base, toks.slice(i + 1, i + 5))) {
    return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 3), reread: lead.base }];
  }
  // "Build a ready-to-use websocket endpoint…", "Construct the authorization URL": a text is put together and returned.
  if (buildsTextOrPicture(lead.base, toks.slice(i + 1, i + 9))) {
    return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 2), reread: lead.base }];
  }
  // "Create a stateless model response": nothing is kept; the name's same verb means the same.
  if (lead.base === 'create' && toks.slice(i + 1, i + 4).includes('stateless')) {
    return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 3), reread: lead.base }];
  }
  // "Verify your identity on a blockchain", "Verify domain ownership": a claim is proved and the account marked verified.
  if (lead.base === 'verify' && toks.slice(i + 1, i + 4).some((w) => VERIFIED_CLAIMS.has(w))) {
    return [{ word: first, category: 'write', entry: { category: 'write' }, phrase: phraseOf(i + 2) }];
  }
  // "Rollback a transaction", "Rolls back an active transaction, undoing ALL changes": its uncommitted work is lost
  // (not "Roll back a deployment", which redeploys what was there).
  if ((lead.base === 'rollback' || (lead.base === 'roll' && toks[i + 1] === 'back')) && toks.slice(i + 1, i + 6).some((w) => w === 'transaction' || w === 'transactions')) {
    return [{ word: first, category: 'destructive', entry: { category: 'destructive' }, phrase: phraseOf(i + 3), reread: 'rollback' }];
  }
  // "Track legislative procedure progress", "Track and analyze attendance patterns": what is followed is read.
  if (lead.base === 'track' && tracksMeasure(toks.slice(i + 1, i + 9))) {
    return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 4), reread: lead.base }];
  }
  // "Check a checkbox or radio button": a form control is ticked (not "Check if a checkbox is checked", a question).
  if (lead.base === 'check' && !QUESTION_STARTS.has(toks[i + 1] ?? '') && toks.slice(i + 1, i + 4).some((w) => TICKED_CONTROLS.has(w))) {
    return [{ word: first, category: 'write', entry: { category: 'write' }, phrase: phraseOf(i + 2), reread: lead.base }];
  }
  // "Unlink an entry from its linked server": the link between two things goes, both stay (not "Unlink a file", a deletion).
  if (lead.base === 'unlink') {
    const fromAt = toks.indexOf('from', i + 1);
    if (fromAt > i && fromAt < i + 9) return [{ word: first, category: 'write', entry: { category: 'write' }, phrase: phraseOf(fromAt + 2), reread: lead.base }];
  }
  // "Replace all external links…", "Replaces the entire document": what was there is gone.
  if (REPLACING.has(lead.base) && toks.slice(i + 1, i + 4).some((w) => WHOLE.has(w))) {
    return [{ word: first, category: 'destructive', entry: { category: 'destructive' }, phrase: phraseOf(i + 2) }];
  }
  // "Evaluate a text prompt against content policies": a verdict is computed and returned.
  if (lead.base === 'evaluate' && JUDGED_TEXTS.has(headNoun(toks.slice(i + 1, i + 6)))) {
    return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 2) }];
  }
  // "Create or replace firewall configuration": a whole configuration replaced loses the old one.
  const replacing = toks.slice(i, i + 4).findIndex((w) => w === 'replace' || w === 'replaces');
  if (replacing >= 0 && CONFIGURATIONS.has(headNoun(toks.slice(i + replacing + 1, i + replacing + 6)))) {
    return [{ word: toks[i + replacing], category: 'destructive', entry: { category: 'destructive' }, phrase: phraseOf(i + replacing + 2) }];
  }
  // "Remove the current user as owner": a role is taken away, nothing stored is lost.
  // "Remove one user's assignment from a document": a link goes, both sides stay.
  // "Delete an alarm for a Durable Object", "Delete a service binding": a scheduled happening is cancelled, or a
  // link between two things that both stay is undone; the name's same verb means the same.
  // "Remove a team member", "Remove a project from an access group": a member leaves, both it and the group stay.
  // "Remove one or more tags from a product": the count is no part of the object.
  // "Delete an IP Access Control List mapping from a domain": an object of up to seven words.
  const o = i + 1 + (toks[i + 1] === 'one' && toks[i + 2] === 'or' && (toks[i + 3] === 'more' || toks[i + 3] === 'several') ? 3 : 0);
  const from = toks.indexOf('from', i + 1);
  const head = headNoun(toks.slice(o, o + 7));
  const leaves = lead.base === 'remove' && (MEMBERS.has(head) || (from > i && from < i + 6 && GROUPINGS.has(headNoun(toks.slice(from + 1, from + 5)))));
  // "Remove the public sharing link for a dashboard": sharing stops, the dashboard stays.
  const unshares = (head === 'link' || head === 'links') && SHARING.has(toks[toks.indexOf(head, o) - 1] ?? '');
  // "Revoke a member's access to an organization", "Remove the access password from a Send", "Remove protection
  // from a branch": a grant or a lock is taken off; the member, the thing shared and its data stay.
  const ungrants = (lead.base === 'revoke' || lead.base === 'remove') && GRANTS.has(head);
  // "Remove tag from system": a mark removed from where it is kept, not from a thing it is on, ceases to exist.
  const fromStore = from > i && STORES.has(toks[from + 1] === 'the' ? toks[from + 2] ?? '' : toks[from + 1] ?? '');
  if (lead.entry.category === 'destructive' && (UNASSIGNING.has(lead.base) || ungrants) && (leaves || unshares || ungrants || SCHEDULED.has(head) || ASSOCIATIONS.has(head) || (lead.base === 'remove' && SET_ON.has(head) && from > i && from < i + 8 && !fromStore))) {
    return [{ word: first, category: 'write', entry: { category: 'write' }, phrase: phraseOf(i + 2), reread: lead.base }];
  }
  if (lead.entry.category === 'destructive' && UNASSIGNING.has(lead.base) && (toks.slice(i + 1, i + 7).includes('as') || toks.slice(i + 1, i + 5).some((w) => ASSOCIATIONS.has(w)))) {
    return [{ word: first, category: 'write', entry: { category: 'write' }, phrase: phraseOf(i) }];
  }
  // "Convert a regular pull request to draft status": the thing itself is changed, not a text computed.
  if (lead.base === 'convert') {
    const to = toks.indexOf('to', i + 1);
    // The state is what "to" leads to ("to draft status", "to a draft"), not a word inside a longer object ("to production-ready code").
    const state = toks[to + 1] !== undefined && ARTICLES.has(toks[to + 1]) ? toks[to + 2] : toks[to + 1];
    if (to > i && to < i + 9 && STATES.has(state ?? '')) {
      return [{ word: first, category: 'write', entry: { category: 'write' }, phrase: phraseOf(to + 2), reread: lead.base }];
    }
  }
  // "Submit a JCL member from a dataset to run on z/OS", "Submit the script for execution": handed over to be run.
  if (lead.base === 'submit' && submitsToRun(toks.slice(i + 1, i + 12))) {
    return [{ word: first, category: 'execute', entry: { category: 'execute' }, phrase: phraseOf(i + 8), reread: lead.base }];
  }
  // "Create a new service from a GitHub repository", "Trigger a new deployment": the code is built and run.
  // "Start the agent container for an app": what is in it runs (not "Create a blob container", a store).
  const startsContainer = (lead.base === 'start' || lead.base === 'launch' || lead.base === 'spin') && CONTAINERS.has(headNoun(toks.slice(i + 1, i + 7)));
  // "Manually trigger a cron job", "Force trigger a GoodJob cron schedule immediately": the job's code runs now
  // (not "Create a cron trigger", which only schedules it).
  const triggersCron = lead.base === 'trigger' && toks.slice(i + 1, i + 5).includes('cron');
  if (startsContainer || triggersCron || (SETTING_OFF.has(lead.base) && startsPipeline(toks.slice(i + 1, i + 6))) || (LAUNCHING.has(lead.base) && launchesCode(toks.slice(i + 1, i + 14)))) {
    return [{ word: first, category: 'execute', entry: { category: 'execute' }, phrase: phraseOf(i + 6), reread: lead.base }];
  }
  // "Add a Figma file to your context": the file is read into the conversation; nothing is stored anywhere.
  if (BRINGING.has(lead.base) && INTO_CONTEXT.test(sentence)) {
    return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 6), reread: lead.base }];
  }
  // "Adds two numbers": a sum computed and returned (not "Add phone numbers to a contact", "Add numbers to the list").
  if (lead.base === 'add' && computesOnNumbers(toks.slice(i + 1, i + 6))) {
    return [{ word: first, category: 'read', entry: { category: 'read' }, phrase: phraseOf(i + 3), reread: lead.base }];
  }
  // "Render an SVG to a PNG asset on disk", "Export the report to a file": what is computed is saved.
  if (lead.entry.category === 'read' && SAVED_OUTPUT.test(sentence)) {
    return [{ word: first, category: 'write', entry: { category: 'write' }, phrase: phraseOf(i + 4), reread: lead.base }];
  }
  const verbs: LeadVerb[] = [{ word: first, category: lead.entry.category, entry: lead.entry, phrase: phraseOf(i) }];
  // Token positions of the verbs found, for lists of verbs joined by commas.
  const verbAt = new Set([i]);
  if (clearsOnlyTransient(lead.base, toks.slice(i + 1, i + 8))) {
    // "Reset password for a droplet", "Flush the cache of a CDN": a weak destroyer of something transient writes.
    verbs[0] = { ...verbs[0], category: 'write', entry: { ...lead.entry, category: 'write' }, phrase: phraseOf(i + 2), reread: lead.base };
  } else if (overwritesFromImage(lead.base, toks.slice(i + 1))) {
    // "Restore a droplet from a backup", "Rebuild a droplet using an image": its content is replaced.
    verbs[0] = { ...verbs[0], category: 'destructive', entry: { category: 'destructive' }, phrase: phraseOf(i + 4), reread: lead.base };
  } else if (recreatesStore(lead.base, toks.slice(i + 1))) {
    // "Rebuilds a MySQL database": the store is removed with its data and created anew.
    verbs[0] = { ...verbs[0], category: 'destructive', entry: { category: 'destructive' }, phrase: phraseOf(i + 3), reread: lead.base };
  }

  // Coordinated verbs: "Move or rename…", "Create … or completely overwrite…", "Lists, creates and deletes…".
  // "Mark a learning as wrong, so Roberto can adjust confidence and prune bad memory": after "so", what others do.
  const purpose = toks.findIndex((w, k) => k > i && w === 'so' && (toks[k - 1] === ',' || toks[k + 1] === 'that'));
  // "Wait for an element to appear, disappear, or change state": what is waited for is described, not done.
  const end = WAITING.has(lead.base) ? i + 1 : Math.min(toks.length, i + 1 + COORDINATION_WORDS, purpose > 0 ? purpose : Infinity);
  // "list/get/schema/preview/create/update/delete": a run of slash-joined words that starts at the lead verb
  // is a list of operations; every verb in it counts. Elsewhere a slash joins verbs only right after one
  // ("…, or pause/resume"), not nouns ("skip/pause status").
  let slashRun = i + 1;
  while (toks[slashRun] === '/' && toks[slashRun + 1] !== undefined) slashRun += 2;
  for (let j = i + 1; j < end; j++) {
    if (!CONJUNCTIONS.has(toks[j]) && toks[j] !== ',' && toks[j] !== '/') continue;
    const inRun = j < slashRun;
    if (toks[j] === '/' && !inRun && !verbAt.has(j - 1)) continue;
    let k = j + 1;
    // "… and auto-save it to the library": "auto" before a verb says how it is done.
    while (k < end && (isAdverb(toks[k]) || CONJUNCTIONS.has(toks[k]) || (toks[k] === 'auto' && lookupInflected(toks[k + 1] ?? '') !== undefined))) k++;
    const w = toks[k];
    if (w === undefined) break;
    // "…by ID, alias, or Resend dashboard URL": a capitalised word inside a sentence, after an object, is a name (a
    // product's), not a verb (not "Create, Read, Update and Delete records", a Title Case list of verbs).
    if (!verbAt.has(j - 1) && namedInSentence(sentence, w)) continue;
    const next = lookupInflected(w);
    if (!next || !sameForm(lead.form, next.form)) continue;
    // "…, or drag-and-drop": one gesture, the drop ends the drag (nothing is dropped as a table is).
    if (isDragAndDrop(toks, k)) continue;
    // "Get user and post details": a noun-like word is a verb only when an object or another verb follows,
    // or when it comes right after a verb in a list of verbs ("List, apply, restore patches").
    // "register agents, checkout/release/complete tasks": a slash-joined run of verbs is a list of verbs too.
    const slashVerbs = toks[k + 1] === '/' && lookupInflected(toks[k + 2] ?? '') !== undefined;
    if (!inRun && next.entry.noun && !VERB_FOLLOWERS.has(toks[k + 1] ?? '') && !verbAt.has(j - 1) && !slashVerbs) continue;
    // "filtered by account, category, tag, status", "(anchor date, hide-no-activity preference)": after a
    // comma, a word is a verb only in a list of verbs ("Create, update or delete") or before its object.
    if (toks[j] === ',' && !verbAt.has(j - 1) && !OBJECT_STARTS.has(toks[k + 1] ?? '') && !slashVerbs) continue;
    // "Search and navigate SonarQube components": a structure browsed, not a browser moved.
    if (browsesStructure(next.base, toks.slice(k + 1, k + 5))) {
      verbs.push({ word: w, category: 'read', entry: { category: 'read' }, phrase: phraseOf(k), reread: next.base });
      verbAt.add(k);
      continue;
    }
    // "Crawl the project and build an interactive map of its scripts": a picture is drawn, nothing compiled.
    if (buildsTextOrPicture(next.base, toks.slice(k + 1, k + 9))) {
      verbs.push({ word: w, category: 'read', entry: { category: 'read' }, phrase: phraseOf(k), reread: next.base });
      verbAt.add(k);
      continue;
    }
    // "Close a session and discard its browser tab": a transient thing cleared, as with a lead "Flush the cache".
    if (next.entry.category === 'destructive' && clearsOnlyTransient(next.base, toks.slice(k + 1, k + 8))) {
      verbs.push({ word: w, category: 'write', entry: { category: 'write' }, phrase: phraseOf(k), reread: next.base });
      verbAt.add(k);
      continue;
    }
    // "Adds, removes, or replaces tags on assets": a mark taken off, as with a lead "Remove a tag from…".
    if (next.base === 'remove' && MARKS.has(sharedObject(toks, k + 1))) {
      verbs.push({ word: w, category: 'write', entry: { category: 'write' }, phrase: phraseOf(k), reread: next.base });
      verbAt.add(k);
      continue;
    }
    verbs.push({ word: w, category: next.entry.category, entry: next.entry, phrase: phraseOf(k) });
    verbAt.add(k);
  }
  return verbs;
}

// Bounded, linear patterns (no nested quantifiers).
const READ_ONLY =
  /(?<!\bnot\s)(?<!\bnon-)\bread-only\b|\bread\s+only\s+(?:tool|operation|access|mode)\b|\b(?:does|do|will)\s+not\s+(?:modify|change|alter|write|mutate)\b|\bwithout\s+(?:modifying|changing|altering)\b|\bno\s+side[- ]effects\b|\b(?:somente|apenas|s[oó])\s+(?:de\s+)?leitura\b|\bs[oó]lo\s+lectura\b|\blecture\s+seule\b|\bnur\s+lesend\b|\bschreibgesch[uü]tzt\b|只读|不产生任何(?:变更|副作用)|不会产生任何(?:变更|副作用)|\bmakes?\s+no\s+changes\b|\bchanges\s+nothing\b/iu;

// "Omitted exercises are removed": what the call leaves out is deleted, as "…not included in the request are removed".
// "This performs a full document replacement": the whole is replaced, as "replaces the entire…" (not a diff
// that "falls back to full replacement").
// "WARNING: Installing overwrites the project board configuration": a sentence whose subject is
// the tool's own action (a gerund) and whose verb destroys, as "Installing will overwrite…" does.
const DESTRUCTIVE =
  /(?:^|[.!?:]\s{1,3}|\n\s{0,3})(?!(?:noth|someth|anyth|everyth|sett|str)ing\b)[a-z]{2,20}ing\s{1,3}(?:overwrites|erases|wipes|deletes|destroys)\s{1,3}(?:the|your|all|any|every|existing)\b|\b(?:is|are|will\s+be|gets?)\s+(?:silently\s+)?overwritten\b|\bcannot\s+be\s+(?:undone|reversed|recovered)\b|\bcan(?:'t|not|\s+not)\s+be\s+undone\b|\birreversibl[ey]\b|\b(?:will|may|can)\s+(?:permanently\s+|irreversibly\s+|completely\s+)?(?:delete|remove|erase|destroy|wipe|overwrite(?!\s{1,3}(?:existing\s{1,3})?empty\b)|purge)\b|\bpermanently\s+(?:deletes?|removes?|erases?|destroys?)\b|\b(?:data|changes|work|content|history|files?|records?|everything)\s+(?:will\s+be|is|are|gets?)\s+(?:permanently\s+)?(?:lost|discarded)\b|\bdiscards?\s+(?:all|any|uncommitted|unsaved|local)\b|\b(?:data|work)\s+loss\b|\bnot\s+(?:present|included|listed|given|provided|specified)\s+in\s+(?:the\s+)?(?:request|list|payload|input|body)\s+(?:are|is|will\s+be|get)\s+(?:removed|deleted|dropped)\b|\b(?:omitted|unlisted)\s{1,3}(?:[\w-]{1,30}\s{1,3})?(?:are|is|will\s+be|get)\s+(?:removed|deleted|dropped)\b|(?<!non-)\bdestructive\s+(?:operation|action|command|change)\b|\b(?:is|are)\s+destructive\b|\breplac(?:es|ing)\s+(?:the\s+)?(?:entire|whole)\b|\ba\s{1,3}(?:full|complete|whole)\s{1,3}(?:[\w-]{1,20}\s{1,3})?replacement\b|\bn[aã]o\s+pode\s+ser\s+desfeit[ao]\b|\bno\s+se\s+puede\s+deshacer\b|\birr[ée]versible\b|無法撤销|无法撤销|不可恢复/iu;

// Every alternative of READ_ONLY and DESTRUCTIVE contains one of these: a plain
// substring search skips the case-insensitive Unicode regexes (the classifier's
// costliest step) for the many descriptions that cannot match them.
const READ_ONLY_WORDS = ['read', 'modif', 'chang', 'alter', 'writ', 'mutat', 'side', 'leitura', 'lectura', 'lecture', 'lesend', 'schreib', '只读', '产生任何'];
const DESTRUCTIVE_WORDS = ['overwrit', 'undone', 'revers', 'recover', 'versib', 'delet', 'remov', 'eras', 'destroy', 'wipe', 'purg', 'lost', 'discard', 'loss', 'destructive', 'desfeit', 'deshacer', '撤销', '恢复', 'replac'];

/** Words before a clause's subject: "The task", "these tags", "Any bookmarks". */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'any', 'all', 'such']);
/** Subjects that point back to what the lead sentence acted on: "It will still exist". */
const BACK_REFERENCES = new Set(['it', 'they', 'this', 'these']);

/**
 * Whether the subject of a survival statement (the text before it, back to its sentence's start) is
 * the lead verb's object, or a word pointing back to it: "The task will still exist" after "Remove a
 * task from a project"; not "Bookmarks inside the list are not deleted" after "Delete a list".
 */
function survivorIsObject(before: string, leadSentence: string, leadWord: string): boolean {
  const clause = before.split(/[.!?;:]/).at(-1) ?? '';
  const words = tokens(clause, 12).filter((w) => w !== ',');
  const k = words.findIndex((w) => !DETERMINERS.has(w));
  if (k < 0) return BACK_REFERENCES.has(words.at(-1) ?? '');
  const subject = words[k];
  if (BACK_REFERENCES.has(subject)) return true;
  const object = leadObject(leadSentence, leadWord);
  return object !== '' && singular(object) === singular(subject);
}

/** The head noun of the lead verb's object: "task" in "Remove a task from a project". */
function leadObject(leadSentence: string, leadWord: string): string {
  const lead = tokens(leadSentence, 20);
  const at = lead.indexOf(fold(leadWord));
  return headNoun(lead.slice(at + 1, at + 6));
}

const singular = (w: string) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);

/**
 * "Does NOT delete the actual NotebookLM notebook on Google's side": the tool says what it does not delete
 * (up to five words; its head is the last before a preposition, so "Does NOT delete products in the category"
 * spares products). Bounded, no nested quantifiers.
 */
const NOT_DELETED = /\b(?:does|do|will)\s{1,3}not\s{1,3}(?:delete|destroy|erase)\s{1,3}((?:[\p{L}\p{N}'’-]{1,30}\s{1,3}){0,4}[\p{L}\p{N}'’-]{1,30})/iu;
/** What every match of `NOT_DELETED` contains, tested first. */
const NOT_DELETED_WORDS = ['not delete', 'not destroy', 'not erase'];

/** A statement that what the tool removes still exists afterwards: "The task will still exist in the system". */
const SURVIVES = /\b(?:will\s+still\s+exist|still\s+exists?|(?:is|are|will\s+be)\s+not\s+deleted)\b/i;
/** What every match of `SURVIVES` contains, tested first. */
const SURVIVES_WORDS = ['still', 'not deleted'];

// The tool itself pays: a sentence that starts "Requires … payment", or money that "will be paid/charged".
// "Checks whether a URL requires payment" is not one: the requirement is not the tool's.
const PAYS =
  /(?:^|[.!?]\s{1,3})requires?\s{1,3}(?:an?\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,3}payment\b|\b(?:will|would)\s{1,3}be\s{1,3}(?:paid|charged|billed|debited)\b|\b(?:paid|charged|debited)\s{1,3}automatically\b|\bautomatically\s{1,3}(?:pays?|charges?|debits?)\b|\bby\s{1,3}paying\s{1,3}(?:via|with|from|through)\b|\bcharges?\s{1,3}(?:your|the\s{1,3}(?:user|customer)['’]?s?)\s{1,3}(?:card|account|wallet|balance)\b/i;

/**
 * A lead sentence whose effect is a payment record: "Mark an order as paid", "Mark the invoice as refunded",
 * "Complete a draft order, converting it into a real order" (the order is placed).
 */
const SETTLES =
  /^(?:mark|marks|flag|flags)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,4}as\s{1,3}(?:fully\s{1,3}|partially\s{1,3})?(?:paid|unpaid|refunded|settled)\b|^(?:complete|completes|finali[sz]e|finali[sz]es)\s{1,3}(?:a|an|the)\s{1,3}draft\s{1,3}orders?\b/i;
/** How every match of `SETTLES` starts, tested first. */
const SETTLES_STARTS = ['mark', 'flag', 'complet', 'finali'];

/**
 * The first destructive operation a router's description lists ("operations for listing, creating,
 * updating, and deleting workbooks", "CRUD operations"), quoted. A router's sub-tools are seen only
 * by calling it, so every operation its description names is one it may perform.
 */
export function listedDestruction(text: string): string | undefined {
  for (const m of text.matchAll(/\b(?:\p{L}{3,30}ing|crud)\b/giu)) {
    const word = fold(m[0]);
    const hit = word === 'crud' ? true : lookupInflected(word);
    if (hit === true || (hit && hit.form === 'ing' && hit.entry.category === 'destructive' && !hit.entry.noun && !hit.entry.weak)) {
      return quote(cut(text.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + m[0].length + 40), 120));
    }
  }
  return undefined;
}

/**
 * A lead that says the tool puts commands together and hands them back, for someone else to run:
 * "Generates validated … install commands", "Builds the migration command". What the tool's name says
 * (`starwind_add`, `*_init`) and its switches (`overwrite`) are then what the command will do; not
 * "Generates the install command and then runs it".
 */
const RETURNED_COMMANDS = /^\s{0,8}(?:generates?|builds?|constructs?|composes?)\b[^.\n]{0,120}?\bcommands?\b(?![^.\n]{0,40}\b(?:and|then)\s{1,3}(?:runs?|executes?)\b)/i;

/** The quoted lead when the description says the tool returns commands it does not run (`RETURNED_COMMANDS`). */
export function returnedCommands(text: string): string | undefined {
  const m = RETURNED_COMMANDS.exec(text.slice(0, 200));
  return m ? quote(m[0].trim(), 120) : undefined;
}

/**
 * A catch-all's operations defined one per line in its description ("- **dismiss**: Delete a notification",
 * "`archive` – Archive a session"): the quoted definition of the first that destroys, if any. Only a
 * verb's base or -s form after the colon counts ("- deleted: Deleted items" names a state).
 */
export function definedDestruction(text: string): string | undefined {
  if (!text.includes('\n')) return undefined;
  for (const m of text.matchAll(/(?:^|\n)[ \t]{0,8}[-*•][ \t]{0,3}[*`'"]{0,2}[a-z][a-z0-9_]{1,40}[*`'"]{0,2}[ \t]{0,3}(?::|[-–—][ \t])[ \t]{0,3}(\p{L}{3,30})/gu)) {
    const hit = lookupInflected(fold(m[1]));
    if (hit && (hit.form === 'base' || hit.form === 's') && hit.entry.category === 'destructive' && !hit.entry.weak && !hit.entry.noun) {
      return quote(cut(m[0].trim(), 120));
    }
  }
  return undefined;
}

/**
 * "Perform various block operations (retrieve, update, delete, append children)": a sentence with no verb
 * of its own that lists its operations in brackets; each item's first word is one of them.
 */
function listedOperations(sentence: string): LeadVerb[] {
  const m = /\boperations?\s{0,3}\(([^()]{1,200})\)/i.exec(sentence);
  if (!m) return [];
  const out: LeadVerb[] = [];
  for (const item of m[1].split(',')) {
    const word = tokens(item)[0];
    const hit = word === undefined ? undefined : lookupInflected(word);
    if (hit && !out.some((v) => v.word === word)) out.push({ word, category: hit.entry.category, entry: hit.entry, phrase: quote(m[0], 120) });
  }
  return out;
}

/** What a description says about its tool; reads at most its first `LEAD_CHARS` characters for the lead and `text` (already capped) for warnings. */
export function descriptionEvidence(text: string): DescriptionEvidence {
  const head = cut(text, LEAD_CHARS);
  const out: DescriptionEvidence = { verbs: [] };
  let leadSentence = '';
  const heads = sentences(head);
  const firstSentence = heads[0] ?? '';
  for (const [n, sentence] of heads.entries()) {
    let verbs = sentenceLead(sentence);
    const after = verbs.length === 0 ? afterLabel(sentence) : undefined;
    if (after) verbs = sentenceLead(after);
    if (verbs.length === 0) verbs = listedOperations(sentence);
    if (n === 0) {
      const heading = dataHeading(sentence, verbs);
      const display = heading ?? (verbs.length === 0 ? displayPhrase(sentence) : undefined);
      if (display) out.display = display;
      if (heading) verbs = [];
    }
    if (verbs.length > 0) {
      out.verbs = n === 0 ? verbs : verbs.map((v) => ({ ...v, secondary: true }));
      leadSentence = sentence;
      break;
    }
  }
  // "Remove a task from a project. The task will still exist in the system": what is removed survives.
  // Not "Delete a list by id. Bookmarks inside the list are not deleted": other things survive, the list does not.
  const lead0 = out.verbs[0];
  const survives = lead0 && lead0.category === 'destructive' && mentionsAny(head, SURVIVES_WORDS) ? SURVIVES.exec(head) : null;
  // "Remove a notebook from the local library. Does NOT delete the actual notebook": what is removed is spared.
  const spared = lead0 && lead0.category === 'destructive' && !survives && mentionsAny(head, NOT_DELETED_WORDS) ? NOT_DELETED.exec(head) : null;
  const sparesObject = spared !== null && singular(headNoun(tokens(spared[1], 5))) === singular(leadObject(leadSentence, lead0.word));
  if (lead0 && ((survives && survivorIsObject(head.slice(0, survives.index), leadSentence, lead0.word)) || sparesObject)) {
    const base = lookupInflected(lead0.word)?.base;
    if (base && UNASSIGNING.has(base)) out.verbs[0] = { ...lead0, category: 'write', entry: { ...lead0.entry, category: 'write' }, reread: base };
  }
  const ro = mentionsAny(head, READ_ONLY_WORDS) ? READ_ONLY.exec(head) : null;
  if (ro) out.readOnly = quote(context(head, ro.index, ro[0].length), 120);
  const pay = PAYS.exec(text);
  if (pay) out.payment = quote(context(text, pay.index, pay[0].length), 120);
  const lower0 = firstSentence.slice(0, 8).toLowerCase();
  const settles = SETTLES_STARTS.some((w) => lower0.startsWith(w)) ? SETTLES.exec(firstSentence) : null;
  if (settles) out.settles = quote(settles[0], 120);
  const acts = ACTS.exec(text);
  if (acts) out.acts = quote(context(text, acts.index, acts[0].length), 120);
  const de = mentionsAny(text, DESTRUCTIVE_WORDS) ? DESTRUCTIVE.exec(text) : null;
  if (de) out.destructive = quote(context(text, de.index, de[0].length), 120);
  // "Unsplit a transaction by deleting its children": the means of the lead sentence destroy.
  if (!de && firstSentence.includes(DESTROYING_MEANS_WORD)) {
    const means = DESTROYING_MEANS.exec(firstSentence);
    if (means) out.destructive = quote(context(firstSentence, means.index, means[0].length), 120);
  }
  if (leadSentence) {
    const clause = cut(leadSentence, 200);
    // "Submit a review for an agent after a transaction": what follows a word of time says when, not what.
    const all = tokens(clause);
    const when = all.findIndex((w, k) => k > 0 && TIME_WORDS.has(w));
    const words = when > 0 ? all.slice(0, when) : all;
    const bases = out.verbs.map((v) => lookupInflected(v.word)?.base ?? v.word);
    // The lead verbs themselves are not their objects: "Can checkout a branch" names no money.
    const own = new Set(out.verbs.map((v) => v.word));
    const objects = words.filter((w) => !own.has(w));
    const money = moneyNouns(objects, bases)[0] ?? CJK_MONEY.find((m) => clause.includes(m));
    if (money) out.money = money;
  }
  return out;
}

/** Up to ~40 characters either side of a match, for a readable quote. */
function context(s: string, index: number, length: number): string {
  const start = Math.max(0, index - 40);
  return (start > 0 ? '…' : '') + s.slice(start, Math.min(s.length, index + length + 40));
}

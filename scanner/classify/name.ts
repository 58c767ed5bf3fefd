/**
 * Evidence from a tool's name: the verbs in it, wherever they stand
 * (`get_user`, `userDelete`, `issues.create`, `browser_navigate`), and the
 * money nouns that make a writing tool financial (`create_payment`).
 */
import { splitWords } from './words.ts';
import { actionNoun, clearsOnlyTransient, DIRECTIONS, GENERIC_VERBS, handlesPrompt, lookupVerb, moneyNouns as findMoneyNouns, overwritesFromImage, runsDebuggee, type VerbEntry } from './verbs.ts';

/** A verb found in a name. */
export interface NameVerb {
  /** The folded word, e.g. `delete`. */
  word: string;
  /** Its position among the name's words. */
  index: number;
  entry: VerbEntry;
  /** Weak evidence: a weak verb, or a noun-like verb counted only because nothing else was found. */
  weak: boolean;
}

/** What a name says about its tool. */
export interface NameEvidence {
  words: readonly string[];
  verbs: NameVerb[];
  /** Money nouns in the name that are not themselves its verb (`create_transfer`, not `transfer_file`; `cancel_subscription`, see `billingNouns`). */
  moneyNouns: string[];
}

/** Words after which a name's word is what results are grouped or keyed by: `get_leaderboard_by_store`, `count_per_post`. */
const KEYING = new Set(['by', 'per']);

/** Verbs that, after the name's first verb and before another word, are adjectives: `create_draft_order` creates a draft. */
const ADJECTIVE_VERBS = new Set(['draft']);

/**
 * Nouns of documentation, which a noun-like verb right before them only qualifies:
 * `TypeReference`, `request_info` are a reference to types and information about a request.
 */
const DOCUMENT_NOUNS = new Set(['reference', 'references', 'definition', 'definitions', 'info', 'information', 'docs', 'documentation', 'details', 'summary', 'overview', 'guide', 'help']);

/** Nouns of a process's state, which a verb before them only names: `get_database_sync_status`, `get_build_progress`. */
const STATE_NOUNS = new Set(['status', 'statuses', 'progress', 'state']);

/** A name's first verb that reads: a plain read anywhere, or a noun-like one (`check`, `query`) as the name's first word. */
const leadsRead = (entry: VerbEntry | undefined, index: number) =>
  plainRead(entry) || (entry !== undefined && index === 0 && entry.category === 'read' && !entry.weak);

/** Action nouns that may be code to run: a query. */
const QUERIES = new Set(['query', 'queries']);

/** Words that join two actions in a name: `get_or_create_user`, `read_and_delete`. */
const CONJUNCTIONS = new Set(['and', 'or', 'then']);

/** Verbs that stop or call off something under way; a noun-like verb after them (`cancel_run`, `abort_build`) is what is stopped. */
const STOPPING = new Set(['cancel', 'abort', 'stop', 'kill', 'terminate', 'pause', 'suspend', 'interrupt', 'halt']);

/** True for a verb that plainly reads and is no noun: `get`, `list`, `fetch` (not `query`, `view`). */
const plainRead = (entry: VerbEntry | undefined) => entry !== undefined && entry.category === 'read' && !entry.noun && !entry.weak;

/**
 * The verbs of a name. Unambiguous verbs count wherever they stand; verbs
 * that are as often nouns (`post`, `commit`, `run`) count only as the first
 * word or when the name has no other verb (then weakly), so `get_commit`
 * reads and `git_commit` writes.
 *
 * Next to a plain read verb, a verb is the read's object, so it is weak:
 * right after the name's first verb when that one reads (`get_tweet`, `x_get_store`)
 * or, when it is noun-like, right before one (`invoice-list`, `post_search`).
 * A weak verb yields to a description that plainly reads or to a read-only
 * claim, and still decides when nothing else is said.
 *
 * The object words change what some verbs do: `reset_password` and
 * `flush_cache` only change state (`clearsOnlyTransient`), and
 * `restore_from_backup` overwrites (`overwritesFromImage`).
 */
export function nameEvidence(name: string): NameEvidence {
  const words = splitWords(name);
  const entries = words.map((w) => lookupVerb(w));
  // The name's first verb, after any prefix (`clawnx_get_tweet`: `get`).
  const lead = entries.findIndex((e) => e !== undefined);
  const plain: NameVerb[] = [];
  const nouns: NameVerb[] = [];
  const debug = words.findIndex((_, i) => runsDebuggee(words, i));
  words.forEach((word, index) => {
    let entry = entries[index];
    if (!entry || index === debug) return;
    // `create_draft_order`: after another verb, a draft order is the object (`draft_email`, `gmail_draft_reply` still draft).
    if (ADJECTIVE_VERBS.has(word) && index > lead && index < words.length - 1) return;
    // `get_player_leaderboard_by_store`: the word after "by" is a key, not an action.
    if (index > 0 && KEYING.has(words[index - 1])) return;
    // `ReverseGeocodeTool`: a direction right before another verb says how it is done (not `forward_email`: a noun).
    const next = entries[index + 1];
    if (DIRECTIONS.has(word) && next !== undefined && next.noun !== true) return;
    // `TypeReference`, `place_details`: a noun-like changing verb before a documentation noun is that noun's
    // qualifier (not `type_text`; `query_docs` still queries).
    if (entry.noun === true && entry.category !== 'read' && DOCUMENT_NOUNS.has(words[index + 1] ?? '')) return;
    // `get-global-option-set`, `check-delete-eligibility`: after a plain read, later words are what is read,
    // unless a conjunction starts another action (`get_or_create_user`).
    const afterRead = lead >= 0 && index > lead && leadsRead(entries[lead], lead) && !words.slice(lead + 1, index).some((w) => CONJUNCTIONS.has(w));
    // `cancel-flow-run`, `stop_build`: what is stopped is a run; the name does not run it.
    if (lead >= 0 && index > lead && entry.noun === true && STOPPING.has(words[lead])) return;
    const objectOfRead =
      afterRead ||
      (entry.noun === true && plainRead(entries[index + 1])) ||
      // `get_database_sync_status`: what is read is the sync's status.
      (lead >= 0 && index > lead && plainRead(entries[lead]) && STATE_NOUNS.has(words[index + 1] ?? ''));
    const others = words.filter((_, i) => i !== index && !entries[i]);
    if (clearsOnlyTransient(word, others)) entry = { category: 'write', weak: entry.weak, noun: entry.noun };
    else if (overwritesFromImage(word, words.slice(index + 1))) entry = { category: 'destructive', noun: entry.noun };
    const weak = entry.weak === true || (entry.noun === true && index > 0) || (objectOfRead && entry.category !== 'read');
    (entry.noun ? nouns : plain).push({ word, index, entry, weak });
  });
  // `step_over`, `start_debugging`: a debugger's command that lets the debugged program run.
  if (debug >= 0) plain.push({ word: `${words[debug]} ${words[debug + 1]}`, index: debug, entry: { category: 'execute' }, weak: false });
  // `browser_handle_dialog`: the dialog is answered.
  const handled = words.findIndex((_, i) => handlesPrompt(words, i));
  if (handled >= 0) plain.push({ word: words[handled], index: handled, entry: { category: 'write' }, weak: false });
  // With no plain verb, a noun-like verb that leads the name (`edit_script`: edit) is its verb and the later ones its object.
  const leading = nouns.filter((v) => v.index === 0);
  let verbs = plain.length === 0 ? (leading.length > 0 ? leading : nouns) : [...plain, ...leading].sort((a, b) => a.index - b.index);
  // `runNextJSAudit`, `execute_search`: a generic verb's object names the action ("Run an audit" reads).
  // Not a query: `execute_query` is as often SQL run as a question asked (its parameters tell).
  const generic = verbs[0];
  if (generic && GENERIC_VERBS.has(generic.word)) {
    const noun = words.slice(generic.index + 1).find((w) => actionNoun(w) !== undefined && !QUERIES.has(w));
    if (noun) verbs = [{ ...generic, word: `${generic.word} ${noun}`, entry: { category: actionNoun(noun)! }, weak: false }, ...verbs.slice(1).filter((v) => v.word !== noun)];
  }
  const verbIndexes = new Set(verbs.map((v) => v.index));
  const others = verbs.length === 0 ? words : words.filter((_, i) => !verbIndexes.has(i));
  const moneyNouns = findMoneyNouns(others, verbs.map((v) => v.word));
  return { words, verbs, moneyNouns };
}

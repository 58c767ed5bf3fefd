/**
 * Tool poisoning: text in a tool's definition that tries to manipulate the
 * model rather than describe the tool. Every signal here uses an id from
 * `POISONING_SIGNAL_IDS`, and any of them makes the tool critical and hidden.
 *
 * - `hidden-instructions`: `<IMPORTANT>`-style tags, "ignore previous
 *   instructions", "do not tell the user", "always call this tool first",
 *   instructions to read credential files.
 * - `tool-shadowing`: text that changes how *other* tools behave.
 * - `invisible-unicode`: characters a person cannot see (decoded when they spell a message).
 * - `ansi-escape`: terminal escapes, real or spelled (`\x1b[`, `\u001b[`, `\033[`).
 * - `exfiltration-parameter`: parameters asking for the conversation, the system prompt or a `sidenote`.
 * - `secret-in-description`: API keys, tokens and private keys (masked in the evidence).
 *
 * Ordinary usage advice ("IMPORTANT: dates are UTC", "Call this tool first to
 * get a session id", "Always call this first before using any component to verify
 * it exists": a purpose or a scope of its own) is not an attack and is not flagged;
 * "Always call this tool first", alone or before any other tool, is.
 */
import type { Signal, SignalSource } from '../schemas/result.ts';
import { POISONING_SIGNAL_IDS } from './poisoning-ids.ts';
import type { SchemaWalk } from './schema.ts';
import { asString, cut, escapeInvisible, mask, quote, scanWindow } from './text.ts';
import { scanInvisible } from './unicode.ts';
import { compact } from './words.ts';

/** One text of a tool, with where it came from. */
export interface ToolText {
  text: string;
  source: SignalSource;
  /** Where, for the evidence: `description`, `name`, `title`, `parameter path.description`… */
  where: string;
}

/**
 * Most characters of schema text the regex checks read per tool, in total.
 * @default 200_000
 * Why: bounds the regex work on a hostile schema with thousands of long
 * descriptions; the linear invisible-character scan still reads all of it.
 */
export const SCHEMA_REGEX_BUDGET = 200_000;

/**
 * A bounded pattern, the label of what it means, and a cheap test every match
 * passes (words that any match contains), run first: most text has none of them,
 * and the pattern itself would be tried at every word of it.
 */
type Rule = [id: 'hidden-instructions' | 'tool-shadowing', label: string, pattern: RegExp, hint: RegExp];

// Every pattern is linear or bounded: no nested quantifiers, every gap `{0,n}`.
const RULES: Rule[] = [
  [
    'hidden-instructions',
    'Hidden instruction tags',
    /<\s{0,3}\/?\s{0,3}(?:important|system|sys|instructions?|hidden|secret|admin|override|critical)\b[^<>\n]{0,60}>|&lt;\s{0,3}\/?\s{0,3}(?:important|system|sys|instructions?|hidden|secret|admin|override|critical)\b[^<>&\n]{0,60}&gt;|<\|(?:im_start|im_end|system)\|>|\[\/?INST\]|<<\/?SYS>>/i,
    /[<[&]/,
  ],
  [
    'hidden-instructions',
    'Tells the model to ignore its instructions',
    // Spanish, Portuguese, French, German, Chinese.
    /\bignor(?:a|ar|e|ez|er)\s{1,3}(?:todas\s{1,3}|toutes\s{1,3})?(?:las|as|les)\s{1,3}instru(?:cciones|[cç][oõ]es|ctions)\s{1,3}(?:anteriores|previas|pr[ée]c[ée]dentes|ant[ée]rieures)\b|\bignorier(?:e|en)?\s{1,3}(?:alle\s{1,3})?(?:vorherigen|bisherigen|obigen)\s{1,3}(?:anweisungen|instruktionen)\b|忽略(?:之前|以前|先前|上面|上述)?的?(?:所有)?(?:指令|指示|说明|提示)/iu,
    /ignor|忽略/iu,
  ],
  [
    'hidden-instructions',
    'Tells the model to ignore its instructions',
    /\b(?:ignore|disregard|forget|override)\s{1,3}(?:all\s{1,3}|any\s{1,3})?(?:of\s{1,3})?(?:the\s{1,3}|your\s{1,3}|my\s{1,3})?(?:previous|prior|above|earlier|preceding|former|original|system|other)\s{1,3}(?:instructions?|prompts?|rules|directions|guidelines|directives)\b/i,
    /ignore|disregard|forget|override/i,
  ],
  [
    'hidden-instructions',
    'Tells the model to hide things from the user',
    /\b(?:do\s{1,3}not|don[’']?t|never|must\s{1,3}not)\s{1,3}(?:tell|inform|mention|reveal|notify|alert|disclose|let)\b[^.\n]{0,40}?\b(?:the\s{1,3})?user\b|\bwithout\s{1,3}(?:telling|informing|notifying|alerting)\s{1,3}(?:the\s{1,3})?user\b|\b(?:the\s{1,3})?user\s{1,3}(?:must|should|need)\s{1,3}(?:not|never)\s{1,3}(?:know|see|notice|be\s{1,3}told|be\s{1,3}informed)\b|\b(?:keep|hide)\s{1,3}(?:this|it)\s{1,3}(?:secret\s{1,3}|hidden\s{1,3})?from\s{1,3}(?:the\s{1,3})?user\b|\b(?:secretly|covertly|silently|quietly)\s{1,3}(?:send|forward|copy|bcc|include|upload|exfiltrate|transmit|post|email|add)\b/i,
    /user|secretly|covertly|silently|quietly/i,
  ],
  [
    'hidden-instructions',
    'Demands to be called before other tools',
    /\balways\s{1,3}(?:call|use|run|invoke|execute)\s{1,3}(?:this|me)\s{1,3}(?:tool\s{1,3}|function\s{1,3})?first\b(?![^.\n]{0,60}?\b(?:to\s{1,3}(?:verify|check|confirm|get|obtain|find|list|learn|see|discover|know|understand|identify|determine|choose|select|pick)\b|before\s{1,3}(?:using|calling|working\s{1,3}with)\s{1,3}(?:any|a|an|the)\s{1,3}(?!other\b)[a-z]))|\b(?:call|use|run|invoke)\s{1,3}(?:this|me)\s{1,3}(?:tool\s{1,3}|function\s{1,3})?before\s{1,3}(?:calling\s{1,3}|using\s{1,3})?any\s{1,3}other\s{1,3}tools?\b|\bbefore\s{1,3}(?:calling|using|invoking)\s{1,3}any\s{1,3}other\s{1,3}tools?\b/i,
    /first|other/i,
  ],
  [
    'hidden-instructions',
    'Asks for credential files',
    /\b(?:read|send|pass|include|upload|attach|copy|cat|provide|forward|paste)\b[^.\n]{0,80}?(?:~\/\.ssh|\bid_rsa\b|\bid_ed25519\b|\.cursor\/mcp\.json|\bmcp\.json\b|\/etc\/passwd|\/etc\/shadow|\.aws\/credentials|\.netrc\b|\.git-credentials|\.npmrc\b|\.pgpass\b|~\/\.env\b|\.env\s{1,3}file)/i,
    /ssh|id_rsa|id_ed25519|mcp\.json|\/etc\/|credentials|netrc|npmrc|pgpass|\.env/i,
  ],
  [
    'hidden-instructions',
    'Tries to change the model’s role',
    /\byou\s{1,3}are\s{1,3}now\s{1,3}(?:a|an|in|acting|the|my)\b|\bfrom\s{1,3}now\s{1,3}on,?\s{1,3}you\s{1,3}(?:are|must|will|should)\b|\bnew\s{1,3}(?:system\s{1,3})?instructions?\s{0,3}:|\bsystem\s{1,3}override\b|\bdeveloper\s{1,3}mode\s{1,3}(?:enabled|activated)\b/i,
    /now|instruction|override|developer/i,
  ],
  [
    'tool-shadowing',
    'Changes how other tools behave',
    /\bwhen\s{1,3}this\s{1,3}tool\s{1,3}is\s{1,3}(?:available|present|loaded|installed|enabled)\b|\b(?:modif(?:y|ies)|overrides?|replaces?|changes?|alters?)\s{1,3}the\s{1,3}behaviou?r\s{1,3}of\b|\b(?:all|any|every)\s{1,3}other\s{1,3}tools?\s{1,3}(?:must|should|shall)\b|\b(?!this\b)[\w.-]{1,64}[`'"]?\s{1,3}tool\s{1,3}(?:must|should|shall)\s{1,3}(?:always\s{1,3}|also\s{1,3}){0,2}(?:send|forward|redirect|bcc|cc|copy)\b|\b(?:also|always|additionally)\s{1,3}(?:send|forward|redirect|bcc|cc|copy)\b[^.\n]{0,60}?\bto\s{1,3}[\w.+-]{1,64}@[\w-]{1,64}\.[\w.]{2,20}/i,
    /tool|behavio|@/i,
  ],
];

/** Known secret formats, each bounded. */
const SECRETS: [label: string, pattern: RegExp][] = [
  ['private key', /-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY-----/],
  ['OpenAI/Anthropic-style API key', /\bsk-(?:proj-|ant-(?:api\d\d-)?|live-)?[A-Za-z0-9_-]{20,200}/],
  ['GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})/],
  ['Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,200}/],
  ['AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['Stripe key', /\b[rs]k_(?:live|test)_[0-9A-Za-z]{20,200}/],
  ['GitLab token', /\bglpat-[0-9A-Za-z_-]{20,200}/],
  ['npm token', /\bnpm_[A-Za-z0-9]{36}\b/],
  ['JSON Web Token', /\beyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{10,2000}/],
  [
    'credential',
    /\b(?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|secret[_-]?key|client[_-]?secret|password|passwd|bearer)["']?(?:\s{0,3}[:=]\s{0,3}|\s{1,3})["']?[A-Za-z0-9_\-+/=.]{20,200}/i,
  ],
];

/** Placeholder text that looks like a key but is not one. */
const PLACEHOLDER = /x{4}|your|example|placeholder|redacted|changeme|dummy|sample|fake|<|\.{3}|\*{3}|0{8}|1234567/i;

/** The secret-looking tail of a match: the longest run of key characters at its end. */
function secretValue(match: string): string {
  const m = /[A-Za-z0-9_\-+/=.]{8,}$/.exec(match.slice(-400));
  return m ? m[0] : match;
}

/** True if a candidate secret looks real: no placeholder words, mixed characters. */
function looksReal(value: string, label: string): boolean {
  if (label === 'private key') return true;
  if (PLACEHOLDER.test(value)) return false;
  const distinct = new Set(value).size;
  return distinct >= 10 && /\d/.test(value) && /[A-Za-z]/.test(value);
}

/** Spelled-out escape sequences: `\x1b[`, `\u001b[`, `\u{1b}[`, `\033[`, `\e[` (linear: starts at a literal backslash). */
const ESCAPED_ANSI = /\\(?:x1b|u001b|u\{0{0,4}1b\}|033|e|x9b|u009b)[[\]]/i;

/** Parameter names that exist to collect the conversation or the model's instructions. */
const EXFIL_ALWAYS = new Set(['sidenote', 'sidenotes', 'hiddencontext', 'hiddennotes', 'secretnotes']);
const EXFIL_UNLESS_ON_TOPIC = new Set([
  'conversationhistory', 'chathistory', 'messagehistory', 'fullconversation', 'entireconversation', 'conversationlog',
  'conversationcontext', 'chatlog', 'previousmessages', 'priormessages', 'allmessages', 'systemprompt', 'systemmessage',
  'systeminstructions', 'systempromptcontent', 'modelinstructions', 'assistantinstructions', 'agentinstructions', 'contextwindow',
  'llmcontext', 'modelcontext', 'agentcontext', 'promptcontent', 'fullcontext',
]);
/** Parameter descriptions that ask for the conversation or the model's instructions. */
const EXFIL_DESCRIPTION =
  /\b(?:entire|full|whole|complete)\s{1,3}(?:conversation|chat|message\s{1,3}history|context(?:\s{1,3}window)?|system\s{1,3}prompt|prompt)\b|\b(?:your|the\s{1,3}assistant[’']?s|the\s{1,3}model[’']?s)\s{1,3}(?:system\s{1,3}prompt|instructions|context\s{1,3}window)\b|\b(?:all\s{1,3})?(?:previous|prior|earlier)\s{1,3}(?:user\s{1,3})?messages\b|\bconversation\s{1,3}history\b|\bsystem\s{1,3}prompt\b/i;
// "…as it may be stored in logs or conversation history": where a value ends up, a warning, not a request.
const STORED_IN = /\b(?:stored|logged|saved|recorded|kept|visible|shown|appears?|leaks?|leaked|ends?\s{1,3}up)\s{1,3}in(?:to)?\s{1,3}(?:the\s{1,3})?(?:[\w-]{1,20}\s{0,3}(?:or|and|,)\s{1,3}){0,2}$/i;

/** True when a parameter's description asks for the conversation or the model's instructions (not when it warns a value may end up there). */
function asksForConversation(desc: string): boolean {
  const m = EXFIL_DESCRIPTION.exec(desc);
  return m !== null && !STORED_IN.test(desc.slice(Math.max(0, m.index - 80), m.index));
}

/**
 * A tool whose own purpose is conversations, prompts or models may legitimately take them; so may
 * one that answers questions in natural language, whose earlier turns are its own conversation.
 */
const ON_TOPIC = /\b(?:conversations?|chats?|messages?|history|transcripts?|prompts?|llms?|models?|assistants?|agents?|completions?|generat\w{0,6}|summar\w{0,8}|memory|context|instructions?|questions?|answers?|natural[\s-]{1,3}language)\b/i;

/** The parts of a tool the poisoning checks read. */
export interface PoisoningInput {
  texts: ToolText[];
  walk: SchemaWalk;
  /** The tool's name and the start of its description, for the on-topic test. */
  purpose: string;
}

/** Poisoning signals for a tool; at most one per id and source. */
export function poisoningSignals(input: PoisoningInput): Signal[] {
  const signals: Signal[] = [];
  const seen = new Set<string>();
  const add = (id: string, label: string, evidence: string, source: SignalSource) => {
    if (!POISONING_SIGNAL_IDS.has(id)) throw new Error(`not a poisoning id: ${id}`);
    const key = `${id}\0${source}`;
    if (seen.has(key)) return;
    seen.add(key);
    signals.push({ id, label, evidence, source });
  };
  const where = (t: ToolText) => (t.where === 'description' ? '' : `${t.where}: `);

  let budget = SCHEMA_REGEX_BUDGET;
  for (const t of input.texts) {
    // 1. Invisible characters and real escapes: the whole text, one linear pass.
    const inv = scanInvisible(t.text);
    if (inv.count > 0) {
      const codes = inv.codes.map((c) => `\\u{${c.toString(16).toUpperCase()}}`).join(', ');
      const hidden = [inv.tagText && `hidden tag text: "${quote(inv.tagText)}"`, inv.smuggled && `smuggled bytes: "${quote(inv.smuggled)}"`]
        .filter(Boolean)
        .join('; ');
      const label = inv.tagText || inv.smuggled ? 'Invisible characters spelling a hidden message' : 'Invisible characters';
      add('invisible-unicode', label, `${where(t)}${inv.count} invisible (${codes})${hidden ? `; ${hidden}` : ''}`, t.source);
      // A decoded message is text the model reads: check it like any other.
      for (const decoded of [inv.tagText, inv.smuggled]) {
        if (decoded) checkPhrases(decoded, `${where(t)}decoded from invisible characters: `, t.source);
      }
    }
    if (inv.esc >= 0) {
      add('ansi-escape', 'ANSI terminal escape sequence', `${where(t)}${quote(t.text.slice(inv.esc, inv.esc + 40), 40)}`, t.source);
    } else {
      const m = ESCAPED_ANSI.exec(t.text);
      if (m) add('ansi-escape', 'ANSI escape sequence (spelled out)', `${where(t)}${quote(t.text.slice(m.index, m.index + 40), 40)}`, t.source);
    }

    // 2. Phrases and secrets: a bounded window, and a bounded total for schema text.
    let window = scanWindow(t.text);
    if (t.source === 'schema') {
      if (budget <= 0) continue;
      window = cut(window, budget);
      budget -= window.length;
    }
    checkPhrases(window, where(t), t.source);
    checkSecrets(window, where(t), t.source);
  }

  // 3. Parameters that collect the conversation or the model's instructions.
  const onTopic = ON_TOPIC.test(cut(input.purpose, 600));
  for (const p of input.walk.properties) {
    if (p.depth > 3) continue;
    const c = compact(p.name);
    const desc = cut(asString(p.schema?.description), 1_000);
    const named = EXFIL_ALWAYS.has(c) || (!onTopic && EXFIL_UNLESS_ON_TOPIC.has(c));
    const described = !onTopic && asksForConversation(desc);
    if (named || described) {
      add('exfiltration-parameter', `Parameter that collects the conversation or instructions (${quote(p.name, 40)})`, quote(desc ? `${p.path}: ${desc}` : p.path), 'schema');
      break;
    }
  }
  return signals;

  function checkPhrases(text: string, prefix: string, source: SignalSource): void {
    for (const [id, label, pattern, hint] of RULES) {
      if (!hint.test(text)) continue;
      const m = pattern.exec(text);
      if (m) add(id, label, prefix + quote(text.slice(m.index, m.index + 200)), source);
    }
  }

  function checkSecrets(text: string, prefix: string, source: SignalSource): void {
    for (const [label, pattern] of SECRETS) {
      const m = pattern.exec(text);
      if (!m) continue;
      const value = label === 'private key' ? m[0] : secretValue(m[0]);
      if (!looksReal(value, label)) continue;
      add('secret-in-description', `Secret in the tool definition (${label})`, prefix + escapeInvisible(label === 'private key' ? m[0] : mask(value)), source);
      return;
    }
  }
}

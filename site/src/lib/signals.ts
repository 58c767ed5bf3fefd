/**
 * Signals in plain language: a title for the signal's browse page and a sentence
 * on why it matters, by signal id. Ids the site does not know yet (a newer
 * classifier) get a title made from the id and a sentence from their source.
 */
import type { SignalSource } from '../../../scanner/schemas/index.ts';

interface SignalInfo {
  title: string;
  why: string;
}

const KNOWN: Record<string, SignalInfo> = {
  'read-verb': { title: 'Reading verb', why: 'Its name or description says it looks things up, which on its own changes nothing.' },
  'write-verb': { title: 'Writing verb', why: 'Its name or description says it creates or changes data, so repeated calls change more.' },
  'execute-verb': { title: 'Executing verb', why: 'Its name or description says it runs something: what runs depends on arguments the agent chooses.' },
  'destructive-verb': { title: 'Destructive verb', why: 'Its name or description says it deletes or overwrites: a wrong call loses data.' },
  'financial-verb': { title: 'Financial verb', why: 'Its name or description says it moves money: a wrong call costs money.' },
  'financial-noun': { title: 'Mentions money', why: 'It talks about payments, prices or balances, so it may touch money.' },
  'financial-parameter': { title: 'Money parameters', why: 'It takes amounts or currencies: the agent decides how much.' },
  'read-only-statement': { title: 'Says it is read-only', why: 'Its description states it only reads; the classifier weighs that against the other evidence.' },
  'destructive-warning': { title: 'Warns it destroys data', why: 'Its own description warns that it deletes or cannot be undone.' },
  'oversized-description': { title: 'Very long description', why: 'A very long description can hide instructions where nobody reads them.' },
  'no-read-evidence': { title: 'No evidence it only reads', why: 'Nothing says it only reads, so it is treated as able to change things.' },
  'annotation-conflict': { title: 'Annotations contradict the tool', why: 'What the server claims in annotations does not match what the tool says it does.' },
  'annotation-read-only': { title: 'Annotated read-only', why: 'The server claims it changes nothing (a claim, not a guarantee).' },
  'annotation-not-read-only': { title: 'Annotated as changing things', why: 'The server says, or the protocol’s default assumes, that it can change its environment.' },
  'annotation-destructive': { title: 'Annotated destructive', why: 'The server says, or the protocol’s default assumes, that its changes may be destructive.' },
  'annotation-non-destructive': { title: 'Annotated non-destructive', why: 'The server claims its changes are additive only (a claim, not a guarantee).' },
  'annotation-idempotent': { title: 'Annotated idempotent', why: 'The server claims repeating a call has no further effect.' },
  'annotation-open-world': { title: 'Reaches the outside world', why: 'It talks to systems beyond the server (the web, other services): what comes back is untrusted.' },
  'annotation-closed-world': { title: 'Closed world', why: 'The server claims it only touches its own data.' },
  'annotation-invalid': { title: 'Malformed annotations', why: 'The annotations are not what the protocol defines, so they were ignored.' },
  'high-parameter-count': { title: 'High parameter count', why: 'Many inputs give the agent many ways to get a call wrong, and make review harder.' },
  'url-parameter': { title: 'Takes URLs', why: 'It fetches or sends to addresses the agent supplies: internal services or an attacker’s server among them.' },
  'path-parameter': { title: 'Takes file paths', why: 'It opens paths the agent supplies, possibly outside the folder it is meant for.' },
  'code-parameter': { title: 'Takes code or commands', why: 'It runs code, queries or commands the agent writes.' },
  'sends-message': { title: 'Sends messages', why: 'It sends text to recipients the agent chooses, in the person’s name.' },
  'catch-all-action': { title: 'Catch-all action parameter', why: 'One parameter chooses among several operations, some of which change or delete.' },
  'output-path': { title: 'Writes a file it is given the path of', why: 'It creates or replaces a file wherever the agent points it, over an existing one too.' },
  'command-router': { title: 'Routes to hidden sub-tools', why: 'It runs sub-tools it lists only when called, so the scan sees what it says it does, not each operation.' },
  'schema-truncated': { title: 'Schema too large to read', why: 'Its input schema is too large or deep to read fully, so some parameters were not checked.' },
  'hidden-instructions': { title: 'Hidden instructions', why: 'Its text gives the model orders the person would not expect: the definition of a tool poisoning attack.' },
  'tool-shadowing': { title: 'Tool shadowing', why: 'Its text tries to change how other tools behave.' },
  'invisible-unicode': { title: 'Invisible characters', why: 'It contains characters a person cannot see but a model reads.' },
  'ansi-escape': { title: 'Terminal escape sequences', why: 'Escape sequences can hide or rewrite text in a terminal that shows it.' },
  'exfiltration-parameter': { title: 'Collects the conversation', why: 'A parameter asks for the conversation, the system prompt or other context, which then goes to the server.' },
  'secret-in-description': { title: 'Secret in the definition', why: 'A key or token is in the tool’s text, visible to every model and log that sees it.' },
  'no-annotations': { title: 'No annotations', why: 'The server makes no claims about the tool, so the spec’s defaults apply: it may write, destroy and reach the outside world.' },
  'payment-statement': { title: 'Says it pays', why: 'Its description says a call is paid, charged or billed: each call can cost money.' },
  'saving-switch': { title: 'Saves unless told not to', why: 'A switch that is on by default makes the call save what it produces (a file, a record), so a plain call writes.' },
  'marking-switch': { title: 'Marks what it reads', why: 'A parameter makes the call mark messages as read or seen, so even a read changes the mailbox.' },
  'destructive-parameter': { title: 'Destroying switch', why: 'A parameter makes the call delete, drop or overwrite: the agent decides whether data is lost.' },
  'contract-call': { title: 'Calls a smart contract', why: 'It takes a contract address and a function to call, so it can do whatever that contract does, including moving funds.' },
  'credential-default': { title: 'Credential in the schema', why: 'A credential parameter carries a value in its schema, which every client that lists the tools can read.' },
};

const SOURCE_WHY: Record<SignalSource, string> = {
  annotation: 'What the server claims about the tool in its annotations.',
  name: 'Seen in the tool’s name.',
  description: 'Seen in the tool’s description.',
  schema: 'Seen in the tool’s input schema.',
};

/** `some-signal-id` → `Some signal id`. */
function fromId(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function signalTitle(id: string): string {
  return Object.hasOwn(KNOWN, id) ? KNOWN[id].title : fromId(id);
}

export function signalWhy(id: string, source: SignalSource): string {
  return Object.hasOwn(KNOWN, id) ? KNOWN[id].why : SOURCE_WHY[source];
}

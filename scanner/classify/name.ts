/**
 * Evidence from a tool's name: the verbs in it, wherever they stand
 * (`get_user`, `userDelete`, `issues.create`, `browser_navigate`), and the
 * money nouns that make a writing tool financial (`create_payment`).
 */
import { splitWords } from './words.ts';
import { lookupVerb, moneyNouns as findMoneyNouns, type VerbEntry } from './verbs.ts';

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

/**
 * The verbs of a name. Unambiguous verbs count wherever they stand; verbs
 * that are as often nouns (`post`, `commit`, `run`) count only as the first
 * word or when the name has no other verb (then weakly), so `get_commit`
 * reads and `git_commit` writes.
 */
export function nameEvidence(name: string): NameEvidence {
  const words = splitWords(name);
  const plain: NameVerb[] = [];
  const nouns: NameVerb[] = [];
  words.forEach((word, index) => {
    const entry = lookupVerb(word);
    if (!entry) return;
    const weak = entry.weak === true || (entry.noun === true && index > 0);
    (entry.noun ? nouns : plain).push({ word, index, entry, weak });
  });
  const verbs = plain.length === 0 ? nouns : [...plain, ...nouns.filter((v) => v.index === 0)].sort((a, b) => a.index - b.index);
  const verbIndexes = new Set(verbs.map((v) => v.index));
  const others = verbs.length === 0 ? words : words.filter((_, i) => !verbIndexes.has(i));
  const moneyNouns = findMoneyNouns(others, verbs.map((v) => v.word));
  return { words, verbs, moneyNouns };
}

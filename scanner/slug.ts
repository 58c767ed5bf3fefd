/**
 * Slugs: URL- and file-safe names for servers and tools, unique within their set
 * whatever the original names are (case twins, emoji, `../x`, 200 characters…).
 */
import { createHash } from 'node:crypto';

/** Longest slug body before the disambiguating hash. */
const MAX_BASE = 64;
/** Names that are not safe as file names on every system. */
const RESERVED = new Set(['con', 'prn', 'aux', 'nul', 'com1', 'com2', 'com3', 'com4', 'lpt1', 'lpt2', 'lpt3', 'index']);

function shortHash(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
}

/** The readable part of a slug: lowercase ASCII letters, digits and single dashes. */
export function slugBase(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_BASE)
    .replace(/-+$/g, '');
  return base;
}

/**
 * Assigns every name a slug, unique within `names` (the result is index-aligned).
 * A name whose readable form is ambiguous (shared with another name, empty,
 * reserved or cut short) gets a hash of its exact text appended, so a slug does
 * not depend on the order of the list; exact duplicates get a counter on top.
 */
export function assignSlugs(names: readonly string[]): string[] {
  const bases = names.map(slugBase);
  const counts = new Map<string, number>();
  for (const b of bases) counts.set(b, (counts.get(b) ?? 0) + 1);
  const used = new Set<string>();
  return names.map((name, i) => {
    const base = bases[i];
    const ambiguous = base === '' || RESERVED.has(base) || (counts.get(base) ?? 0) > 1 || base.length >= MAX_BASE;
    const slug = ambiguous ? `${base || 'x'}-${shortHash(name)}` : base;
    let candidate = slug;
    for (let n = 2; used.has(candidate); n++) candidate = `${slug}-${n}`;
    used.add(candidate);
    return candidate;
  });
}

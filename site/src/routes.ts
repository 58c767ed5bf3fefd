/**
 * The catalogue's browse pages, computed once from the memoised catalogue:
 * which listings exist, what each lists, and how they are paginated. The Astro
 * routes take their `getStaticPaths` from here, and so does `sitemap.xml`, so
 * the two never disagree.
 */
import { CATEGORIES, RISKS, STATUSES, type Category, type Risk, type Status } from '../../scanner/schemas/index.ts';
import type { Catalogue, ServerEntry, ToolEntry } from './data.ts';
import { ATTACK_PATTERNS } from './lib/patterns.ts';
import { CATEGORY_LABEL, RISK_LABEL, STATUS_LABEL, gradeOf } from './lib/present.ts';
import { signalTitle } from './lib/signals.ts';

/**
 * Rows on one listing page.
 * @default 100
 * Why: a page of 100 rows stays small on a phone (about 30 KB) while the
 * largest listing of 31,000 tools needs no more than a few hundred pages.
 */
export const PAGE_SIZE = 100;

/** One page of a paginated listing. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  count: number;
  items: T[];
  /** Path of this page. */
  path: string;
  /** Path of page `n` of the same listing. */
  pathOf: (n: number) => string;
}

/** `base` for page 1, `base<n>/` after. `base` ends with `/`. */
export function pagePath(base: string, n: number): string {
  return n <= 1 ? base : `${base}${n}/`;
}

/** The pages of a listing (at least one, maybe empty). */
export function paginate<T>(base: string, items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const pathOf = (n: number) => pagePath(base, n);
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * size, (i + 1) * size),
    path: pathOf(i + 1),
    pathOf,
  }));
}

/** The Astro rest parameter of page `n`: undefined for the first. */
export function pageParam(n: number): string | undefined {
  return n <= 1 ? undefined : String(n);
}

export type ToolListingKind = 'risk' | 'category' | 'signal' | 'pattern';

/** A listing of tools: one risk level, category, signal or attack pattern. */
export interface ToolListing {
  kind: ToolListingKind;
  /** The risk, category, signal id or pattern id. */
  key: string;
  title: string;
  base: string;
  tools: ToolEntry[];
}

export const listingBase = {
  risk: (risk: Risk) => `/risk/${risk}/`,
  category: (category: Category) => `/category/${category}/`,
  signal: (id: string) => `/signals/${id}/`,
  pattern: (id: string) => `/patterns/${id}/`,
  servers: (view: string) => (view === 'name' ? '/browse/servers/' : `/browse/servers/${view}/`),
};

/** Every tool listing of a kind. */
export function toolListings(cat: Catalogue, kind: ToolListingKind): ToolListing[] {
  switch (kind) {
    case 'risk':
      return RISKS.map((risk) => ({ kind, key: risk, title: `${RISK_LABEL[risk]} tools`, base: listingBase.risk(risk), tools: cat.byRisk[risk] }));
    case 'category':
      return CATEGORIES.map((c) => ({ kind, key: c, title: `${CATEGORY_LABEL[c]} tools`, base: listingBase.category(c), tools: cat.byCategory[c] }));
    case 'signal':
      return [...cat.bySignal].map(([id, tools]) => ({ kind, key: id, title: `Tools with the signal “${signalTitle(id)}”`, base: listingBase.signal(id), tools }));
    case 'pattern':
      return ATTACK_PATTERNS.map((p) => ({ kind, key: p.id, title: `${p.title}: tools it applies to`, base: listingBase.pattern(p.id), tools: cat.byPattern.get(p.id) ?? [] }));
  }
}

/** A view of the servers index: a sort order or a filter. */
export interface ServerView {
  /** `name`, `most-tools`, `riskiest`, `status-<status>`, `grade-<grade>`. */
  id: string;
  label: string;
  base: string;
  servers: ServerEntry[];
  /** `sort` views are every server in another order; `status` and `grade` views filter. */
  group: 'sort' | 'status' | 'grade';
}

const riskyCount = (s: ServerEntry) => s.counts.byRisk.critical + s.counts.byRisk.high;
const byName = (a: ServerEntry, b: ServerEntry) => (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : a.title.toLowerCase() > b.title.toLowerCase() ? 1 : 0);

let viewMemo: { cat: Catalogue; views: ServerView[] } | undefined;

/** Every view of the servers index (computed once per catalogue). */
export function serverViews(cat: Catalogue): ServerView[] {
  if (viewMemo?.cat === cat) return viewMemo.views;
  const named = [...cat.servers].sort(byName);
  const views: ServerView[] = [
    { id: 'name', label: 'By name', base: listingBase.servers('name'), servers: named, group: 'sort' },
    {
      id: 'most-tools',
      label: 'Most tools',
      base: listingBase.servers('most-tools'),
      servers: [...named].sort((a, b) => b.result.tools.length - a.result.tools.length),
      group: 'sort',
    },
    {
      id: 'riskiest',
      label: 'Most high or critical tools',
      base: listingBase.servers('riskiest'),
      servers: [...named].sort((a, b) => riskyCount(b) - riskyCount(a)),
      group: 'sort',
    },
  ];
  for (const status of STATUSES) {
    const servers = named.filter((s) => s.result.status === status);
    if (servers.length > 0 || status === 'ok') {
      views.push({ id: `status-${status}`, label: STATUS_LABEL[status], base: listingBase.servers(`status-${status}`), servers, group: 'status' });
    }
  }
  const grades = new Map<string, ServerEntry[]>();
  for (const s of named) {
    const grade = gradeOf(s.result);
    if (grade === undefined) continue;
    const list = grades.get(grade);
    if (list) list.push(s);
    else grades.set(grade, [s]);
  }
  for (const grade of [...grades.keys()].sort()) {
    const slug = grade.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'other';
    views.push({ id: `grade-${slug}`, label: `Grade ${grade}`, base: listingBase.servers(`grade-${slug}`), servers: grades.get(grade)!, group: 'grade' });
  }
  viewMemo = { cat, views };
  return views;
}

/** The statuses a view filters on, if any (for `STATUS_LABEL` lookups). */
export function viewStatus(view: ServerView): Status | undefined {
  return view.group === 'status' ? (view.id.slice('status-'.length) as Status) : undefined;
}

/** Every HTML page of the catalogue, as site paths (for `sitemap.xml`). */
export function allPagePaths(cat: Catalogue): string[] {
  const paths = ['/', '/search/', '/patterns/', '/signals/'];
  for (const s of cat.servers) paths.push(`/servers/${s.result.slug}/`);
  for (const e of cat.tools) paths.push(`/tools/${e.server.result.slug}/${e.tool.slug}/`);
  for (const kind of ['risk', 'category', 'signal', 'pattern'] as const) {
    for (const l of toolListings(cat, kind)) {
      const count = Math.max(1, Math.ceil(l.tools.length / PAGE_SIZE));
      for (let n = 1; n <= count; n++) paths.push(pagePath(l.base, n));
    }
  }
  for (const v of serverViews(cat)) {
    const count = Math.max(1, Math.ceil(v.servers.length / PAGE_SIZE));
    for (let n = 1; n <= count; n++) paths.push(pagePath(v.base, n));
  }
  const changes = Math.max(1, Math.ceil(cat.changed.length / CHANGES_PAGE_SIZE));
  for (let n = 1; n <= changes; n++) paths.push(pagePath(CHANGES_BASE, n));
  return paths;
}

/**
 * Servers on one page of the changelog.
 * @default 25
 * Why: each server lists its added, removed and changed tools (up to
 * `MAX_CHANGE_ROWS` each), so a page of 25 stays a reasonable size.
 */
export const CHANGES_PAGE_SIZE = 25;

/** The changelog's base path. */
export const CHANGES_BASE = '/changes/';

/** The pages of `/changes/`: the servers whose latest scan recorded drift (at least one page, maybe empty). */
export function changesPages(cat: Catalogue): Page<ServerEntry>[] {
  return paginate(CHANGES_BASE, cat.changed, CHANGES_PAGE_SIZE);
}

/** The link to a server's entry in the changelog, or undefined when its latest scan recorded no drift. */
export function changesHref(server: ServerEntry): string | undefined {
  const changes = server.changes;
  if (!changes) return undefined;
  return `${pagePath(CHANGES_BASE, Math.floor(changes.index / CHANGES_PAGE_SIZE) + 1)}#changes-${server.result.slug}`;
}

/** `getStaticPaths` of a tool listing route `/<kind>/[param]/[...page]`. */
export function toolListingPaths(cat: Catalogue, kind: ToolListingKind, param: string) {
  return toolListings(cat, kind).flatMap((listing) =>
    paginate(listing.base, listing.tools).map((page) => ({
      params: { [param]: listing.key, page: pageParam(page.number) },
      props: { listing, page },
    })),
  );
}

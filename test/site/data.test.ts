// The site's data module and presentation helpers, without Astro: fast checks of
// the fixture, the indices every page relies on, and the hostile-input helpers.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CatalogueDataError, loadCatalogue, relatedTools, type Catalogue } from '../../site/src/data.ts';
import { metaText, paramRows, safeHref, typeLabel } from '../../site/src/lib/present.ts';
import { policyFor } from '../../scanner/policy/index.ts';
import { FIXTURE_DATA, copyFixture, fixturePolicy, fixtureServers, removeTempDirs } from './helpers.ts';

describe('site fixture data', () => {
  it('matches the schemas, with a policy per server computed by policyFor', async () => {
    const servers = await fixtureServers();
    assert.ok(servers.size >= 2 && servers.size <= 4);
    for (const [slug, result] of servers) {
      assert.deepEqual(await fixturePolicy(slug), policyFor(result.tools), `policies/${slug}.json is policyFor(tools)`);
    }
  });

  it('has an ok server with several categories and a hostile tool, and an unreachable remote server', async () => {
    const servers = [...(await fixtureServers()).values()];
    const ok = servers.find((s) => s.status === 'ok' && new Set(s.tools.map((t) => t.category)).size >= 4);
    assert.ok(ok, 'an ok server with tools of at least four categories');
    const hostile = ok.tools.find((t) => t.description.includes('<script>alert(1)</script>'));
    assert.ok(hostile, 'a tool whose description holds a script tag');
    assert.match(hostile.description, /<img src=x onerror=alert\(1\)>/);
    assert.match(hostile.description, /javascript:/);
    const down = servers.find((s) => s.status === 'unreachable');
    assert.ok(down?.target.url?.startsWith('https://'), 'an unreachable remote server');
    assert.equal(down?.error?.kind, 'unreachable');
  });
});

describe('loadCatalogue', () => {
  const cat: Catalogue = loadCatalogue(FIXTURE_DATA);

  it('counts servers, tools, risks, categories and statuses', async () => {
    const servers = await fixtureServers();
    const tools = [...servers.values()].flatMap((s) => s.tools);
    assert.equal(cat.totals.servers, servers.size);
    assert.equal(cat.totals.tools, tools.length);
    assert.equal(cat.tools.length, tools.length);
    for (const status of ['ok', 'auth_required', 'timeout', 'unreachable', 'blocked', 'error'] as const) {
      assert.equal(cat.totals.byStatus[status], [...servers.values()].filter((s) => s.status === status).length, status);
    }
    assert.equal(Object.values(cat.totals.byRisk).reduce((a, b) => a + b, 0), tools.length);
    assert.equal(Object.values(cat.totals.byCategory).reduce((a, b) => a + b, 0), tools.length);
    assert.equal(cat.totals.byCategory.financial, tools.filter((t) => t.category === 'financial').length);
    assert.deepEqual(
      cat.servers.map((s) => s.result.slug),
      [...servers.keys()].sort(),
    );
  });

  it('keeps the stored server policy as stored', async () => {
    for (const s of cat.servers) {
      const stored = JSON.parse(await readFile(join(FIXTURE_DATA, 'policies', `${s.result.slug}.json`), 'utf8'));
      assert.deepEqual(s.policy, stored);
    }
  });

  it('indexes tools by category with their positions', () => {
    for (const [category, list] of Object.entries(cat.byCategory)) {
      list.forEach((e, i) => {
        assert.equal(e.tool.category, category);
        assert.equal(e.categoryIndex, i);
      });
    }
  });

  it('picks related tools of the same category, never the tool itself, in a stable order', () => {
    for (const entry of cat.tools) {
      const related = relatedTools(cat, entry);
      const same = cat.byCategory[entry.tool.category];
      assert.equal(related.length, Math.min(6, same.length - 1));
      assert.ok(related.every((e) => e.tool.category === entry.tool.category && e !== entry));
      assert.equal(new Set(related).size, related.length, 'no tool twice');
      assert.deepEqual(relatedTools(cat, entry), related);
    }
  });

  it('spreads related tools across a large category', () => {
    const entries = Array.from({ length: 1000 }, (_, i) => ({ categoryIndex: i, tool: { category: 'read' } }));
    const big = { byCategory: { read: entries } } as unknown as Catalogue;
    const related = relatedTools(big, entries[990] as never, 6);
    assert.deepEqual(
      related.map((e) => e.categoryIndex),
      [132, 274, 416, 558, 700, 842],
    );
  });
});

describe('loadCatalogue with bad data', () => {
  after(removeTempDirs);

  async function failure(edit: (dir: string) => Promise<void>): Promise<CatalogueDataError> {
    const dir = await copyFixture();
    await edit(dir);
    try {
      loadCatalogue(dir);
    } catch (err) {
      assert.ok(err instanceof CatalogueDataError, String(err));
      return err;
    }
    assert.fail('loadCatalogue accepted bad data');
  }

  it('names the file and the field that fails the schema', async () => {
    const err = await failure(async (dir) => {
      const file = join(dir, 'servers', 'everything.json');
      const result = JSON.parse(await readFile(file, 'utf8'));
      result.tools[1].risk = 'extreme';
      await writeFile(file, JSON.stringify(result));
    });
    assert.match(err.file, /servers\/everything\.json$/);
    assert.equal(err.field, 'tools[1].risk');
    assert.match(err.message, /servers\/everything\.json: field "tools\[1\]\.risk"/);
  });

  it('names a file that is not JSON', async () => {
    const err = await failure((dir) => writeFile(join(dir, 'servers', 'marketplace.json'), '{"id": '));
    assert.match(err.message, /marketplace\.json.*not valid JSON/);
  });

  it('names a missing or invalid policy', async () => {
    let err = await failure((dir) => rm(join(dir, 'policies', 'everything.json')));
    assert.match(err.message, /policies\/everything\.json: file is missing/);
    err = await failure((dir) => writeFile(join(dir, 'policies', 'everything.json'), '{"version": "2", "default": "deny", "tools": {}}'));
    assert.match(err.message, /policies\/everything\.json: field "version"/);
  });

  it('refuses a slug that does not match the file name, and duplicate tool slugs', async () => {
    let err = await failure(async (dir) => {
      const file = join(dir, 'servers', 'marketplace.json');
      const result = JSON.parse(await readFile(file, 'utf8'));
      await writeFile(join(dir, 'servers', 'other.json'), JSON.stringify(result));
    });
    assert.match(err.message, /other\.json: field "slug"/);
    err = await failure(async (dir) => {
      const file = join(dir, 'servers', 'everything.json');
      const result = JSON.parse(await readFile(file, 'utf8'));
      result.tools[1].slug = result.tools[0].slug;
      await writeFile(file, JSON.stringify(result));
    });
    assert.match(err.message, /everything\.json: field "tools\[1\]\.slug"/);
  });

  it('refuses a data directory without servers/', async () => {
    assert.throws(() => loadCatalogue(join(FIXTURE_DATA, 'nope')), /no such folder/);
  });
});

describe('presentation helpers', () => {
  it('links only http(s) URLs, without credentials', () => {
    assert.equal(safeHref('https://example.com/mcp'), 'https://example.com/mcp');
    assert.equal(safeHref('http://user:secret@example.com/x'), 'http://example.com/x');
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/',
      '/relative',
      'not a url',
      undefined,
    ]) {
      assert.equal(safeHref(bad), undefined, String(bad));
    }
  });

  it('summarises JSON Schema types', () => {
    assert.equal(typeLabel({ type: 'string' }), 'string');
    assert.equal(typeLabel({ type: 'string', format: 'email' }), 'string (email)');
    assert.equal(typeLabel({ type: ['string', 'null'] }), 'string | null');
    assert.equal(typeLabel({ type: 'array', items: { type: 'number' } }), 'array<number>');
    assert.equal(typeLabel({ enum: ['a', 'b'] }), '"a" | "b"');
    assert.equal(typeLabel({ anyOf: [{ type: 'integer' }, { type: 'null' }] }), 'integer | null');
    assert.equal(typeLabel({}), 'any');
    assert.equal(typeLabel('junk'), 'unknown');
  });

  it('lists parameters of hostile schemas, including one named __proto__', () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string","description":"p"},"<b>":{"type":"number"},"x":"junk"},"required":["__proto__", 5]}',
    );
    assert.deepEqual(paramRows(schema), [
      { name: '__proto__', type: 'string', required: true, description: 'p' },
      { name: '<b>', type: 'number', required: false, description: '' },
      { name: 'x', type: 'unknown', required: false, description: '' },
    ]);
    assert.deepEqual(paramRows({ type: 'object', properties: ['a'] }), []);
    assert.deepEqual(paramRows({}), []);
  });

  it('makes one-line meta text without markup characters', () => {
    assert.equal(metaText('a\n<script>alert(1)</script>\u0007 b'), 'a script alert(1) /script b');
    assert.equal(metaText('x'.repeat(300)).length, 200);
  });
});

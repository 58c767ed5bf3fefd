// Builds the fixture catalogue once with buildSite and checks the files it wrote.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSite } from '../../site/build.ts';
import { toolPolicy } from '../../scanner/policy/index.ts';
import { PolicySchema, type ServerResult } from '../../scanner/schemas/index.ts';
import { buildFixture, copyFixture, fixtureServers, removeTempDirs, tempDir, FIXTURE_DATA } from './helpers.ts';

/** Every file under `dir`, as paths relative to it with `/`. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'));
}

function unescapeAttr(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** The elements the catalogue's templates use; any other tag in a page was injected. */
const ALLOWED_TAGS = new Set(
  'html head meta title link script body a header main footer div span p h1 h2 h3 ul li code pre table thead tbody tr th td details summary dl dt dd section button strong'.split(' '),
);

interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** Offset just after the tag. */
  end: number;
}

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<\/[a-zA-Z][a-zA-Z0-9-]*\s*>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g;
const ATTR = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Start tags of a page, scanned left to right (so text inside attribute values is never taken for a tag). */
function parseTags(page: string): Tag[] {
  const tags: Tag[] = [];
  for (const m of page.matchAll(TAG)) {
    if (!m[1]) continue;
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(ATTR)) attrs.set(a[1].toLowerCase(), unescapeAttr(a[2] ?? a[3] ?? a[4] ?? ''));
    tags.push({ name: m[1].toLowerCase(), attrs, end: m.index + m[0].length });
  }
  return tags;
}

/** The page's text outside tags, doctype and comments. */
function stripTags(page: string): string {
  return page.replace(TAG, ' ');
}

describe('buildSite', () => {
  let out: string;
  let pages: number;
  let servers: Map<string, ServerResult>;
  /** Built HTML by path relative to out. */
  const html = new Map<string, string>();

  before(async () => {
    servers = await fixtureServers();
    ({ out, pages } = await buildFixture());
    for (const file of await files(out)) {
      if (file.endsWith('.html')) html.set(file, await readFile(join(out, file), 'utf8'));
    }
  });

  after(removeTempDirs);

  it('writes the index, a 404 page, a page per server and a page per tool', () => {
    const tools = [...servers.values()].reduce((n, s) => n + s.tools.length, 0);
    assert.equal(pages, 2 + servers.size + tools);
    assert.equal(html.size, pages);
    assert.ok(html.has('index.html'));
    assert.ok(html.has('404.html'));
    for (const [slug, s] of servers) {
      assert.ok(html.has(`servers/${slug}/index.html`), `page of server ${slug}`);
      for (const t of s.tools) assert.ok(html.has(`tools/${slug}/${t.slug}/index.html`), `page of tool ${slug}/${t.name}`);
    }
  });

  it('writes every server policy as stored and every tool policy as toolPolicy(tool)', async () => {
    for (const [slug, s] of servers) {
      const served = JSON.parse(await readFile(join(out, 'policies', `${slug}.json`), 'utf8'));
      assert.ok(PolicySchema.safeParse(served).success, `policies/${slug}.json validates`);
      assert.deepEqual(served, JSON.parse(await readFile(join(FIXTURE_DATA, 'policies', `${slug}.json`), 'utf8')));
      const page = html.get(`servers/${slug}/index.html`)!;
      assert.match(page, new RegExp(`href="/policies/${slug}\\.json"`), `server ${slug} links its policy download`);
      for (const t of s.tools) {
        const text = await readFile(join(out, 'policies', slug, `${t.slug}.json`), 'utf8');
        assert.deepEqual(PolicySchema.parse(JSON.parse(text)), JSON.parse(JSON.stringify(toolPolicy(t))));
        assert.equal(text, `${JSON.stringify(toolPolicy(t), null, 2)}\n`, 'pretty JSON');
      }
    }
  });

  it('links every tool from its server page', () => {
    for (const [slug, s] of servers) {
      const page = html.get(`servers/${slug}/index.html`)!;
      for (const t of s.tools) assert.ok(page.includes(`href="/tools/${slug}/${t.slug}/"`), `${slug} links ${t.slug}`);
    }
  });

  it('resolves every internal href and src to a built file, and links nothing but http(s) elsewhere', () => {
    const ids = new Map<string, Set<string>>();
    for (const [file, page] of html) {
      ids.set(file, new Set(parseTags(page).flatMap((t) => (t.attrs.has('id') ? [t.attrs.get('id')!] : []))));
    }
    let internal = 0;
    for (const [file, page] of html) {
      for (const tag of parseTags(page)) {
        for (const name of ['href', 'src', 'action', 'formaction', 'srcset', 'poster', 'data']) {
          const value = tag.attrs.get(name);
          if (value === undefined) continue;
          if (/^https?:\/\//i.test(value)) continue;
          if (value.startsWith('#')) {
            assert.ok(ids.get(file)!.has(value.slice(1)), `${file}: anchor ${value} exists`);
            continue;
          }
          assert.ok(value.startsWith('/') && !value.startsWith('//'), `${file}: <${tag.name} ${name}="${value}"> is a site path or an http(s) URL`);
          const [path, fragment] = value.split('#');
          let target = decodeURIComponent(path.split('?')[0]).slice(1);
          if (target === '' || target.endsWith('/')) target += 'index.html';
          assert.ok(existsSync(join(out, target)), `${file}: ${value} resolves (${target})`);
          if (fragment && target.endsWith('.html')) assert.ok(ids.get(target)?.has(fragment), `${file}: ${value} anchor exists`);
          internal++;
        }
      }
    }
    assert.ok(internal > 50);
  });

  it('escapes hostile text: no injected markup, no javascript: links, no inline script or style', () => {
    for (const [file, page] of html) {
      assert.ok(!page.includes('<script>alert'), `${file}: no <script>alert`);
      assert.doesNotMatch(page, /<img\b/i, file);
      const tags = parseTags(page);
      for (const tag of tags) {
        assert.ok(ALLOWED_TAGS.has(tag.name), `${file}: unexpected <${tag.name}> (injected markup?)`);
        for (const [name, value] of tag.attrs) {
          assert.ok(!name.startsWith('on'), `${file}: event handler ${name} on <${tag.name}>`);
          assert.notEqual(name, 'style', `${file}: style attribute on <${tag.name}> (CSP forbids it)`);
          if (['href', 'src', 'action'].includes(name)) {
            assert.doesNotMatch(value.replace(/[\s\u0000-\u001f]/g, ''), /^(javascript|data|vbscript):/i, `${file}: ${name}="${value}"`);
          }
        }
        if (tag.name === 'script') {
          assert.equal(tag.attrs.get('src'), '/copy.js', `${file}: only the external copy script`);
          assert.ok(page.startsWith('</script>', tag.end), `${file}: no inline script`);
        }
      }
      assert.ok(tags.some((t) => t.name === 'meta' && t.attrs.get('http-equiv') === 'Content-Security-Policy' && t.attrs.get('content') === CSP), `${file}: CSP meta`);
      // Outside tags, every < and > of the data is escaped.
      const text = stripTags(page);
      assert.ok(!/[<>]/.test(text), `${file}: raw < or > in text: ${text.slice(Math.max(0, text.search(/[<>]/) - 80), text.search(/[<>]/) + 80)}`);
    }
    const hostile = html.get('tools/acme-ops/helpful-tool/index.html')!;
    assert.ok(hostile.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the description is shown, escaped');
    assert.ok(hostile.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(hostile.includes('[Click here](javascript:alert(1))'), 'link-like text stays text');
    assert.match(hostile, /<span class="unlinked">javascript:alert\(document\.domain\)<\/span>/, 'a javascript: homepage is not a link');
    const named = html.get('tools/acme-ops/svg-onload-alert-1/index.html')!;
    assert.ok(named.includes('<h1 id="tool-name">&quot;&gt;&lt;svg onload=alert(1)&gt;</h1>'), 'a hostile tool name is escaped');
  });

  it('shows a server that could not be reached as unreachable, with its error', () => {
    const page = html.get('servers/marketplace/index.html')!;
    assert.match(page, /<span class="badge status-unreachable big">Unreachable<\/span>/);
    assert.match(page, /could not be reached/);
    assert.match(page, /<code class="inline">unreachable<\/code>/);
    assert.ok(page.includes('cannot resolve cars.rootz.global'));
    assert.ok(page.includes('href="https://cars.rootz.global/mcp"'));
    const index = html.get('index.html')!;
    assert.match(index, /href="\/servers\/marketplace\/">Marketplace<\/a>\s*<\/td>\s*<td>\s*<span class="badge status-unreachable">Unreachable<\/span>/);
  });

  it('puts counts on the index', () => {
    const index = html.get('index.html')!;
    const tools = [...servers.values()].reduce((n, s) => n + s.tools.length, 0);
    assert.ok(index.includes(`<span class="n">${servers.size}</span><span class="what">servers</span>`));
    assert.ok(index.includes(`<span class="n">${tools}</span><span class="what">tools</span>`));
    for (const risk of ['Low', 'Medium', 'High', 'Critical']) assert.ok(index.includes(`${risk} risk`), risk);
    for (const c of ['Read', 'Write', 'Execute', 'Destructive', 'Financial']) assert.ok(index.includes(`>${c}</span>`), c);
  });

  it('leaves only the site in the output folder', async () => {
    const all = await files(out);
    assert.deepEqual(
      all.filter((f) => f.split('/').some((part) => part.startsWith('.')) || f.endsWith('.mjs')),
      [],
    );
    assert.ok(all.includes('copy.js') && all.includes('favicon.svg'));
    assert.ok(all.some((f) => /^_astro\/.+\.css$/.test(f)), 'the stylesheet is an external file');
  });

  it('fails on a broken data file, naming the file and the field', async () => {
    const data = await copyFixture();
    const file = join(data, 'servers', 'everything.json');
    const result = JSON.parse(await readFile(file, 'utf8'));
    result.tools[1].category = 'dangerous';
    await writeFile(file, JSON.stringify(result));
    await assert.rejects(
      buildSite({ dataDir: data, outDir: join(await tempDir('broken'), 'dist') }),
      (err: Error) => {
        assert.match(err.message, /servers\/everything\.json/);
        assert.match(err.message, /tools\[1\]\.category/);
        return true;
      },
    );
  });

  it('refuses an output folder that holds the data', async () => {
    const data = await copyFixture();
    await assert.rejects(buildSite({ dataDir: data, outDir: data }), /would be emptied/);
    assert.ok(existsSync(join(data, 'servers', 'everything.json')));
  });
});

// The search index's tokenizer in Node (site/src/search/tokens.ts) and in the
// browser (site/public/search.js) must agree, or a tool indexed under one word
// is searched under another.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { shardKey, tokenize } from '../../site/src/search/tokens.ts';
import { loadCatalogue } from '../../site/src/data.ts';
import { FIXTURE_DATA } from './helpers.ts';

interface BrowserTokens {
  tokenize(text: string): string[];
  shardKey(token: string): string;
}

async function browserTokens(): Promise<BrowserTokens> {
  const code = await readFile(join(import.meta.dirname, '..', '..', 'site', 'public', 'search.js'), 'utf8');
  const sandbox: { censusSearchTokens?: BrowserTokens } = {};
  // No `document` in the sandbox: the script only exposes its tokenizer.
  runInNewContext(code, { globalThis: sandbox });
  assert.ok(sandbox.censusSearchTokens, 'search.js exposes its tokenizer outside a browser');
  return sandbox.censusSearchTokens;
}

describe('search tokens', () => {
  it('split names and text into lower-case words, without accents or stop words', () => {
    assert.deepEqual(tokenize('cars_session_create'), ['cars', 'session', 'create']);
    assert.deepEqual(tokenize('getUserByID'), ['get', 'user', 'id']);
    assert.deepEqual(tokenize('Permite buscar por marca, ano e preço'), ['permite', 'buscar', 'por', 'marca', 'ano', 'preco']);
    assert.deepEqual(tokenize('Use the tool to fetch a page'), ['tool', 'fetch', 'page']);
    assert.deepEqual(tokenize('x'.repeat(50)), ['x'.repeat(32)]);
    assert.equal(shardKey('cars'), 'ca');
    assert.equal(shardKey('ümlaut'.normalize('NFC')), '_fcm');
    assert.equal(shardKey('__proto__'), '_5f_5f');
  });

  it('are the same in the browser script as in the index writer', async () => {
    const browser = await browserTokens();
    const corpus = [
      'cars_session_create',
      'searchCars',
      'Crée une session de recherche: préférences, budget…',
      '"><svg onload=alert(1)>',
      '__proto__ constructor toString',
      'Fast\u200b\u200c lookup\u2062 \u001b[31mred',
      '日本語のツール 検索',
      'Ünïcödé  ÆØÅ straße İstanbul',
      'a_b-c.d/e:f',
      'GETHTTPResponse2XX',
    ];
    const cat = loadCatalogue(FIXTURE_DATA);
    for (const e of cat.tools) corpus.push(e.tool.name, e.tool.description, e.server.title);
    for (const text of corpus) {
      const mine = tokenize(text);
      assert.deepEqual([...browser.tokenize(text)], mine, text);
      for (const t of mine) assert.equal(browser.shardKey(t), shardKey(t), t);
    }
  });
});

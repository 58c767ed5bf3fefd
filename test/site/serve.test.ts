// The static server of a built catalogue, on a hand-made folder (no build needed).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { serveSite, type SiteServer } from '../../site/serve.ts';
import { removeTempDirs, tempDir } from './helpers.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent exactly as given (fetch would normalise `..`). */
function get(base: string, path: string, method = 'GET'): Promise<Reply> {
  const url = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serveSite', () => {
  let server: SiteServer;
  let secret: string;

  before(async () => {
    const base = await tempDir('serve');
    const dir = join(base, 'site');
    secret = join(base, 'secret.txt');
    await writeFile(secret, 'TOP SECRET');
    await mkdir(join(dir, 'servers', 'one'), { recursive: true });
    await mkdir(join(dir, 'policies'), { recursive: true });
    await mkdir(join(dir, '_astro'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>home</title>');
    await writeFile(join(dir, '404.html'), '<!doctype html><title>missing page</title>');
    await writeFile(join(dir, 'servers', 'one', 'index.html'), '<!doctype html><title>server one</title>');
    await writeFile(join(dir, 'policies', 'one.json'), '{"version":"1","default":"deny","tools":{}}\n');
    await writeFile(join(dir, '_astro', 'a.css'), 'body{}');
    await writeFile(join(dir, 'copy.js'), '// js');
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(dir, 'data.json'), '{}');
    await writeFile(join(dir, '.env'), 'SECRET=1');
    await symlink(secret, join(dir, 'link.txt'));
    server = await serveSite({ dir, port: 0 });
  });

  after(async () => {
    await server?.close();
    await removeTempDirs();
  });

  it('listens on 127.0.0.1 by default and serves index.html for directories', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(server.url, '/');
    assert.equal(home.status, 200);
    assert.match(home.body, /<title>home<\/title>/);
    assert.equal(home.headers['content-type'], 'text/html; charset=utf-8');
    const page = await get(server.url, '/servers/one/');
    assert.equal(page.status, 200);
    assert.match(page.body, /server one/);
  });

  it('redirects a directory without its trailing slash', async () => {
    const r = await get(server.url, '/servers/one?x=1');
    assert.equal(r.status, 301);
    assert.equal(r.headers.location, '/servers/one/');
  });

  it('never redirects off-site', async () => {
    const r = await get(server.url, '//servers/one');
    assert.equal(r.status, 301);
    assert.equal(r.headers.location, '/servers/one/');
  });

  it('sends security headers on every response', async () => {
    for (const path of ['/', '/nope', '/policies/one.json', '/copy.js']) {
      const r = await get(server.url, path);
      assert.match(String(r.headers['content-security-policy']), /script-src 'self'/, path);
      assert.match(String(r.headers['content-security-policy']), /default-src 'self'/, path);
      assert.doesNotMatch(String(r.headers['content-security-policy']), /unsafe-inline/, path);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', path);
    }
  });

  it('answers a real 404 with 404.html', async () => {
    const r = await get(server.url, '/tools/nope/nothing/');
    assert.equal(r.status, 404);
    assert.match(r.body, /missing page/);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
  });

  it('sets content types', async () => {
    const types: Record<string, string> = {
      '/_astro/a.css': 'text/css; charset=utf-8',
      '/copy.js': 'text/javascript; charset=utf-8',
      '/favicon.svg': 'image/svg+xml',
      '/data.json': 'application/json; charset=utf-8',
    };
    for (const [path, type] of Object.entries(types)) {
      const r = await get(server.url, path);
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['content-type'], type, path);
    }
  });

  it('serves policies as attachment downloads, other JSON inline', async () => {
    const r = await get(server.url, '/policies/one.json');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-disposition'], 'attachment; filename="one.json"');
    assert.deepEqual(JSON.parse(r.body), { version: '1', default: 'deny', tools: {} });
    assert.equal((await get(server.url, '/data.json')).headers['content-disposition'], undefined);
  });

  it('cannot be made to leave the folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/servers/..%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/index.html%00.txt',
      '/%E0%A4%A',
      '/.env',
      '/link.txt',
      `/${encodeURIComponent(secret)}`,
    ]) {
      const r = await get(server.url, path);
      assert.equal(r.status, 404, path);
      assert.doesNotMatch(r.body, /TOP SECRET|SECRET=1/, path);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(server.url, '/', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    assert.ok(Number(head.headers['content-length']) > 0);
    const post = await get(server.url, '/', 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
  });

  it('refuses to serve a folder that does not exist', async () => {
    await assert.rejects(serveSite({ dir: join(secret, 'nope'), port: 0 }), /not a folder/);
  });
});

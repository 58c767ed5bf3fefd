import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkUrl, isPrivateAddress } from '../../scanner/connect/guard.ts';
import { ScanError } from '../../scanner/connect/errors.ts';

async function kindOf(url: string, lookup?: (h: string) => Promise<string[]>): Promise<string | 'allowed'> {
  try {
    await checkUrl(new URL(url), { allowPrivate: false, lookup: lookup ?? (async () => ['93.184.216.34']) });
    return 'allowed';
  } catch (err) {
    assert.ok(err instanceof ScanError);
    return err.kind;
  }
}

describe('private-network guard', () => {
  it('refuses every spelling of loopback', async () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://127.1/',
      'http://2130706433/',
      'http://0x7f.0.0.1/',
      'http://0177.0.0.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://localhost/',
      'http://LOCALHOST./',
      'http://api.localhost/',
      'http://0.0.0.0/',
      'http://[::]/',
    ]) {
      assert.equal(await kindOf(url), 'blocked', url);
    }
  });

  it('refuses private, link-local, unique-local and metadata addresses', async () => {
    for (const url of ['http://10.1.2.3/', 'http://172.16.0.1/', 'http://192.168.1.1/', 'http://169.254.169.254/', 'http://[fd00::1]/', 'http://[fe80::1]/', 'http://100.64.0.1/']) {
      assert.equal(await kindOf(url), 'blocked', url);
    }
  });

  it('refuses a public name that resolves to a private address', async () => {
    assert.equal(await kindOf('https://rebind.example/', async () => ['93.184.216.34', '127.0.0.1']), 'blocked');
  });

  it('allows public addresses and names, and says when a name does not resolve', async () => {
    assert.equal(await kindOf('https://example.com/mcp'), 'allowed');
    assert.equal(await kindOf('http://[2606:4700::1111]/'), 'allowed');
    const nxdomain = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    assert.equal(await kindOf('https://nowhere.invalid/', nxdomain), 'unreachable');
  });

  it('classifies addresses', () => {
    assert.equal(isPrivateAddress('8.8.8.8'), false);
    assert.equal(isPrivateAddress('::ffff:8.8.8.8'), false);
    assert.equal(isPrivateAddress('::ffff:10.0.0.1'), true);
    assert.equal(isPrivateAddress('not-an-ip'), true);
  });
});

describe('private-network guard in a real scan (no --allow-private)', () => {
  it('blocks every spelling of a loopback URL, and no request reaches the server', async () => {
    const { createServer } = await import('node:http');
    const { scanList } = await import('../helpers/scan.ts');
    const hits: string[] = [];
    // Dual-stack on every local address, so any spelling that got through would be heard.
    const server = createServer((req, res) => {
      hits.push(`${req.method} ${req.headers.host}`);
      res.writeHead(500).end();
    });
    await new Promise<void>((r) => server.listen(0, '::', r));
    const port = (server.address() as { port: number }).port;
    try {
      const spellings = [
        `http://localhost:${port}/mcp`,
        `http://LOCALHOST.:${port}/mcp`,
        `http://api.localhost:${port}/mcp`,
        `http://127.0.0.1:${port}/mcp`,
        `http://127.1:${port}/mcp`,
        `http://2130706433:${port}/mcp`,
        `http://0x7f.0.0.1:${port}/mcp`,
        `http://0177.0.0.1:${port}/mcp`,
        `http://127.0.0.1.:${port}/mcp`,
        `http://0.0.0.0:${port}/mcp`,
        `http://0:${port}/mcp`,
        `http://[::1]:${port}/mcp`,
        `http://[::]:${port}/mcp`,
        `http://[::ffff:127.0.0.1]:${port}/mcp`,
        `http://[::ffff:7f00:1]:${port}/mcp`,
        `http://[0:0:0:0:0:ffff:7f00:1]:${port}/mcp`,
        `http://rebind.test:${port}/mcp`,
        `http://mapped.test:${port}/mcp`,
      ];
      let lookups = 0;
      const lookup = async (host: string) => {
        lookups++;
        return host === 'mapped.test' ? ['::ffff:127.0.0.1'] : ['127.0.0.1'];
      };
      const list = Object.fromEntries(spellings.map((url, i) => [`s${i}`, { url }]));
      const { results } = await scanList(list, { allowPrivate: false, lookup });
      for (const [i, url] of spellings.entries()) {
        const r = results.get(`s${i}`)!;
        assert.equal(r.status, 'blocked', `${url}: ${JSON.stringify(r.error)}`);
      }
      assert.deepEqual(hits, [], 'no request reached the server');
      // Names are resolved once, as the connection is made (no second lookup to rebind between).
      assert.equal(lookups, 2);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

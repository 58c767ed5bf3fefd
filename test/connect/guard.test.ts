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

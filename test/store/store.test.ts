// What a scan stores: a result that cannot be written stops the scan; recorded targets hold no secrets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../../scanner/pipeline.ts';
import { projectPath } from '../helpers/scan.ts';

describe('store failures', () => {
  it('stops starting servers and rejects with the write error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'census-store-'));
    const server = { command: process.execPath, args: [projectPath('test/fixtures/servers/stdio-server.mjs')] };
    const ids = ['a-first', 'b', 'c', 'd', 'e', 'f'];
    await writeFile(join(dir, 'servers.json'), JSON.stringify({ mcpServers: Object.fromEntries(ids.map((id) => [id, server])) }));
    const out = join(dir, 'out');
    // A folder where the first server's result file must go: its rename fails.
    await mkdir(join(out, 'servers', 'a-first.json'), { recursive: true });
    await assert.rejects(runScan({ servers: join(dir, 'servers.json'), out, concurrency: 1, timeoutSeconds: 20 }), /EISDIR|EEXIST|ENOTEMPTY|directory/i);
    const written = (await readdir(join(out, 'servers'))).filter((f) => f !== 'a-first.json');
    assert.ok(written.length < ids.length - 1, `stopped early: ${written.join(', ')}`);
  });
});

describe('recorded targets', () => {
  it('stores secret-looking arguments redacted, and --resume still knows the server', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'census-redact-'));
    const fixture = projectPath('test/fixtures/tools-list/memory.json');
    const args = [projectPath('test/fixtures/servers/stdio-server.mjs'), fixture, '--api-key=sk-verysecretvalue-123456'];
    await writeFile(join(dir, 'servers.json'), JSON.stringify({ mcpServers: { keyed: { command: process.execPath, args } } }));
    const out = join(dir, 'out');
    const opts = { servers: join(dir, 'servers.json'), out, timeoutSeconds: 20 };
    const first = await runScan(opts);
    assert.equal(first.byStatus.ok, 1);
    const stored = await readFile(join(out, 'servers', 'keyed.json'), 'utf8');
    assert.ok(!stored.includes('verysecretvalue'), 'the secret is not written');
    assert.match(stored, /--api-key=<redacted>/);
    const again = await runScan({ ...opts, resumeMaxAgeMs: 3_600_000 });
    assert.equal(again.fresh, 1);
    assert.equal(again.total, 0);
  });
});

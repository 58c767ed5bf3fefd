// A scan whose results cannot be written stops and says so, instead of going on silently.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
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

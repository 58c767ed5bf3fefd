// stdio servers that misbehave: each is a real child process; the scan records
// what happened and leaves no process of theirs behind.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath, scanList } from '../helpers/scan.ts';
import { StdioTransport } from '../../scanner/connect/stdio.ts';
import { goneWithin } from '../helpers/processes.ts';

const fixture = projectPath('test/fixtures/servers/misbehaving-stdio.mjs');
const serve = (mode: string, ...extra: string[]) => ({ command: process.execPath, args: [fixture, mode, ...extra] });


describe('misbehaving stdio servers', () => {
  it('scans a server that floods stderr, keeping only a bounded tail', async () => {
    const { results } = await scanList({ noisy: serve('flood-stderr') });
    const r = results.get('noisy')!;
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.equal(r.tools.length, 1);
    // What the transport keeps of those 20 MB is its tail.
    const transport = new StdioTransport({ command: process.execPath, args: [fixture, 'flood-stderr'], env: { PATH: process.env.PATH ?? '' }, cwd: tmpdir(), stderrTailBytes: 4096 });
    await transport.start();
    for (let i = 0; i < 200 && transport.stderr.length < 4096; i++) await new Promise((res) => setTimeout(res, 25));
    await new Promise((res) => setTimeout(res, 500));
    assert.equal(transport.stderr.length, 4096);
    await transport.close();
  });

  it('records a server that dies mid-list as crashed, with its last words', async () => {
    const { results } = await scanList({ dying: serve('crash-on-list') });
    const r = results.get('dying')!;
    assert.equal(r.status, 'error');
    assert.equal(r.error?.kind, 'crashed');
    assert.match(r.error!.message, /lost my marbles/);
  });

  it('kills a server that ignores SIGTERM once the scan is done', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'census-pid-')), 'pid');
    const { results } = await scanList({ stubborn: serve('ignore-sigterm', pidFile) });
    assert.equal(results.get('stubborn')!.status, 'ok');
    assert.equal(await goneWithin(Number(readFileSync(pidFile, 'utf8')), 3000), true, 'SIGKILL followed the ignored SIGTERM');
  });

  it('ends a grandchild the server left running after a normal scan', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'census-pid-')), 'pids');
    const { results } = await scanList({ parent: serve('grandchild', pidFile) });
    assert.equal(results.get('parent')!.status, 'ok');
    for (const pid of readFileSync(pidFile, 'utf8').split(' ').map(Number)) {
      assert.equal(await goneWithin(pid, 3000), true, `process ${pid} outlived the scan`);
    }
  });

  it('refuses a line on stdout over the message cap: too-large', async () => {
    const { results } = await scanList({ huge: serve('huge-line') }, { http: { maxMessageBytes: 8 * 1024 * 1024 } });
    const r = results.get('huge')!;
    assert.equal(r.status, 'error');
    assert.equal(r.error?.kind, 'too-large');
  });
});

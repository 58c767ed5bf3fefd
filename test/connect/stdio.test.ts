import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath, scanList } from '../helpers/scan.ts';
import { goneWithin } from '../helpers/processes.ts';

const server = projectPath('test/fixtures/servers/stdio-server.mjs');
const fixture = projectPath('test/fixtures/tools-list/everything.json');
const everything = JSON.parse(readFileSync(fixture, 'utf8')).tools as { name: string }[];

function reportedEnv(description: string): { env: Record<string, string>; cwd: string } {
  return JSON.parse(description);
}

describe('stdio servers', () => {
  it('lists the tools of an SDK server started as a child process', async () => {
    const { results } = await scanList({ local: { command: process.execPath, args: [server, fixture] } });
    const r = results.get('local')!;
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.equal(r.target.transport, 'stdio');
    assert.equal(r.server?.name, 'stdio-fixture');
    assert.deepEqual(r.tools.map((t) => t.name), [...everything.map((t) => t.name), 'report_environment']);
  });

  it('hands the server a minimal environment: none of the scanner\'s variables or secrets', async () => {
    process.env.CENSUS_TEST_SECRET = 'hunter2-do-not-leak';
    try {
      const { results } = await scanList({
        local: { command: process.execPath, args: [server], env: { GREETING: 'hello', TOKEN: '${CENSUS_TEST_SECRET}' } },
      });
      const r = results.get('local')!;
      const report = reportedEnv(r.tools.find((t) => t.name === 'report_environment')!.description);
      // Only the base variables and the ones the entry asked for.
      assert.deepEqual(Object.keys(report.env).sort(), ['GREETING', 'HOME', 'LANG', 'PATH', 'TMPDIR', 'TOKEN']);
      assert.equal(report.env.GREETING, 'hello');
      assert.equal(report.env.TOKEN, 'hunter2-do-not-leak', 'an explicit ${VAR} reference is expanded');
      assert.notEqual(report.env.HOME, process.env.HOME);
      assert.equal(report.cwd, report.env.HOME, 'runs in its own empty HOME');
      // The stored result never holds the expanded secret in its target.
      assert.ok(!JSON.stringify(r.target).includes('hunter2'));
    } finally {
      delete process.env.CENSUS_TEST_SECRET;
    }
  });

  it('records an unset ${VAR} reference as a config error without starting the server', async () => {
    const { results } = await scanList({ local: { command: process.execPath, args: [server], env: { T: '${CENSUS_SURELY_UNSET_VAR}' } } });
    const r = results.get('local')!;
    assert.equal(r.status, 'error');
    assert.equal(r.error?.kind, 'config');
    assert.match(r.error!.message, /CENSUS_SURELY_UNSET_VAR/);
  });

  it('tolerates junk printed on stdout before the protocol starts', async () => {
    const { results } = await scanList({ noisy: { command: process.execPath, args: [server, fixture, 'junk'] } });
    assert.equal(results.get('noisy')!.status, 'ok');
  });

  it('records a command that does not exist as a spawn error', async () => {
    const { results } = await scanList({ missing: { command: 'census-no-such-command-xyz' } });
    assert.equal(results.get('missing')!.status, 'error');
    assert.equal(results.get('missing')!.error?.kind, 'spawn');
  });

  it('records a server that exits at once as crashed, with its stderr', async () => {
    const { results } = await scanList({ dying: { command: process.execPath, args: ['-e', 'console.error("boom: no config"); process.exit(3)'] } });
    const r = results.get('dying')!;
    assert.equal(r.status, 'error');
    assert.equal(r.error?.kind, 'crashed');
    assert.match(r.error!.message, /boom: no config/);
  });

  it('times out a server that never answers, and ends it and its child', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'census-pids-'));
    const pids = join(dir, 'pids');
    // The server starts a grandchild of the scanner and then stays silent.
    const script = `const cp = require('child_process');
      const kid = cp.spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      require('fs').writeFileSync(${JSON.stringify(pids)}, process.pid + ' ' + kid.pid);
      setInterval(() => {}, 1000);`;
    const started = Date.now();
    const { results } = await scanList({ mute: { command: process.execPath, args: ['-e', script] } }, { timeoutSeconds: 1 });
    assert.equal(results.get('mute')!.status, 'timeout');
    assert.ok(Date.now() - started < 10_000);
    for (const pid of readFileSync(pids, 'utf8').split(' ').map(Number)) {
      assert.equal(await goneWithin(pid, 2000), true, `process ${pid} outlived the scan`);
    }
  });
});

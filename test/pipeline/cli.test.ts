// The scan and classify commands end to end, as a user runs them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ClassifyLineSchema, ServerResultSchema } from '../../scanner/schemas/index.ts';
import { listen } from '../helpers/mcp-servers.ts';
import { projectPath } from '../helpers/scan.ts';

const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', projectPath('scanner/cli.ts'), ...args], { cwd: projectPath() }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

const stdioServer = projectPath('test/fixtures/servers/stdio-server.mjs');
const fixture = projectPath('test/fixtures/tools-list/everything.json');

describe('npm run scan', () => {
  it('exits 0 when every server was scanned, writing a result and a policy per server', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'census-cli-'));
    await writeFile(join(dir, 'servers.yaml'), `mcpServers:\n  one:\n    command: ${JSON.stringify(process.execPath)}\n    args: [${JSON.stringify(stdioServer)}, ${JSON.stringify(fixture)}]\n`);
    const r = await cli(['scan', '--servers', join(dir, 'servers.yaml'), '--out', join(dir, 'out'), '--concurrency', '2', '--timeout', '20']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /✓ one {2}ok {2}\d+ tools?/);
    assert.deepEqual(await readdir(join(dir, 'out', 'servers')), ['one.json']);
    assert.deepEqual(await readdir(join(dir, 'out', 'policies')), ['one.json']);
    const formats = await cli(['scan', '--servers', join(dir, 'servers.yaml'), '--out', join(dir, 'out'), '--policy-formats', 'cedar,yaml']);
    assert.equal(formats.code, 0, formats.stderr);
    assert.deepEqual((await readdir(join(dir, 'out', 'policies'))).sort(), ['one.cedar', 'one.json', 'one.yaml']);
    const result = ServerResultSchema.parse(JSON.parse(await readFile(join(dir, 'out', 'servers', 'one.json'), 'utf8')));
    assert.equal(result.status, 'ok');
  });

  it('exits 1 when some server could not be scanned, still writing the others', async () => {
    const gone = await listen(() => {});
    await gone.close();
    const dir = await mkdtemp(join(tmpdir(), 'census-cli-'));
    await writeFile(
      join(dir, 'servers.json'),
      JSON.stringify({ mcpServers: { one: { command: process.execPath, args: [stdioServer] }, gone: { url: gone.url } } }),
    );
    const r = await cli(['scan', '--servers', join(dir, 'servers.json'), '--out', join(dir, 'out'), '--allow-private']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /✗ gone {2}unreachable/);
    assert.match(r.stderr, /scanned 2 servers: 1 ok, 1 unreachable/);
    assert.deepEqual((await readdir(join(dir, 'out', 'servers'))).sort(), ['gone.json', 'one.json']);
  });
});

describe('npm run classify', () => {
  it('prints one JSON line per tool of saved tools/list answers', async () => {
    const r = await cli(['classify', fixture, projectPath('test/schemas/valid/tools-list/minimal.json')]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => ClassifyLineSchema.parse(JSON.parse(l)));
    const served = JSON.parse(await readFile(fixture, 'utf8')).tools.length;
    assert.equal(lines.length, served + 2);
    assert.equal(lines[0].file, fixture);
    const time = lines.find((l) => l.name === 'get_time')!;
    assert.equal(time.access, 'read');
  });

  it('exits 2 naming the file for a bad tools/list file', async () => {
    const r = await cli(['classify', projectPath('test/schemas/invalid/tools-list/tools-not-array.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /tools-not-array\.json:1: tools: /);
  });
});

describe('npm run build', () => {
  it('builds the catalogue of a fresh scan: a page per server and per tool, and the policy download', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'census-cli-'));
    await writeFile(join(dir, 'servers.yaml'), `mcpServers:\n  one:\n    command: ${JSON.stringify(process.execPath)}\n    args: [${JSON.stringify(stdioServer)}, ${JSON.stringify(fixture)}]\n`);
    const scanned = await cli(['scan', '--servers', join(dir, 'servers.yaml'), '--out', join(dir, 'data')]);
    assert.equal(scanned.code, 0, scanned.stderr);
    const r = await cli(['build', '--data', join(dir, 'data'), '--out', join(dir, 'dist')]);
    assert.equal(r.code, 0, r.stderr);
    const result = ServerResultSchema.parse(JSON.parse(await readFile(join(dir, 'data', 'servers', 'one.json'), 'utf8')));
    assert.ok(result.tools.length > 0);
    await readFile(join(dir, 'dist', 'index.html'), 'utf8');
    await readFile(join(dir, 'dist', 'servers', 'one', 'index.html'), 'utf8');
    for (const tool of result.tools) {
      const page = await readFile(join(dir, 'dist', 'tools', 'one', tool.slug, 'index.html'), 'utf8');
      assert.ok(page.includes(tool.risk), `${tool.slug} page shows its risk`);
    }
    const policy = JSON.parse(await readFile(join(dir, 'dist', 'policies', 'one.json'), 'utf8'));
    assert.deepEqual(policy, JSON.parse(await readFile(join(dir, 'data', 'policies', 'one.json'), 'utf8')));
  });

  it('exits 2 naming the file and field of broken data, and for a folder that is not a scan', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'census-cli-'));
    const r = await cli(['build', '--data', dir, '--out', join(dir, 'dist')]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /servers is not a folder/);
    await writeFile(join(dir, 'servers.yaml'), `mcpServers:\n  one:\n    command: ${JSON.stringify(process.execPath)}\n    args: [${JSON.stringify(stdioServer)}]\n`);
    assert.equal((await cli(['scan', '--servers', join(dir, 'servers.yaml'), '--out', join(dir, 'data')])).code, 0);
    const file = join(dir, 'data', 'servers', 'one.json');
    const result = JSON.parse(await readFile(file, 'utf8'));
    result.status = 'fine';
    await writeFile(file, JSON.stringify(result));
    const broken = await cli(['build', '--data', join(dir, 'data'), '--out', join(dir, 'dist')]);
    assert.equal(broken.code, 2, broken.stderr);
    assert.match(broken.stderr, /one\.json.*status/);
  });
});

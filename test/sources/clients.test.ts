// --from-clients: the servers configured for MCP clients, read from a fake HOME and project.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { loadClients } from '../../scanner/sources/clients.ts';
import { redactArgs } from '../../scanner/sources/redact.ts';
import { stripJsonc } from '../../scanner/sources/jsonc.ts';
import { scan } from '../../scanner/run.ts';
import { ServerResultSchema, type ClientOrigin } from '../../scanner/schemas/index.ts';
import { streamableHttpServer, syntheticTools } from '../helpers/mcp-servers.ts';
import { projectPath } from '../helpers/scan.ts';

const run = promisify(execFile);
const stdioServer = projectPath('test/fixtures/servers/stdio-server.mjs');
const fixture = projectPath('test/fixtures/tools-list/memory.json');

async function put(path: string, content: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

/** A fake machine: HOME with every client's user config, and a project with its own configs. */
async function machine(): Promise<{ home: string; cwd: string }> {
  const root = await mkdtemp(join(tmpdir(), 'census-clients-'));
  const home = join(root, 'home');
  const cwd = join(root, 'work', 'app');
  await mkdir(cwd, { recursive: true });
  const same = { command: 'node', args: ['server.js'], env: { API_TOKEN: 'tok-123' } };
  await put(join(home, '.config/Claude/claude_desktop_config.json'), { mcpServers: { notes: same, off: { command: 'x', disabled: true } } });
  await put(join(home, 'Library/Application Support/Claude/claude_desktop_config.json'), { mcpServers: { mac: { command: 'mac-server' } } });
  await put(join(home, '.claude.json'), {
    numStartups: 4,
    mcpServers: { 'cc-user': { type: 'http', url: 'https://cc.example.com/mcp?key=abc', headers: { Authorization: 'Bearer cc-secret' } } },
    projects: { '/srv/other': { mcpServers: { 'cc-local': { type: 'stdio', command: 'npx', args: ['-y', 'local-mcp'] } } }, '/srv/empty': {} },
  });
  await put(join(cwd, '.mcp.json'), { mcpServers: { 'cc-project': { command: 'node', args: ['./tools.js'] } } });
  await put(join(home, '.cursor/mcp.json'), { mcpServers: { notes: same, 'cursor-remote': { url: 'https://cursor.example.com/sse' } } });
  await put(join(cwd, '.cursor/mcp.json'), { mcpServers: { 'cursor-project': { command: 'python3', args: ['-m', 'srv'], cwd: 'sub' } } });
  await put(join(home, '.config/Code/User/mcp.json'), {
    inputs: [{ id: 'key', type: 'promptString', password: true }],
    servers: {
      'vs-remote': { type: 'http', url: 'https://vs.example.com/mcp', headers: { 'X-Key': '${env:VS_KEY}' } },
      'vs-prompt': { type: 'stdio', command: 'node', args: ['x.js'], env: { KEY: '${input:key}' } },
    },
  });
  await put(
    join(home, '.config/Code/User/settings.json'),
    `{
      // user settings, with comments and trailing commas
      "editor.fontSize": 14,
      "mcp": {
        "servers": {
          "vs-settings": { "type": "sse", "url": "https://vs-settings.example.com/sse", },
        },
      },
    }`,
  );
  await put(join(cwd, '.vscode/mcp.json'), { servers: { 'vs-project': { command: 'node', args: ['${workspaceFolder}/srv.js'] } } });
  await put(join(home, '.codeium/windsurf/mcp_config.json'), { mcpServers: { surf: { serverUrl: 'https://surf.example.com/mcp' } } });
  await put(join(home, '.gemini/settings.json'), {
    theme: 'dark',
    mcpServers: { 'gem-http': { httpUrl: 'https://gem.example.com/mcp' }, 'gem-sse': { url: 'https://gem.example.com/sse' }, bad: { args: ['x'] } },
  });
  await put(join(cwd, '.gemini/settings.json'), '{ not json');
  return { home, cwd };
}

describe('client configs', () => {
  it('finds the servers of every supported client, user and project, once each, with where they came from', async () => {
    const { home, cwd } = await machine();
    const { targets, skipped, files } = await loadClients({ home, cwd, appData: join(home, 'AppData/Roaming') });
    const ids = targets.map((t) => t.id).sort();
    assert.deepEqual(ids, [
      'cc-local',
      'cc-project',
      'cc-user',
      'cursor-project',
      'cursor-remote',
      'gem-http',
      'gem-sse',
      'mac',
      'notes',
      'surf',
      'vs-project',
      'vs-remote',
      'vs-settings',
    ]);
    assert.equal(files.length, 11, 'every file but the project Gemini settings, which is not JSON');
    const by = (id: string) => targets.find((t) => t.id === id)!;
    const notes = by('notes');
    assert.deepEqual(
      (notes.origin as ClientOrigin).configs.map((c) => [c.client, c.file, c.scope]),
      [
        ['claude-desktop', '~/.config/Claude/claude_desktop_config.json', 'user'],
        ['cursor', '~/.cursor/mcp.json', 'user'],
      ],
      'the same server in two clients is scanned once',
    );
    const ccUser = by('cc-user');
    assert.ok(ccUser.kind === 'remote');
    assert.equal(ccUser.entry.type, 'http');
    assert.deepEqual(ccUser.entry.headers, { Authorization: 'Bearer cc-secret' });
    const ccLocal = by('cc-local');
    assert.deepEqual((ccLocal.origin as ClientOrigin).configs[0], { client: 'claude-code', file: '~/.claude.json', scope: 'project', project: '/srv/other', key: 'cc-local' });
    assert.ok(ccLocal.kind === 'stdio' && ccLocal.entry.cwd === '/srv/other');
    const ccProject = by('cc-project');
    assert.deepEqual((ccProject.origin as ClientOrigin).configs[0], { client: 'claude-code', file: '.mcp.json', scope: 'project', project: '.', key: 'cc-project' });
    assert.ok(ccProject.kind === 'stdio' && ccProject.entry.cwd === cwd);
    const cursorProject = by('cursor-project');
    assert.ok(cursorProject.kind === 'stdio' && cursorProject.entry.cwd === join(cwd, 'sub'));
    assert.equal((by('vs-remote') as { entry: { headers: Record<string, string> } }).entry.headers['X-Key'], '${VS_KEY}');
    assert.equal((by('vs-settings') as { entry: { type?: string } }).entry.type, 'sse');
    assert.deepEqual((by('vs-project') as { entry: { args: string[] } }).entry.args, [join(cwd, 'srv.js')]);
    assert.equal((by('surf') as { entry: { url: string } }).entry.url, 'https://surf.example.com/mcp');
    assert.equal((by('gem-http') as { entry: { type?: string } }).entry.type, undefined);
    assert.equal((by('gem-sse') as { entry: { type?: string } }).entry.type, 'sse');
    const reasons = skipped.map((s) => `${s.id}: ${s.reason}`);
    assert.ok(reasons.some((r) => /^vs-prompt: .*prompts for/.test(r)), reasons.join('\n'));
    assert.ok(reasons.some((r) => /^bad: ~\/\.gemini\/settings\.json: bad: needs `command` or a URL/.test(r)), reasons.join('\n'));
    assert.ok(reasons.some((r) => /^\.gemini\/settings\.json: not valid JSON/.test(r)), reasons.join('\n'));
    assert.ok(!ids.includes('off'));
  });

  it('finds nothing, without failing, on a machine with no client configured', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'census-clients-'));
    assert.deepEqual(await loadClients({ home: empty, cwd: empty }), { targets: [], skipped: [], files: [] });
  });

  it('strips comments and trailing commas but not inside strings', () => {
    assert.deepEqual(JSON.parse(stripJsonc('{"a": "// x, }", /* c */ "b": [1,],}')), { a: '// x, }', b: [1] });
  });

  it('redacts secret-looking arguments and URL query strings', () => {
    assert.deepEqual(
      redactArgs(['-y', 'mcp-remote', 'https://u:p@x.example.com/sse?token=abc#f', '--api-key=sk-1', '--token', 'sk-2', '-e', 'DB_URL=postgres://a:b@h/db', 'GITHUB_TOKEN=ghp_x', '--verbose', 'plain']),
      ['-y', 'mcp-remote', 'https://x.example.com/sse', '--api-key=<redacted>', '--token', '<redacted>', '-e', 'DB_URL=<redacted>', 'GITHUB_TOKEN=<redacted>', '--verbose', 'plain'],
    );
  });

  describe('scan --from-clients', () => {
    const closers: (() => Promise<void>)[] = [];
    after(() => Promise.all(closers.map((c) => c())));

    it('scans what the clients configure and writes no env value, header value, query string or secret argument', async () => {
      const remote = await streamableHttpServer({ tools: syntheticTools(2) });
      closers.push(remote.close);
      const root = await mkdtemp(join(tmpdir(), 'census-clients-'));
      const home = join(root, 'home');
      const cwd = join(root, 'project');
      await mkdir(cwd, { recursive: true });
      const local = { command: process.execPath, args: [stdioServer, fixture, '--api-key=sk-live-123'], env: { NOTES_ENV: 'plain-value' } };
      await put(join(home, '.cursor/mcp.json'), { mcpServers: { memory: local, web: { url: `${remote.url}?token=q-secret-456`, headers: { Authorization: 'Bearer h-secret-789' } } } });
      await put(join(home, '.gemini/settings.json'), { mcpServers: { memory: local } });
      const out = join(root, 'out');
      const report = await scan({ out, clients: { home, cwd }, allowPrivate: true, timeoutSeconds: 20, keepResults: true });
      assert.equal(report.total, 2);
      assert.deepEqual(report.stored.map((r) => [r.id, r.status]).sort(), [
        ['memory', 'ok'],
        ['web', 'ok'],
      ]);
      const memory = report.stored.find((r) => r.id === 'memory')!;
      assert.deepEqual((memory.origin as ClientOrigin).configs.map((c) => c.client), ['cursor', 'gemini-cli']);
      assert.deepEqual(memory.target.args, [stdioServer, fixture, '--api-key=<redacted>']);
      for (const file of await readdir(join(out, 'servers'))) {
        const text = await readFile(join(out, 'servers', file), 'utf8');
        ServerResultSchema.parse(JSON.parse(text));
        assert.doesNotMatch(text, /sk-live-123|q-secret-456|h-secret-789/, file);
      }
      const web = report.stored.find((r) => r.id === 'web')!;
      assert.equal(web.target.url, remote.url);
    });

    it('npm run scan -- --from-clients reads $HOME', async () => {
      const root = await mkdtemp(join(tmpdir(), 'census-clients-'));
      const home = join(root, 'home');
      await put(join(home, '.codeium/windsurf/mcp_config.json'), { mcpServers: { one: { command: process.execPath, args: [stdioServer, fixture] } } });
      const out = join(root, 'out');
      const r = await run(process.execPath, ['--import', 'tsx', projectPath('scanner/cli.ts'), 'scan', '--from-clients', '--out', out, '--timeout', '20'], {
        cwd: projectPath(),
        env: { ...process.env, HOME: home },
      }).then(
        (x) => ({ code: 0, ...x }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(await readdir(join(out, 'servers')), ['one.json']);
      const result = ServerResultSchema.parse(JSON.parse(await readFile(join(out, 'servers', 'one.json'), 'utf8')));
      assert.deepEqual(result.origin, { source: 'clients', configs: [{ client: 'windsurf', file: '~/.codeium/windsurf/mcp_config.json', scope: 'user', key: 'one' }] });
    });
  });
});

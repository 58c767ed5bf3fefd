import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadServerList } from '../../scanner/sources/servers.ts';
import { InputError } from '../../scanner/sources/errors.ts';
import { projectPath } from '../helpers/scan.ts';

async function file(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'census-src-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function rejection(path: string): Promise<InputError> {
  try {
    await loadServerList(path);
  } catch (err) {
    assert.ok(err instanceof InputError, `expected InputError, got ${err}`);
    return err;
  }
  assert.fail('expected the list to be refused');
}

describe('server lists', () => {
  it('reads the embedded default list', async () => {
    const targets = await loadServerList(projectPath('data/servers.yaml'));
    assert.ok(targets.length >= 6);
    assert.ok(targets.some((t) => t.kind === 'stdio'));
    assert.ok(targets.some((t) => t.kind === 'remote'));
    assert.equal(new Set(targets.map((t) => t.slug)).size, targets.length);
  });

  it('reads the JSON client-config shape, stdio and remote, skipping disabled entries', async () => {
    const path = await file(
      'servers.json',
      JSON.stringify({
        mcpServers: {
          github: { command: 'npx', args: ['-y', 'x'], env: { A: 'b' } },
          remote: { url: 'https://example.com/mcp', headers: { Authorization: 'Bearer ${TOKEN}' }, type: 'http' },
          off: { command: 'x', disabled: true },
          Case: { command: 'a' },
          case: { command: 'b' },
        },
      }),
    );
    const targets = await loadServerList(path);
    assert.deepEqual(targets.map((t) => t.id), ['github', 'remote', 'Case', 'case']);
    assert.equal(targets[0].kind, 'stdio');
    assert.equal(targets[1].kind, 'remote');
    assert.notEqual(targets[2].slug, targets[3].slug, 'case twins get distinct slugs');
  });

  it('records where each entry came from: the file and the line its definition starts on', async () => {
    const path = await file('s.yaml', 'mcpServers:\n  a:\n    command: node\n  # a comment\n  b:\n    url: https://example.com/mcp\n');
    const targets = await loadServerList(path);
    assert.deepEqual(
      targets.map((t) => t.origin),
      [
        { source: 'list', file: path, key: 'a', line: 3 },
        { source: 'list', file: path, key: 'b', line: 6 },
      ],
    );
  });

  it('resolves a relative cwd against the list\'s folder', async () => {
    const path = await file('s.yaml', 'mcpServers:\n  a:\n    command: node\n    cwd: sub\n');
    const [t] = await loadServerList(path);
    assert.equal(t.kind === 'stdio' && t.entry.cwd, join(path, '..', 'sub'));
  });

  it('names the file and line of a YAML syntax error', async () => {
    const path = await file('bad.yaml', 'mcpServers:\n  a:\n    command: node\n    args: [one, two\n  b:\n    url: x\n');
    const err = await rejection(path);
    assert.match(err.message, new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: invalid YAML`));
    assert.ok(err.line && err.line >= 4);
  });

  it('names the file and line of a JSON syntax error', async () => {
    const path = await file('bad.json', '{\n  "mcpServers": {\n    "a": { "command": "x", }\n  }\n}\n');
    const err = await rejection(path);
    assert.match(err.message, /bad\.json:3:\d+: invalid JSON/);
  });

  it('names the file and line of a server listed twice, in JSON and in YAML, and of a repeated field', async () => {
    const yaml = await rejection(await file('twice.yaml', 'mcpServers:\n  a:\n    command: node\n  b:\n    url: https://b.example/mcp\n  a:\n    command: python\n'));
    assert.match(yaml.message, /twice\.yaml:6:3: invalid YAML: Map keys must be unique \("a" appears twice\)/);
    assert.equal(yaml.line, 6);
    const json = await rejection(await file('twice.json', '{"mcpServers": {\n  "a": {"command": "node"},\n  "a": {"command": "py"}}}'));
    assert.match(json.message, /twice\.json:3:3: invalid JSON: Map keys must be unique/);
    const field = await rejection(await file('field.yaml', 'mcpServers:\n  a:\n    command: node\n    command: python\n'));
    assert.match(field.message, /field\.yaml:4:5: .*"command" appears twice/);
  });

  it('records the line of every server of a long list (one pass, not one search per server)', async () => {
    const n = 3000;
    const lines = ['mcpServers:'];
    for (let i = 0; i < n; i++) lines.push(`  s${i}:`, `    url: https://s${i}.example/mcp`);
    const targets = await loadServerList(await file('long.yaml', lines.join('\n') + '\n'));
    assert.equal(targets.length, n);
    // The line where each server's entry begins (its first field).
    assert.deepEqual(
      [0, 1, n - 1].map((i) => {
        const origin = targets[i].origin;
        return origin?.source === 'list' ? origin.line : undefined;
      }),
      [3, 5, 3 + 2 * (n - 1)],
    );
  });

  it('names the file, line and field of a wrong field', async () => {
    const path = await file('wrong.yaml', 'mcpServers:\n  ok:\n    command: node\n  broken:\n    command: node\n    args: --stdio\n');
    const err = await rejection(path);
    assert.equal(err.field, 'mcpServers.broken.args');
    assert.equal(err.line, 6);
    assert.match(err.message, /wrong\.yaml:6: mcpServers\.broken\.args: .*array/i);
  });

  it('names an entry that has neither command nor url', async () => {
    const path = await file('neither.json', '{"mcpServers": {\n "x": {"args": []}\n}}');
    const err = await rejection(path);
    assert.match(err.message, /neither\.json:2: mcpServers\.x: needs `command`.*or `url`/);
  });

  it('refuses a non-http URL and a missing mcpServers', async () => {
    let err = await rejection(await file('u.yaml', 'mcpServers:\n  x:\n    url: "file:///etc/passwd"\n'));
    assert.match(err.message, /u\.yaml:3: mcpServers\.x\.url/);
    err = await rejection(await file('m.yaml', 'servers: {}\n'));
    assert.match(err.message, /m\.yaml:1: mcpServers:/);
  });

  it('makes the CLI exit 2 with the message, for syntax and field errors', async () => {
    const run = promisify(execFile);
    for (const [name, text, pattern] of [
      ['syntax.yaml', 'mcpServers: [\n', /syntax\.yaml:\d+:\d+: invalid YAML/],
      ['field.json', '{"mcpServers": {"a": {"command": 5}}}', /field\.json:1: mcpServers\.a\.command/],
    ] as const) {
      const path = await file(name, text);
      const err = await run(process.execPath, ['--import', 'tsx', projectPath('scanner/cli.ts'), 'scan', '--servers', path, '--out', join(path, '..', 'out')], {
        cwd: projectPath(),
      }).then(
        () => assert.fail('expected exit 2'),
        (e: { code: number; stderr: string }) => e,
      );
      assert.equal(err.code, 2);
      assert.match(err.stderr, pattern);
    }
  });

  it('makes the CLI exit 2 on bad usage', async () => {
    const run = promisify(execFile);
    const err = await run(process.execPath, ['--import', 'tsx', projectPath('scanner/cli.ts'), 'scan', '--concurrency', 'lots'], { cwd: projectPath() }).then(
      () => assert.fail('expected exit 2'),
      (e: { code: number; stderr: string }) => e,
    );
    assert.equal(err.code, 2);
    assert.match(err.stderr, /--concurrency must be a positive integer/);
  });
});

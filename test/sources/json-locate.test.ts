// JSON positions without the YAML parser: the same lines as the YAML parser gives for the same text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateJson } from '../../scanner/sources/json-locate.ts';
import { readStructured } from '../../scanner/sources/parse.ts';
import { InputError } from '../../scanner/sources/errors.ts';
import { projectPath } from '../helpers/scan.ts';

/** Every path of `value`, objects and arrays first-level to leaves, at most `max` of them. */
function paths(value: unknown, max: number): PropertyKey[][] {
  const out: PropertyKey[][] = [[]];
  const work: [unknown, PropertyKey[]][] = [[value, []]];
  while (work.length && out.length < max) {
    const [v, path] = work.shift()!;
    if (v === null || typeof v !== 'object') continue;
    for (const [k, child] of Array.isArray(v) ? v.map((c, i) => [i, c] as const) : Object.entries(v)) {
      out.push([...path, k]);
      work.push([child, [...path, k]]);
    }
  }
  return out;
}

describe('JSON positions', () => {
  it('gives every value the line the YAML parser gives it, on real recordings, a server list and the labels', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'json-locate-'));
    const recordings = (await readdir(projectPath('test/fixtures/tools-list'))).slice(0, 12).map((f) => projectPath('test/fixtures/tools-list', f));
    const compact = join(dir, 'compact.json');
    await writeFile(compact, '{"mcpServers":{"a":{"url":"https://a.example/mcp","headers":{"X":"y"}},\n"b":{"command":"node","args":["x",\n"y"]},"c":null}}');
    for (const file of [...recordings, projectPath('test/fixtures/labels/labels.json'), compact]) {
      const text = await readFile(file, 'utf8');
      const asYaml = join(dir, 'same.yaml');
      await writeFile(asYaml, text);
      const yaml = await readStructured(asYaml);
      const json = await readStructured(file);
      assert.deepEqual(json.value, yaml.value, file);
      const all = paths(json.value, 3000);
      assert.ok(all.length > 3, file);
      for (const path of [...all, ['no', 'such', 'path'], ['mcpServers', 'b', 'args', 7]]) {
        assert.equal(json.lineOf(path), yaml.lineOf(path), `${file}: ${path.map(String).join('.')}`);
      }
    }
  });

  it('finds a repeated key at any depth, escaped spellings included, and names its line and column', async () => {
    assert.deepEqual(locateJson('{"a": 1, "b": {"x": [1, {"k": 1,\n   "k": 2}]}}').duplicate, { key: 'k', line: 2, col: 4 });
    assert.deepEqual(locateJson('{"ab": 1, "a\\u0062": 2}').duplicate, { key: 'ab', line: 1, col: 11 });
    assert.equal(locateJson('{"a": {"k": 1}, "b": {"k": 1}}').duplicate, undefined, 'the same key in two objects is fine');
    assert.equal(locateJson('{"a": "}\\"{", "b": "\\\\"}').duplicate, undefined, 'braces and quotes inside strings are text');
    const dir = await mkdtemp(join(tmpdir(), 'json-locate-'));
    const file = join(dir, 'servers.json');
    await writeFile(file, '{"mcpServers": {\n  "a": {"command": "node"},\n  "a": {"command": "py"}}}');
    await assert.rejects(readStructured(file), (err: unknown) => err instanceof InputError && /servers\.json:3:3: invalid JSON: Map keys must be unique \("a" appears twice\)/.test(err.message) && err.line === 3);
  });

  it('survives nesting far deeper than the stack', () => {
    const depth = 200_000;
    const text = '['.repeat(depth) + ']'.repeat(depth);
    const located = locateJson(text);
    assert.equal(located.lineOf([0, 0, 0]), 1);
    assert.equal(located.duplicate, undefined);
  });
});

// The published JSON Schemas are generated from the zod schemas; every
// example under valid/ must pass both, every one under invalid/ fail both.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { PUBLISHED_SCHEMAS, SCHEMA_DIR, jsonSchemas } from '../../scanner/run.ts';
import { projectPath } from '../helpers/scan.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const here = import.meta.dirname;

function examples(kind: 'valid' | 'invalid', name: string): [string, unknown][] {
  const dir = join(here, kind, name);
  return readdirSync(dir).map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]);
}

describe('published JSON Schemas', () => {
  it('are up to date with the zod schemas (run `npm run schemas`)', () => {
    for (const [file, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8'));
      assert.deepEqual(committed, schema, `${file} is stale`);
    }
  });

  for (const file of Object.keys(PUBLISHED_SCHEMAS)) {
    const name = file.replace('.schema.json', '');
    it(`${file}: valid/ examples pass and invalid/ examples fail, in JSON Schema and zod alike`, () => {
      const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
      const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')));
      const zod = PUBLISHED_SCHEMAS[file];
      const valid = examples('valid', name);
      const invalid = examples('invalid', name);
      assert.ok(valid.length > 0 && invalid.length > 0, `examples for ${name}`);
      for (const [f, value] of valid) {
        assert.ok(validate(value), `${name}/${f}: ${ajv.errorsText(validate.errors)}`);
        assert.ok(zod.safeParse(value).success, `${name}/${f} (zod)`);
      }
      for (const [f, value] of invalid) {
        assert.equal(validate(value), false, `${name}/${f} should fail the JSON Schema`);
        assert.equal(zod.safeParse(value).success, false, `${name}/${f} should fail zod`);
      }
    });
  }

  it('accept the embedded default server list', () => {
    const ajv = addFormats(new Ajv2020({ strict: false }));
    const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'servers.schema.json'), 'utf8')));
    const list = parseYaml(readFileSync(projectPath('data/servers.yaml'), 'utf8'));
    assert.ok(validate(list), ajv.errorsText(validate.errors));
  });
});

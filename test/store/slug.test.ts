import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assignSlugs, slugBase } from '../../scanner/slug.ts';
import { ToolRecordSchema } from '../../scanner/schemas/index.ts';

const SAFE = /^[a-z0-9][a-z0-9-]*$/;

describe('slugs', () => {
  it('keeps ordinary names readable', () => {
    assert.equal(slugBase('get_user'), 'get-user');
    assert.equal(slugBase('userDelete'), 'user-delete');
    assert.equal(slugBase('issues.create'), 'issues-create');
    assert.equal(slugBase('Carvox — Carros Usados em Portugal'), 'carvox-carros-usados-em-portugal');
  });

  it('makes strange names safe and unique, whatever the order', () => {
    const names = ['../x', 'x', 'with space', 'with-space', '🔥', '💧', 'a'.repeat(200), 'a'.repeat(201), 'GetUser', 'getUser', 'get_user', 'con', 'index', '', '__proto__', 'dup', 'dup'];
    const slugs = assignSlugs(names);
    assert.equal(new Set(slugs).size, names.length);
    for (const s of slugs) {
      assert.match(s, SAFE);
      assert.ok(s.length <= 80, s);
    }
    const reversed = assignSlugs([...names].reverse()).reverse();
    // Order does not matter except between exact duplicates.
    assert.deepEqual(reversed.slice(0, -2), slugs.slice(0, -2));
  });

  it('produces slugs the result schema accepts', () => {
    for (const slug of assignSlugs(['Ω', '\u0000', '-', '___'])) {
      assert.ok(ToolRecordSchema.shape.slug.safeParse(slug).success, slug);
    }
  });
});

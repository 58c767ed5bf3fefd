import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { nameVerbBaseline, readOnlyHintBaseline } from '../../scanner/eval/baselines.ts';
import { TARGETS, evaluate, labelledTools, loadLabels, score, stripAnnotations } from '../../scanner/eval/index.ts';
import { FIXTURES_DIR, LABELS_FILE } from '../../scanner/eval/paths.ts';
import { InputError } from '../../scanner/sources/errors.ts';
import type { McpTool } from '../../scanner/schemas/tools-list.ts';
import { SplitSchema } from '../../scanner/schemas/labels.ts';

const tool = (name: string, annotations?: McpTool['annotations']): McpTool => ({ name, inputSchema: { type: 'object' }, ...(annotations ? { annotations } : {}) });

describe('labelled evaluation set', () => {
  it('labels every recorded tool, and splits the servers before tuning', async () => {
    const labels = await loadLabels(LABELS_FILE);
    const all = await labelledTools(labels, FIXTURES_DIR, 'all');
    const splits = await Promise.all(SplitSchema.options.map((split) => labelledTools(labels, FIXTURES_DIR, split)));
    assert.equal(splits.reduce((n, set) => n + set.length, 0), all.length);
    const [tuning, held, held2, held3] = splits;
    assert.ok(tuning.length >= 100 && held.length >= 100 && held2.length >= 100 && held3.length >= 50, splits.map((s) => s.length).join(', '));
    const servers = splits.map((set) => new Set(set.map((t) => t.server)));
    const total = servers.reduce((n, set) => n + set.size, 0);
    assert.equal(new Set(servers.flatMap((set) => [...set])).size, total, 'a server is in one split only');
    const recorded = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.json')).length;
    assert.equal(total, recorded, 'every recorded server is labelled');
    for (const c of ['destructive', 'financial', 'execute'] as const) assert.ok(held.some((t) => t.label.category === c), `held-out has ${c} tools`);
  });

  it('rejects a labels file that is wrong, naming the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'labels-'));
    const file = join(dir, 'labels.json');
    await writeFile(file, JSON.stringify({ servers: { x: { split: 'held-out', tools: { t: { access: 'read', category: 'write' } } } } }));
    await assert.rejects(loadLabels(file), (err: unknown) => err instanceof InputError && /servers\.x\.tools\.t/.test(err.message));
    await writeFile(file, JSON.stringify({ servers: { memory: { split: 'held-out', tools: { read_graph: { access: 'read', category: 'read' } } } } }));
    await assert.rejects(labelledTools(await loadLabels(file), FIXTURES_DIR, 'all'), /create_entities.*has no label/);
  });
});

describe('scores and baselines', () => {
  it('computes accuracy and recalls from the labels', () => {
    const set = [
      { server: 's', tool: tool('list_a'), label: { access: 'read', category: 'read' } },
      { server: 's', tool: tool('delete_a'), label: { access: 'write', category: 'destructive' } },
      { server: 's', tool: tool('frob_a'), label: { access: 'write', category: 'write' } },
      { server: 's', tool: tool('charge_a'), label: { access: 'write', category: 'financial' } },
    ] as const;
    const s = score(set, nameVerbBaseline);
    assert.equal(s.accessAccuracy, 3 / 4); // frob_a read by the baseline
    assert.equal(s.writeRecall, 2 / 3);
    assert.equal(s.readRecall, 1);
    assert.equal(s.categoryAccuracy, 3 / 4);
    assert.equal(s.destructiveRecall, 1);
    assert.equal(s.financialRecall, 1);
    assert.deepEqual(s.misses, ['s/frob_a: write → read']);
  });

  it('baselines: readOnlyHint with spec defaults, and verbs found inside names', () => {
    assert.deepEqual(readOnlyHintBaseline(tool('x')), { access: 'write', category: 'destructive' });
    assert.deepEqual(readOnlyHintBaseline(tool('x', { readOnlyHint: true })), { access: 'read', category: 'read' });
    assert.deepEqual(readOnlyHintBaseline(tool('x', { destructiveHint: false })), { access: 'write', category: 'write' });
    assert.equal(nameVerbBaseline(tool('userDelete')).category, 'destructive');
    assert.equal(nameVerbBaseline(tool('fork_repository')).category, 'read', 'a verb outside the lists is missed, as such lists do');
    assert.equal(stripAnnotations(tool('x', { readOnlyHint: true })).annotations, undefined);
  });
});

describe('classifier on the held-out servers', () => {
  it('beats both baselines on the later held-out sets, as served and stripped', async () => {
    const labels = await loadLabels(LABELS_FILE);
    for (const split of ['held-out-2', 'held-out-3', 'held-out-5', 'held-out-6', 'held-out-7', 'held-out-8', 'held-out-9', 'held-out-10', 'held-out-11', 'held-out-12', 'held-out-13', 'held-out-14', 'held-out-15', 'held-out-16', 'held-out-17', 'held-out-18', 'held-out-19', 'held-out-20', 'held-out-21', 'held-out-22', 'held-out-23', 'held-out-24', 'held-out-25', 'held-out-26', 'held-out-27', 'held-out-28', 'held-out-29', 'held-out-30', 'held-out-31', 'held-out-32', 'held-out-34', 'held-out-35', 'held-out-36', 'held-out-37', 'held-out-38', 'held-out-39', 'held-out-40', 'held-out-41', 'held-out-42', 'held-out-43', 'held-out-44', 'held-out-45', 'held-out-46', 'held-out-47', 'held-out-49', 'held-out-50'] as const) {
      const report = evaluate(await labelledTools(labels, FIXTURES_DIR, split), split);
      assert.ok(report.served.classifier.writeRecall >= 0.95, `${split}: write recall ${report.served.classifier.writeRecall}`);
      for (const mode of [report.served, report.stripped]) {
        for (const baseline of ['readOnlyHint + spec defaults', 'verbs inside names']) {
          assert.ok(mode.classifier.accessAccuracy > mode[baseline].accessAccuracy, `${split}: ${baseline}`);
          assert.ok(mode.classifier.categoryAccuracy > mode[baseline].categoryAccuracy, `${split}: ${baseline}`);
        }
      }
    }
  });

  it('is right more often when it is more confident', async () => {
    const labels = await loadLabels(LABELS_FILE);
    for (const split of ['held-out', 'held-out-2'] as const) {
      const { served } = evaluate(await labelledTools(labels, FIXTURES_DIR, split), split);
      const [high, mid] = served.classifier.byConfidence!;
      assert.ok(high.tools > 0 && mid.tools > 0, split);
      assert.ok(high.categoryAccuracy > mid.categoryAccuracy, `${split}: ${JSON.stringify(served.classifier.byConfidence)}`);
      assert.equal(served['verbs inside names'].byConfidence, undefined, 'baselines give no confidence');
    }
  });

  it('meets the access targets and beats both baselines', async () => {
    const labels = await loadLabels(LABELS_FILE);
    const report = evaluate(await labelledTools(labels, FIXTURES_DIR, 'held-out'), 'held-out');
    const { served, stripped } = report;
    const c = served.classifier;
    assert.ok(c.accessAccuracy >= TARGETS.served.accessAccuracy, `as served access ${c.accessAccuracy}`);
    assert.ok(c.writeRecall >= TARGETS.served.writeRecall, `as served write recall ${c.writeRecall}`);
    assert.ok(stripped.classifier.accessAccuracy >= TARGETS.stripped.accessAccuracy, `stripped access ${stripped.classifier.accessAccuracy}`);
    assert.ok(stripped.classifier.writeRecall >= TARGETS.stripped.writeRecall, `stripped write recall ${stripped.classifier.writeRecall}`);
    for (const mode of [served, stripped]) {
      for (const baseline of ['readOnlyHint + spec defaults', 'verbs inside names']) {
        assert.ok(mode.classifier.accessAccuracy > mode[baseline].accessAccuracy, baseline);
        assert.ok(mode.classifier.categoryAccuracy > mode[baseline].categoryAccuracy, baseline);
      }
    }
  });
});

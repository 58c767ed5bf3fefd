/**
 * Scores the classifier (and the two simple baselines) against the
 * hand-labelled tools of the recorded servers, as served and with every
 * annotation stripped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyTool } from '../classify/index.ts';
import { LabelsSchema, type Labels, type Split, type ToolLabel } from '../schemas/labels.ts';
import { ToolsListSchema, type McpTool } from '../schemas/tools-list.ts';
import { InputError } from '../sources/errors.ts';
import { nameVerbBaseline, readOnlyHintBaseline, type Verdict } from './baselines.ts';

/** One labelled tool as a server served it. */
export interface LabelledTool {
  server: string;
  tool: McpTool;
  label: ToolLabel;
}

/** The approaches scored side by side. */
export const APPROACHES: Record<string, (tool: McpTool) => Verdict & { confidence?: number }> = {
  classifier: (t) => classifyTool(t),
  'readOnlyHint + spec defaults': readOnlyHintBaseline,
  'verbs inside names': nameVerbBaseline,
};

/** The figures for one approach on one set of tools. */
export interface Scores {
  tools: number;
  accessAccuracy: number;
  writeRecall: number;
  readRecall: number;
  categoryAccuracy: number;
  destructiveRecall: number;
  financialRecall: number;
  executeRecall: number;
  /** Tools it got wrong: `server/tool: labelled → predicted`. */
  misses: string[];
  /** Category accuracy by the verdict's confidence, when the approach gives one: is a high confidence deserved? */
  byConfidence?: { band: string; tools: number; categoryAccuracy: number }[];
}

/**
 * Confidence bands the evaluation reports accuracy in (lower bounds).
 * @default [0.8, 0.5, 0]
 * Why: 0.8 and up is what two or more agreeing sources give; under 0.5 is one weak source or the
 * write fallback, which the server grade calls unsure.
 */
export const CONFIDENCE_BANDS = [0.8, 0.5, 0] as const;

/** The tool with no annotations at all. */
export function stripAnnotations(tool: McpTool): McpTool {
  const { annotations: _drop, ...rest } = tool;
  return rest as McpTool;
}

const ratio = (hit: number, all: number) => (all === 0 ? Number.NaN : hit / all);

/** Scores one approach on labelled tools. */
export function score(tools: readonly LabelledTool[], approach: (tool: McpTool) => Verdict & { confidence?: number }): Scores {
  const bands = CONFIDENCE_BANDS.map((min) => ({ min, tools: 0, right: 0 }));
  let confident = false;
  let access = 0;
  let category = 0;
  const recall = { write: [0, 0], read: [0, 0], destructive: [0, 0], financial: [0, 0], execute: [0, 0] };
  const misses: string[] = [];
  for (const { server, tool, label } of tools) {
    const v = approach(tool);
    if (v.confidence !== undefined) {
      confident = true;
      const band = bands.find((b) => v.confidence! >= b.min)!;
      band.tools++;
      if (v.category === label.category) band.right++;
    }
    if (v.access === label.access) access++;
    if (v.category === label.category) category++;
    else misses.push(`${server}/${tool.name}: ${label.category} → ${v.category}${label.ambiguous ? ' (ambiguous)' : ''}`);
    const r = recall[label.access];
    r[1]++;
    if (v.access === label.access) r[0]++;
    if (label.category === 'destructive' || label.category === 'financial' || label.category === 'execute') {
      const c = recall[label.category];
      c[1]++;
      if (v.category === label.category) c[0]++;
    }
  }
  return {
    tools: tools.length,
    accessAccuracy: ratio(access, tools.length),
    writeRecall: ratio(recall.write[0], recall.write[1]),
    readRecall: ratio(recall.read[0], recall.read[1]),
    categoryAccuracy: ratio(category, tools.length),
    destructiveRecall: ratio(recall.destructive[0], recall.destructive[1]),
    financialRecall: ratio(recall.financial[0], recall.financial[1]),
    executeRecall: ratio(recall.execute[0], recall.execute[1]),
    misses,
    ...(confident
      ? {
          byConfidence: bands.map((b, i) => ({
            band: i === 0 ? `≥ ${b.min}` : `${b.min}–${CONFIDENCE_BANDS[i - 1]}`,
            tools: b.tools,
            categoryAccuracy: ratio(b.right, b.tools),
          })),
        }
      : {}),
  };
}

/** Reads the labels file (exit-2 `InputError` naming the file and field when it is wrong). */
export async function loadLabels(file: string): Promise<Labels> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new InputError(`${file}: ${(err as Error).message}`, file);
  }
  const parsed = LabelsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, file, undefined, issue.path.join('.'));
  }
  return parsed.data;
}

/**
 * The labelled tools of a split, each as its server served it. Every tool a
 * fixture lists must be labelled and every label must name a listed tool, so
 * the set cannot silently shrink.
 */
export async function labelledTools(labels: Labels, fixtures: string, split: Split | 'all'): Promise<LabelledTool[]> {
  const out: LabelledTool[] = [];
  for (const [server, entry] of Object.entries(labels.servers)) {
    if (split !== 'all' && entry.split !== split) continue;
    const file = join(fixtures, `${server}.json`);
    const list = ToolsListSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    const names = new Set(list.tools.map((t) => t.name));
    for (const name of Object.keys(entry.tools)) {
      if (!names.has(name)) throw new InputError(`labels: servers.${server}.tools.${name}: ${file} lists no such tool`, 'labels', undefined, `servers.${server}.tools.${name}`);
    }
    for (const tool of list.tools) {
      const label = Object.hasOwn(entry.tools, tool.name) ? entry.tools[tool.name] : undefined;
      if (!label) throw new InputError(`labels: servers.${server}.tools: ${tool.name} (listed in ${file}) has no label`, 'labels', undefined, `servers.${server}.tools`);
      out.push({ server, tool, label });
    }
  }
  return out;
}

/** The evaluation: each approach, as served and stripped. */
export interface EvalReport {
  split: Split | 'all';
  servers: string[];
  served: Record<string, Scores>;
  stripped: Record<string, Scores>;
}

/** Scores every approach on one split. */
export function evaluate(tools: readonly LabelledTool[], split: Split | 'all'): EvalReport {
  const stripped = tools.map((t) => ({ ...t, tool: stripAnnotations(t.tool) }));
  const run = (set: readonly LabelledTool[]) => Object.fromEntries(Object.entries(APPROACHES).map(([name, fn]) => [name, score(set, fn)]));
  return { split, servers: [...new Set(tools.map((t) => t.server))], served: run(tools), stripped: run(stripped) };
}

/** The figures the README quotes, with the targets the classifier is held to. */
export const TARGETS = {
  served: { accessAccuracy: 0.97, writeRecall: 0.99 },
  stripped: { accessAccuracy: 0.93, writeRecall: 0.97 },
  categoryAccuracy: 0.9,
  destructiveRecall: 0.95,
  financialRecall: 0.9,
} as const;

const pct = (x: number) => (Number.isNaN(x) ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** A plain-text table of a report. */
export function formatReport(report: EvalReport, verbose = false): string {
  const cols: [keyof Scores, string][] = [
    ['accessAccuracy', 'access'],
    ['writeRecall', 'write rec'],
    ['readRecall', 'read rec'],
    ['categoryAccuracy', 'category'],
    ['destructiveRecall', 'destr rec'],
    ['financialRecall', 'financ rec'],
    ['executeRecall', 'exec rec'],
  ];
  const lines: string[] = [];
  const first = Object.values(report.served)[0];
  lines.push(`split: ${report.split} — ${first?.tools ?? 0} tools from ${report.servers.length} servers (${report.servers.join(', ')})`);
  for (const [mode, scores] of [['as served', report.served], ['annotations stripped', report.stripped]] as const) {
    lines.push('', `${mode}:`, `  ${'approach'.padEnd(30)}${cols.map(([, h]) => h.padStart(11)).join('')}`);
    for (const [name, s] of Object.entries(scores)) {
      lines.push(`  ${name.padEnd(30)}${cols.map(([k]) => pct(s[k] as number).padStart(11)).join('')}`);
    }
    const bands = scores.classifier?.byConfidence;
    if (bands) lines.push(`  classifier category accuracy by confidence: ${bands.map((b) => `${b.band}: ${pct(b.categoryAccuracy).trim()} of ${b.tools}`).join(', ')}`);
    if (verbose) {
      const misses = scores.classifier?.misses ?? [];
      lines.push(`  classifier misses (${misses.length}):`, ...misses.map((m) => `    ${m}`));
    }
  }
  return lines.join('\n');
}

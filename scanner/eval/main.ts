/**
 * `npm run eval -- [--split held-out|held-out-2|held-out-3|held-out-4|held-out-5|held-out-6|held-out-7|held-out-8|held-out-9|held-out-10|held-out-11|held-out-12|held-out-13|held-out-14|held-out-15|held-out-16|held-out-17|held-out-18|held-out-19|held-out-20|held-out-21|held-out-22|held-out-23|held-out-24|held-out-25|held-out-26|held-out-27|held-out-28|held-out-29|held-out-30|held-out-31|held-out-32|held-out-33|held-out-34|held-out-35|held-out-36|held-out-37|held-out-38|held-out-39|held-out-40|held-out-41|held-out-42|held-out-43|held-out-44|held-out-45|held-out-46|held-out-47|held-out-48|held-out-49|held-out-50|tuning|all] [--verbose] [--json]`: scores
 * the classifier and the two baselines on the labelled real tools.
 */
import { z } from 'zod';
import { SplitSchema, type Split } from '../schemas/labels.ts';
import { InputError } from '../sources/errors.ts';
import { evaluate, formatReport, labelledTools, loadLabels } from './index.ts';
import { FIXTURES_DIR, LABELS_FILE } from './paths.ts';

async function main(argv: string[]): Promise<number> {
  let split: Split | 'all' = 'held-out';
  let verbose = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--split') {
      const v = argv[++i];
      const parsed = SplitSchema.or(z.literal('all')).safeParse(v);
      if (!parsed.success) throw new InputError(`--split: expected tuning, held-out, held-out-2, held-out-3, held-out-4, held-out-5, held-out-6, held-out-7, held-out-8, held-out-9, held-out-10, held-out-11, held-out-12, held-out-13, held-out-14, held-out-15, held-out-16, held-out-17, held-out-18, held-out-19, held-out-20, held-out-21, held-out-22, held-out-23, held-out-24, held-out-25, held-out-26, held-out-27, held-out-28, held-out-29, held-out-30, held-out-31, held-out-32, held-out-33, held-out-34, held-out-35, held-out-36, held-out-37, held-out-38, held-out-39, held-out-40, held-out-41, held-out-42, held-out-43, held-out-44, held-out-45, held-out-46, held-out-47, held-out-48, held-out-49, held-out-50 or all, got ${JSON.stringify(v)}`, '(command line)');
      split = parsed.data;
    } else if (a === '--verbose') verbose = true;
    else if (a === '--json') json = true;
    else throw new InputError(`unknown option ${JSON.stringify(a)}; usage: eval [--split held-out|held-out-2|held-out-3|held-out-4|held-out-5|held-out-6|held-out-7|held-out-8|held-out-9|held-out-10|held-out-11|held-out-12|held-out-13|held-out-14|held-out-15|held-out-16|held-out-17|held-out-18|held-out-19|held-out-20|held-out-21|held-out-22|held-out-23|held-out-24|held-out-25|held-out-26|held-out-27|held-out-28|held-out-29|held-out-30|held-out-31|held-out-32|held-out-33|held-out-34|held-out-35|held-out-36|held-out-37|held-out-38|held-out-39|held-out-40|held-out-41|held-out-42|held-out-43|held-out-44|held-out-45|held-out-46|held-out-47|held-out-48|held-out-49|held-out-50|tuning|all] [--verbose] [--json]`, '(command line)');
  }
  const labels = await loadLabels(LABELS_FILE);
  const report = evaluate(await labelledTools(labels, FIXTURES_DIR, split), split);
  process.stdout.write((json ? JSON.stringify(report, null, 2) : formatReport(report, verbose)) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(err instanceof InputError ? 2 : 1);
  },
);

/**
 * `npm run eval -- [--split <split>|all] [--verbose] [--json]`: scores
 * the classifier and the two baselines on the labelled real tools (the
 * splits are `SplitSchema`'s; the usage message lists them).
 */
import { z } from 'zod';
import { SplitSchema, type Split } from '../schemas/labels.ts';
import { InputError } from '../sources/errors.ts';
import { evaluate, formatReport, labelledTools, loadLabels } from './index.ts';
import { FIXTURES_DIR, LABELS_FILE } from './paths.ts';

/** The command line, with every split the labels know (tuning last, as the odd one out). */
const USAGE = `eval [--split ${[...SplitSchema.options.filter((s) => s !== 'tuning'), 'tuning', 'all'].join('|')}] [--verbose] [--json]`;

async function main(argv: string[]): Promise<number> {
  let split: Split | 'all' = 'held-out';
  let verbose = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--split') {
      const v = argv[++i];
      const parsed = SplitSchema.or(z.literal('all')).safeParse(v);
      if (!parsed.success) throw new InputError(`--split: expected ${SplitSchema.options.join(', ')} or all, got ${JSON.stringify(v)}`, '(command line)');
      split = parsed.data;
    } else if (a === '--verbose') verbose = true;
    else if (a === '--json') json = true;
    else throw new InputError(`unknown option ${JSON.stringify(a)}; usage: ${USAGE}`, '(command line)');
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

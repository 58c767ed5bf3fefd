/** Where the evaluation's inputs live in the repository. */
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** The hand labels (`LabelsSchema`). */
export const LABELS_FILE = resolve(ROOT, 'test/fixtures/labels/labels.json');
/** The recorded `tools/list` answers, one `<server>.json` each. */
export const FIXTURES_DIR = resolve(ROOT, 'test/fixtures/tools-list');

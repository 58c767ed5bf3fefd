/**
 * `npm start`: the main job on the embedded default list: scan, build the
 * catalogue, and serve it on http://localhost:4321/.
 */
import { relative } from 'node:path';
import { progressLine, summaryLine } from './progress.ts';
import { DEFAULTS, build, scan, serve } from './run.ts';

const summary = await scan({
  servers: DEFAULTS.servers,
  out: DEFAULTS.out,
  onResult: (r) => process.stderr.write(progressLine(r) + '\n'),
});
process.stderr.write(summaryLine(summary) + '\n');
const { pages } = await build({ dataDir: DEFAULTS.out, outDir: DEFAULTS.dist });
process.stderr.write(`built ${pages} pages into ${relative(process.cwd(), DEFAULTS.dist)}\n`);
const server = await serve({ dir: DEFAULTS.dist, port: DEFAULTS.port });
process.stderr.write(`serving the catalogue on http://localhost:${DEFAULTS.port}/ (Ctrl-C to stop)\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

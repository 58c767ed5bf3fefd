/**
 * The command line: parses arguments, calls `run.ts`, sets the exit code.
 * Exit codes: 0 success; 1 some servers could not be scanned (scan) or a
 * failure; 2 bad usage or bad input (the message names the file, line, field).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { relative } from 'node:path';
import { SiteBuildError } from '../site/build.ts';
import { InputError } from './sources/errors.ts';
import { DEFAULTS, build, classifyFiles, scan, serve, writeJsonSchemas } from './run.ts';
import { progressLine, summaryLine } from './progress.ts';

const USAGE = `usage:
  npm run scan -- [--servers FILE] [--out DIR] [--concurrency N] [--timeout SECONDS] [--allow-private]
  npm run classify -- FILE...
  npm run build -- [--data DIR] [--out DIST]
  npm run serve -- [--dir DIST] [--port N]
  npm run schemas`;

class UsageError extends Error {}

function args(
  argv: string[],
  options: ParseArgsConfig['options'],
  positionals = false,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function positiveNumber(name: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got ${JSON.stringify(value)}`);
  }
  return n;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan': {
      const { values } = args(rest, {
        servers: { type: 'string' },
        out: { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        'allow-private': { type: 'boolean' },
      });
      const summary = await scan({
        servers: (values.servers as string | undefined) ?? DEFAULTS.servers,
        out: (values.out as string | undefined) ?? DEFAULTS.out,
        concurrency: positiveNumber('concurrency', values.concurrency as string | undefined, true),
        timeoutSeconds: positiveNumber('timeout', values.timeout as string | undefined, false),
        allowPrivate: Boolean(values['allow-private']),
        onResult: (r) => process.stderr.write(progressLine(r) + '\n'),
      });
      process.stderr.write(summaryLine(summary) + '\n');
      return summary.total - summary.byStatus.ok > 0 ? 1 : 0;
    }
    case 'classify': {
      const { positionals } = args(rest, {}, true);
      if (positionals.length === 0) throw new UsageError('classify needs at least one FILE');
      for (const line of await classifyFiles(positionals)) process.stdout.write(JSON.stringify(line) + '\n');
      return 0;
    }
    case 'build': {
      const { values } = args(rest, { data: { type: 'string' }, out: { type: 'string' } });
      const outDir = (values.out as string | undefined) ?? DEFAULTS.dist;
      const { pages } = await build({ dataDir: (values.data as string | undefined) ?? DEFAULTS.out, outDir });
      process.stderr.write(`built ${pages} pages into ${relative(process.cwd(), outDir) || '.'}\n`);
      return 0;
    }
    case 'serve': {
      const { values } = args(rest, { dir: { type: 'string' }, port: { type: 'string' } });
      const port = positiveNumber('port', values.port as string | undefined, true) ?? DEFAULTS.port;
      const server = await serve({ dir: (values.dir as string | undefined) ?? DEFAULTS.dist, port });
      process.stderr.write(`serving the catalogue on ${server.url}\n`);
      await new Promise(() => {}); // until interrupted
      return 0;
    }
    case 'schemas': {
      for (const file of await writeJsonSchemas()) process.stderr.write(`wrote ${relative(process.cwd(), file)}\n`);
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : 'no command given');
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (err instanceof InputError || (err instanceof SiteBuildError && err.badInput)) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);

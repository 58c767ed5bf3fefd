/**
 * The command line: parses arguments, calls `run.ts`, sets the exit code.
 * Exit codes: 0 success; 1 some servers could not be scanned (scan) or a
 * failure; 2 bad usage or bad input (the message names the file, line, field);
 * 3 (scan --pin) a pinned tool definition changed. `diff`: 0 no drift, 1 drift.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { join, relative } from 'node:path';
import { SiteBuildError } from '../site/build.ts';
import { InputError, SourceError } from './sources/errors.ts';
import { DEFAULT_REGISTRY } from './sources/registry.ts';
import { DEFAULTS, build, classifyFiles, diff, scan, serve, writeJsonSchemas } from './run.ts';
import { PIN_MISMATCH_EXIT_CODE, formatDrift, formatReport } from './drift/index.ts';
import { ScanProgress } from './progress.ts';
import { printable } from './terminal.ts';
import { CRAWL_OPTIONS, CRAWL_USAGE, crawlOptions, watchInterrupts } from './crawl-options.ts';

const USAGE = `usage:
  npm run scan -- [--servers FILE] [--out DIR] [--concurrency N] [--timeout SECONDS] [--allow-private] [--pin FILE] [--format json|sarif]
                  [--registry [URL] [--updated-since DATE] [--include-packages]] [--from-clients]
                  ${CRAWL_USAGE}
  npm run diff -- [--json] OLD NEW
  npm run classify -- FILE...
  npm run build -- [--data DIR] [--out DIST] [--site URL]
  npm run serve -- [--dir DIST] [--port N]
  npm run schemas`;

class UsageError extends Error {}

/** Lets `flag` be given without a value (`--registry` alone, or followed by another option): it then means `fallback`. */
function optionalValue(argv: string[], flag: string, fallback: string): string[] {
  return argv.flatMap((arg, i) => (arg === flag && (i + 1 >= argv.length || argv[i + 1].startsWith('--')) ? [`${flag}=${fallback}`] : [arg]));
}

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
      const { values } = args(optionalValue(rest, '--registry', DEFAULT_REGISTRY), {
        servers: { type: 'string' },
        out: { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        'allow-private': { type: 'boolean' },
        pin: { type: 'string' },
        format: { type: 'string' },
        ...CRAWL_OPTIONS,
        registry: { type: 'string' },
        'updated-since': { type: 'string' },
        'include-packages': { type: 'boolean' },
        'from-clients': { type: 'boolean' },
      });
      const updatedSince = values['updated-since'] as string | undefined;
      if (updatedSince !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(updatedSince)) {
        throw new UsageError(`--updated-since must be an RFC 3339 date-time such as 2026-11-01T00:00:00Z, got ${JSON.stringify(updatedSince)}`);
      }
      if ((updatedSince !== undefined || values['include-packages']) && values.registry === undefined) {
        throw new UsageError('--updated-since and --include-packages go with --registry');
      }
      const otherSources = values.registry !== undefined || Boolean(values['from-clients']);
      const format = (values.format as string | undefined) ?? 'json';
      if (format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be json or sarif, got ${JSON.stringify(format)}`);
      const out = (values.out as string | undefined) ?? DEFAULTS.out;
      const { json, ...crawl } = crawlOptions(values, (message) => {
        throw new UsageError(message);
      });
      const progress = new ScanProgress({ err: process.stderr, out: process.stdout, json });
      const interrupts = watchInterrupts((line) => progress.print(line));
      const summary = await scan({
        servers: (values.servers as string | undefined) ?? (otherSources ? undefined : DEFAULTS.servers),
        ...(values.registry !== undefined
          ? { registry: { url: values.registry as string, updatedSince, includePackages: Boolean(values['include-packages']) } }
          : {}),
        ...(values['from-clients'] ? { clients: {} } : {}),
        out,
        concurrency: positiveNumber('concurrency', values.concurrency as string | undefined, true),
        timeoutSeconds: positiveNumber('timeout', values.timeout as string | undefined, false),
        allowPrivate: Boolean(values['allow-private']),
        ...crawl,
        stop: interrupts.stop,
        abandon: interrupts.abandon,
        onPlan: (plan) => progress.plan(plan),
        pin: values.pin as string | undefined,
        ...(format === 'sarif' ? { sarif: join(out, 'results.sarif') } : {}),
        onResult: (r) => {
          progress.result(r);
          if (r.drift) progress.print(formatDrift(r.id, r.drift).map((l) => `  ${l}`).join('\n'));
        },
      });
      interrupts.release();
      progress.finish(summary);
      if (summary.skipped.length) {
        process.stderr.write(`skipped ${summary.skipped.length} server(s) the sources listed:\n`);
        for (const s of summary.skipped.slice(0, 20)) process.stderr.write(`  - ${printable(s.id)}: ${printable(s.reason)}\n`);
        if (summary.skipped.length > 20) process.stderr.write(`  … and ${summary.skipped.length - 20} more\n`);
      }
      if (summary.sarif) process.stderr.write(`wrote ${relative(process.cwd(), summary.sarif) || summary.sarif}\n`);
      if (summary.pin?.written) process.stderr.write(`pinned ${summary.pin.servers} servers in ${summary.pin.file}\n`);
      if (summary.pin && !summary.pin.written) {
        const { check } = summary.pin;
        for (const { id, drift } of check.changed) process.stderr.write(formatDrift(id, drift, 'pinned').join('\n') + '\n');
        if (check.unverified.length) process.stderr.write(`pins not verified (server not scanned completely): ${check.unverified.join(', ')}\n`);
        if (check.changed.length) {
          process.stderr.write(`${check.changed.length} pinned server(s) changed since ${summary.pin.file} was written\n`);
          return PIN_MISMATCH_EXIT_CODE;
        }
        process.stderr.write(`pins in ${summary.pin.file}: no pinned definition changed\n`);
      }
      if (summary.interrupted) return 130;
      return summary.total - summary.byStatus.ok > 0 ? 1 : 0;
    }
    case 'classify': {
      const { positionals } = args(rest, {}, true);
      if (positionals.length === 0) throw new UsageError('classify needs at least one FILE');
      for (const line of await classifyFiles(positionals)) process.stdout.write(JSON.stringify(line) + '\n');
      return 0;
    }
    case 'diff': {
      const { values, positionals } = args(rest, { json: { type: 'boolean' } }, true);
      if (positionals.length !== 2) throw new UsageError('diff needs OLD and NEW (result files or scan folders)');
      const lines = await diff(positionals[0], positionals[1]);
      const text = values.json ? lines.map((l) => JSON.stringify(l)) : formatReport(lines);
      if (text.length) process.stdout.write(text.join('\n') + '\n');
      else if (!values.json) process.stdout.write('no drift\n');
      return lines.length ? 1 : 0;
    }
    case 'build': {
      const { values } = args(rest, { data: { type: 'string' }, out: { type: 'string' }, site: { type: 'string' } });
      const outDir = (values.out as string | undefined) ?? DEFAULTS.dist;
      const site = values.site as string | undefined;
      if (site !== undefined && !/^https?:\/\/[^/]+(\/.*)?$/.test(site)) throw new UsageError(`--site: "${site}" is not an http(s) URL`);
      const siteUrl = site === undefined ? undefined : site.endsWith('/') ? site : `${site}/`;
      const { pages } = await build({ dataDir: (values.data as string | undefined) ?? DEFAULTS.out, outDir, ...(siteUrl ? { siteUrl } : {}) });
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
    } else if (err instanceof SourceError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
    } else if (err instanceof InputError || (err instanceof SiteBuildError && err.badInput)) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);

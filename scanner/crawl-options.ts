/**
 * The crawl options of `npm run scan` (politeness, caps, retries, resume,
 * shard, output): their command-line spelling and their translation into
 * `ScanOptions`. Kept apart from cli.ts so the command line stays thin.
 */
import type { ParseArgsConfig } from 'node:util';
import type { ScanOptions } from './pipeline.ts';
import { parseDuration } from './store/resume.ts';
import type { PolicyFormat } from './store/index.ts';

/** The values of `--policy-formats`. */
const POLICY_FORMATS = ['yaml', 'cedar'] as const satisfies readonly PolicyFormat[];

/** `parseArgs` options for the crawl flags. */
export const CRAWL_OPTIONS = {
  'per-host': { type: 'string' },
  'host-spacing': { type: 'string' },
  retries: { type: 'string' },
  'max-message-mb': { type: 'string' },
  'max-pages': { type: 'string' },
  'max-tools': { type: 'string' },
  resume: { type: 'boolean' },
  'max-age': { type: 'string' },
  shard: { type: 'string' },
  json: { type: 'boolean' },
  offload: { type: 'boolean' },
  'no-offload': { type: 'boolean' },
  'policy-formats': { type: 'string' },
} satisfies ParseArgsConfig['options'];

/** The usage text of the crawl flags. */
export const CRAWL_USAGE =
  '[--per-host N] [--host-spacing MS] [--retries N] [--max-message-mb N] [--max-pages N] [--max-tools N] [--resume [--max-age 24h]] [--shard I/N] [--offload | --no-offload] [--policy-formats yaml,cedar] [--json]';

/**
 * Default `--max-age` of `--resume`.
 * Why: a daily crawl that is interrupted and restarted the same day skips what it already did.
 */
export const DEFAULT_MAX_AGE = '24h';

type Values = Record<string, string | boolean | undefined>;

function count(values: Values, name: string, fail: (message: string) => never, min = 1): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer of at least ${min}, got ${JSON.stringify(raw)}`);
  return n;
}

/** Parses `I/N` (0 ≤ I < N). */
export function parseShard(text: string): { index: number; count: number } | undefined {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const total = Number(m[2]);
  return total >= 1 && index < total ? { index, count: total } : undefined;
}

/** The `ScanOptions` the crawl flags ask for; `fail` reports bad usage (it throws). */
export function crawlOptions(values: Values, fail: (message: string) => never): Partial<ScanOptions> & { json: boolean } {
  const opts: Partial<ScanOptions> & { json: boolean } = { json: Boolean(values.json) };
  if (values.offload && values['no-offload']) fail('--offload and --no-offload contradict each other');
  if (values.offload) opts.offload = true;
  if (values['no-offload']) opts.offload = false;
  if (values['policy-formats'] !== undefined) {
    const formats = String(values['policy-formats']).split(',').map((f) => f.trim());
    const bad = formats.filter((f) => !(POLICY_FORMATS as readonly string[]).includes(f));
    if (bad.length || !formats.length) fail(`--policy-formats takes a comma-separated list of ${POLICY_FORMATS.join(', ')}, got ${JSON.stringify(values['policy-formats'])}`);
    opts.policyFormats = [...new Set(formats as PolicyFormat[])];
  }
  const perHost = count(values, 'per-host', fail);
  const spacing = count(values, 'host-spacing', fail, 0);
  if (perHost !== undefined || spacing !== undefined) opts.politeness = { perHost, hostSpacingMs: spacing };
  const retries = count(values, 'retries', fail, 0);
  const maxMb = values['max-message-mb'];
  let maxMessageBytes: number | undefined;
  if (maxMb !== undefined) {
    const n = Number(maxMb);
    if (!(n > 0 && n <= 1024)) fail(`--max-message-mb must be a number of MiB between 0 and 1024, got ${JSON.stringify(maxMb)}`);
    maxMessageBytes = Math.round(n * 1024 * 1024);
  }
  if (retries !== undefined || maxMessageBytes !== undefined) {
    opts.http = { ...(retries !== undefined ? { retry: { retries } } : {}), ...(maxMessageBytes !== undefined ? { maxMessageBytes } : {}) };
  }
  const maxPages = count(values, 'max-pages', fail);
  const maxTools = count(values, 'max-tools', fail);
  if (maxPages !== undefined || maxTools !== undefined) opts.list = { maxPages, maxTools };
  if (values['max-age'] !== undefined && !values.resume) fail('--max-age goes with --resume');
  if (values.resume) {
    const text = (values['max-age'] as string | undefined) ?? DEFAULT_MAX_AGE;
    const ms = parseDuration(text);
    if (ms === undefined) fail(`--max-age must be a duration such as 90s, 30m, 12h or 7d, got ${JSON.stringify(text)}`);
    opts.resumeMaxAgeMs = ms;
  }
  if (values.shard !== undefined) {
    const shard = parseShard(String(values.shard));
    if (!shard) fail(`--shard must be I/N with 0 ≤ I < N (for example 0/4), got ${JSON.stringify(values.shard)}`);
    opts.shard = shard;
  }
  return opts;
}

/**
 * Ctrl-C (SIGINT) and SIGTERM during a scan: the first stops new servers from
 * starting while those in flight finish; the second abandons those in flight
 * (their processes are ended, nothing is stored for them). `release` restores
 * the default handling.
 */
export function watchInterrupts(print: (line: string) => void): { stop: AbortSignal; abandon: AbortSignal; release(): void } {
  const stop = new AbortController();
  const abandon = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stop.signal.aborted) {
      print(`${signal}: starting no new servers; finishing the ones in flight (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to abandon them)`);
      stop.abort();
    } else if (!abandon.signal.aborted) {
      print(`${signal} again: abandoning the servers in flight`);
      abandon.abort();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stop: stop.signal,
    abandon: abandon.signal,
    release: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/**
 * What the scan prints while it runs. On a terminal: a line per finished
 * server and, below them, a status line redrawn in place (done/total, ok and
 * failed, rate, ETA). Elsewhere: the lines alone. With `--json`: JSON lines on
 * stdout (see schemas/scan-event.ts) and nothing else.
 */
import type { StoredOutcome } from './finish.ts';
import type { ScanEvent } from './schemas/scan-event.ts';
import type { ScanSummary } from './pipeline.ts';
import { printable } from './terminal.ts';


/** One line for a finished server. */
export function progressLine(r: StoredOutcome): string {
  const mark = r.status === 'ok' ? '✓' : '✗';
  const what = r.status === 'ok' ? plural(r.toolCount, 'tool') : `${r.error?.kind}: ${r.error?.message ?? ''}`;
  return `${mark} ${printable(r.id, 60)}  ${r.status}  ${printable(what, 200)}  (${(r.durationMs / 1000).toFixed(1)} s)`;
}

/** The closing line: how many servers ended in each status. */
export function summaryLine(summary: ScanSummary): string {
  const counts = Object.entries(summary.byStatus)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const fresh = summary.fresh ? `; ${summary.fresh} still fresh, not rescanned` : '';
  const stopped = summary.interrupted
    ? `; interrupted: ${summary.interrupted.notStarted} not started${summary.interrupted.abandoned ? `, ${summary.interrupted.abandoned} abandoned` : ''}`
    : '';
  const scanned = summary.results.length === summary.total ? `${summary.total}` : `${summary.results.length} of ${summary.total}`;
  return `scanned ${scanned} server${summary.total === 1 ? '' : 's'}: ${counts || 'none'}${fresh}${stopped}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `m:ss` or `h:mm:ss`. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The status line: done/total, ok/failed, rate and ETA. */
export function statusLine(state: { done: number; total: number; ok: number; elapsedMs: number }): string {
  const rate = state.elapsedMs > 0 ? (state.done * 1000) / state.elapsedMs : 0;
  const left = state.total - state.done;
  const eta = rate > 0 ? clock(left / rate) : '–';
  return `${state.done}/${state.total} done · ${state.ok} ok · ${state.done - state.ok} failed · ${rate.toFixed(1)}/s · ETA ${eta}`;
}

export interface ProgressOptions {
  /** Where lines for people go (stderr). */
  err: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where JSON lines go (stdout). */
  out: NodeJS.WritableStream;
  /** Print JSON lines instead of text. @default false */
  json?: boolean;
  /** Redraw a status line. @default err.isTTY */
  tty?: boolean;
  /** How often the status line is redrawn, in ms. @default 250 */
  redrawMs?: number;
}

/** Follows one scan and prints it (see the module comment). */
export class ScanProgress {
  private total = 0;
  private done = 0;
  private ok = 0;
  private readonly started = Date.now();
  private timer?: NodeJS.Timeout;
  private statusShown = false;
  private readonly tty: boolean;

  constructor(private readonly opts: ProgressOptions) {
    this.tty = !opts.json && (opts.tty ?? Boolean(opts.err.isTTY));
  }

  private emit(event: ScanEvent): void {
    this.opts.out.write(JSON.stringify(event) + '\n');
  }

  private clearStatus(): void {
    if (this.statusShown) this.opts.err.write('\r\x1b[2K');
    this.statusShown = false;
  }

  private drawStatus(): void {
    if (!this.tty) return;
    this.clearStatus();
    this.opts.err.write(statusLine({ done: this.done, total: this.total, ok: this.ok, elapsedMs: Date.now() - this.started }));
    this.statusShown = true;
  }

  /** The run's plan: how many servers it will scan. */
  plan(plan: { total: number; fresh: number }): void {
    this.total = plan.total;
    if (this.opts.json) return this.emit({ event: 'plan', ...plan });
    if (plan.fresh) this.print(`resuming: ${plan.fresh} server(s) have fresh results; scanning the other ${plan.total}`);
    if (this.tty) {
      this.drawStatus();
      this.timer = setInterval(() => this.drawStatus(), this.opts.redrawMs ?? 250);
      this.timer.unref();
    }
  }

  /** A server's result, as stored. */
  result(r: StoredOutcome): void {
    this.done++;
    if (r.status === 'ok') this.ok++;
    if (this.opts.json) {
      return this.emit({
        event: 'result',
        id: r.id,
        slug: r.slug,
        status: r.status,
        tools: r.toolCount,
        ...(r.error ? { error: r.error } : {}),
        ...(r.truncated ? { truncated: true } : {}),
        durationMs: r.durationMs,
        done: this.done,
        total: this.total,
      });
    }
    this.print(progressLine(r));
  }

  /** A line for people (ignored with `--json`), printed above the status line. */
  print(line: string): void {
    if (this.opts.json) return;
    this.clearStatus();
    this.opts.err.write(line + '\n');
    this.drawStatus();
  }

  /** The scan is over. */
  finish(summary: ScanSummary): void {
    if (this.timer) clearInterval(this.timer);
    this.clearStatus();
    if (this.opts.json) {
      return this.emit({
        event: 'summary',
        total: summary.total,
        fresh: summary.fresh,
        byStatus: summary.byStatus,
        elapsedMs: Date.now() - this.started,
        ...(summary.interrupted ? { interrupted: summary.interrupted } : {}),
      });
    }
    this.opts.err.write(summaryLine(summary) + '\n');
  }
}

/**
 * A stdio transport for servers that run third-party code: each server gets a
 * minimal environment and its own process group, everything it prints is read
 * under a bound, and closing ends the whole group (children and grandchildren).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { ScanError } from './errors.ts';

export interface StdioOptions {
  command: string;
  args: string[];
  /** The whole environment the server gets: nothing is inherited. */
  env: Record<string, string>;
  cwd: string;
  /**
   * Longest line (one JSON-RPC message) read from stdout, in bytes.
   * @default 32 MiB
   * Why: a server must not make the scanner buffer without bound.
   */
  maxMessageBytes?: number;
  /**
   * How many non-JSON stdout lines are tolerated (servers that log to stdout).
   * @default 1000
   */
  maxJunkLines?: number;
  /**
   * How much of stderr is kept (its tail) to explain a crash.
   * @default 4 KiB
   */
  stderrTailBytes?: number;
  /**
   * Time between SIGTERM and SIGKILL to the process group on close, in ms.
   * @default 1000
   */
  killGraceMs?: number;
}

export class StdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private child?: ChildProcess;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private junkLines = 0;
  private stderrTail = '';
  private exited?: Promise<void>;
  private closed = false;
  /** Why the transport failed, when it was the server's fault. */
  failure?: ScanError;

  constructor(private readonly opts: StdioOptions) {}

  /** The tail of what the server wrote to stderr. */
  get stderr(): string {
    return this.stderrTail;
  }

  start(): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn(this.opts.command, this.opts.args, {
        env: this.opts.env,
        cwd: this.opts.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true, // its own process group, so close() can end grandchildren too
        shell: false,
        windowsHide: true,
      });
      this.child = child;
      this.exited = new Promise((done) => child.once('close', () => done()));
      child.once('error', (err: NodeJS.ErrnoException) => {
        const e = new ScanError('spawn', `cannot start ${JSON.stringify(this.opts.command)}: ${err.code ?? err.message}`);
        this.failure ??= e;
        reject(e);
        this.onerror?.(e);
      });
      child.once('spawn', () => resolvePromise());
      child.once('exit', (code, signal) => {
        if (!this.closed) {
          const tail = this.stderrTail.trim().split('\n').slice(-3).join(' | ');
          this.failure ??= new ScanError(
            'crashed',
            `server exited (${signal ?? `code ${code}`}) before the scan finished${tail ? `; stderr: ${tail}` : ''}`,
          );
        }
      });
      child.once('close', () => {
        this.child = undefined;
        this.onclose?.();
      });
      child.stdin!.on('error', () => {}); // EPIPE when the server dies: reported through exit
      child.stdout!.on('data', (chunk: Buffer) => this.onStdout(chunk));
      child.stderr!.on('data', (chunk: Buffer) => {
        const max = this.opts.stderrTailBytes ?? 4096;
        this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-max);
      });
    });
  }

  private fail(err: ScanError): void {
    this.failure ??= err;
    this.onerror?.(err);
    void this.close();
  }

  private onStdout(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const part = chunk.subarray(start, nl);
      const line = this.pendingBytes ? Buffer.concat([...this.pending, part]) : part;
      this.pending = [];
      this.pendingBytes = 0;
      start = nl + 1;
      this.onLine(line);
      if (this.closed) return;
    }
    if (start < chunk.length) {
      this.pending.push(chunk.subarray(start));
      this.pendingBytes += chunk.length - start;
      const max = this.opts.maxMessageBytes ?? 32 * 1024 * 1024;
      if (this.pendingBytes > max) this.fail(new ScanError('too-large', `a message from the server exceeds ${max} bytes`));
    }
  }

  private onLine(buf: Buffer): void {
    const max = this.opts.maxMessageBytes ?? 32 * 1024 * 1024;
    if (buf.length > max) return this.fail(new ScanError('too-large', `a message from the server exceeds ${max} bytes`));
    const text = buf.toString('utf8').trim();
    if (!text) return;
    let message: JSONRPCMessage | undefined;
    try {
      const parsed = JSONRPCMessageSchema.safeParse(JSON.parse(text));
      if (parsed.success) message = parsed.data;
    } catch {
      // not JSON: a server logging to stdout
    }
    if (message) return this.onmessage?.(message);
    this.junkLines++;
    if (this.junkLines > (this.opts.maxJunkLines ?? 1000)) {
      this.fail(new ScanError('protocol', `the server wrote over ${this.opts.maxJunkLines ?? 1000} lines that are not JSON-RPC to stdout`));
    }
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || !stdin.writable) return Promise.reject(this.failure ?? new ScanError('crashed', 'the server is not running'));
    return new Promise((done) => {
      if (stdin.write(JSON.stringify(message) + '\n')) done();
      else stdin.once('drain', done);
    });
  }

  /** Ends the server's whole process group: SIGTERM, then SIGKILL after the grace period. */
  async close(): Promise<void> {
    if (this.closed) return this.exited;
    this.closed = true;
    const child = this.child;
    if (!child || child.pid === undefined) return;
    const pid = child.pid;
    const signalGroup = (sig: NodeJS.Signals) => {
      try {
        process.kill(-pid, sig);
      } catch {
        // group already gone
      }
    };
    child.stdin?.end();
    signalGroup('SIGTERM');
    const grace = new Promise<'late'>((r) => setTimeout(r, this.opts.killGraceMs ?? 1000, 'late').unref());
    if ((await Promise.race([this.exited, grace])) === 'late') signalGroup('SIGKILL');
    // Grandchildren may linger in the group after the leader exits: always finish them.
    signalGroup('SIGKILL');
    await this.exited;
  }
}

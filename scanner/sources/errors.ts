/** A bad input file: the CLI prints `message` (which names the file, line and field) and exits 2. */
export class InputError extends Error {
  constructor(
    message: string,
    /** The file at fault. */
    readonly file: string,
    /** 1-based line, when known. */
    readonly line?: number,
    /** Dotted path of the field at fault, when known. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * A source of servers that failed as a whole (the registry unreachable, a page
 * that is not the registry's shape, a cursor loop): the CLI prints `message`
 * and exits 1. One bad entry is skipped instead, never this.
 */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

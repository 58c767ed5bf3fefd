/** `${NAME}` references in env values and headers, expanded from the scanner's environment at connect time. */
import { ScanError } from './errors.ts';
import type { ErrorKind } from '../schemas/index.ts';

const REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Expands `${NAME}` in every value of `values` from `source`. A reference to an
 * unset variable is a `ScanError` of `kind` naming the field and the variable
 * (never the value).
 */
export function expandRefs(
  values: Record<string, string>,
  source: NodeJS.ProcessEnv,
  field: string,
  kind: ErrorKind,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      value.replace(REF, (_, name: string) => {
        const v = source[name];
        if (v === undefined) throw new ScanError(kind, `${field}.${key} references \${${name}}, which is not set`);
        return v;
      }),
    ]),
  );
}

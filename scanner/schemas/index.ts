/** Every file format entering or leaving the scanner, as zod schemas with their types. */
export * from './servers.ts';
export * from './result.ts';
export * from './policy.ts';
export * from './tools-list.ts';
export * from './origin.ts';
export * from './drift.ts';
export * from './sarif.ts';
export * from './registry.ts';
export * from './catalogue.ts';

/**
 * Ids of the signals that mean a tool's text is trying to manipulate the model
 * (tool poisoning). A tool with any of them is `critical` and always hidden by
 * its starter policy.
 */
export const POISONING_SIGNAL_IDS: ReadonlySet<string> = new Set([
  'hidden-instructions',
  'tool-shadowing',
  'invisible-unicode',
  'ansi-escape',
  'exfiltration-parameter',
  'secret-in-description',
]);

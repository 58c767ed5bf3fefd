/**
 * The fixed value lists some schemas are built from, in a module without zod: the
 * classifier and the drift check need only the lists, and the offload worker
 * (offload.ts) then starts without loading zod (about 140 ms of CPU a scan).
 */

/** Capabilities from least to most severe; a tool's category is the most severe it has. */
export const CATEGORIES = ['read', 'write', 'execute', 'destructive', 'financial'] as const;

/** The parts of a tool definition a change is reported in. */
export const TOOL_FIELDS = ['description', 'inputSchema', 'annotations'] as const;

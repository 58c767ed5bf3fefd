/**
 * The SARIF 2.1.0 log `scan --format sarif` writes: the subset of the OASIS
 * format the scanner fills in. Tests also validate every log against the
 * official SARIF 2.1.0 JSON Schema.
 */
import { z } from 'zod';

export const SarifLevelSchema = z.enum(['none', 'note', 'warning', 'error']);
export type SarifLevel = z.infer<typeof SarifLevelSchema>;

const MessageSchema = z.object({ text: z.string() }).strict();

export const SarifRuleSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    shortDescription: MessageSchema,
    fullDescription: MessageSchema,
    help: MessageSchema,
    defaultConfiguration: z.object({ level: SarifLevelSchema }).strict(),
    properties: z.object({ tags: z.array(z.string()), 'security-severity': z.string().optional() }).strict(),
  })
  .strict();
export type SarifRule = z.infer<typeof SarifRuleSchema>;

export const SarifLocationSchema = z
  .object({
    physicalLocation: z
      .object({
        artifactLocation: z.object({ uri: z.string().min(1), uriBaseId: z.string().optional() }).strict(),
        region: z.object({ startLine: z.number().int().positive() }).strict().optional(),
      })
      .strict(),
    logicalLocations: z
      .array(z.object({ name: z.string(), fullyQualifiedName: z.string(), kind: z.enum(['module', 'function']) }).strict())
      .optional(),
  })
  .strict();
export type SarifLocation = z.infer<typeof SarifLocationSchema>;

export const SarifResultSchema = z
  .object({
    ruleId: z.string(),
    ruleIndex: z.number().int().nonnegative(),
    level: SarifLevelSchema,
    message: MessageSchema,
    locations: z.array(SarifLocationSchema).min(1),
    /** Stable identity of a finding across runs, so dashboards do not reopen it every scan. */
    partialFingerprints: z.record(z.string(), z.string()),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type SarifResult = z.infer<typeof SarifResultSchema>;

export const SarifLogSchema = z
  .object({
    $schema: z.string(),
    version: z.literal('2.1.0'),
    runs: z
      .array(
        z
          .object({
            tool: z
              .object({
                driver: z
                  .object({ name: z.string(), version: z.string(), informationUri: z.string().optional(), rules: z.array(SarifRuleSchema) })
                  .strict(),
              })
              .strict(),
            originalUriBaseIds: z.record(z.string(), z.object({ uri: z.string() }).strict()).optional(),
            results: z.array(SarifResultSchema),
          })
          .strict(),
      )
      .length(1),
  })
  .strict();
export type SarifLog = z.infer<typeof SarifLogSchema>;

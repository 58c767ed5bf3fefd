/** What a server that answers 401 advertises, as recorded on its result. */
import { z } from 'zod';

/**
 * What a server that requires authorization advertises (its `WWW-Authenticate`
 * challenge and RFC 9728 protected-resource metadata). No login is attempted.
 */
export const AuthInfoSchema = z.object({
  /** The challenge's scheme, lower-cased, e.g. `bearer`. */
  scheme: z.string().optional(),
  /** Where the protected-resource metadata was looked for. */
  resourceMetadata: z.string().optional(),
  /** The `resource` the metadata names. */
  resource: z.string().optional(),
  /** Issuer URLs of the authorization servers the server accepts tokens from. */
  authorizationServers: z.array(z.string()).optional(),
  /** Scopes from the challenge or the metadata's `scopes_supported`. */
  scopes: z.array(z.string()).optional(),
  /** Why the metadata could not be read, when it could not. */
  metadataError: z.string().optional(),
});
export type AuthInfo = z.infer<typeof AuthInfoSchema>;

/**
 * The wire types more than one operations file uses, named after the
 * official OpenAPI schemas (Seqera API 1.187.0). Each area's own wire types
 * live in its operations file (`*-operations.ts`), beside its endpoints and
 * decoders: import them from there.
 */

export type OrgRoleDto = string; // owner | member | collaborator | (newer values)

export interface ErrorResponse {
  message: string;
}

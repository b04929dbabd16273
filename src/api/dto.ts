/**
 * The wire types more than one kind uses, named after the official OpenAPI
 * schemas (Seqera API 1.187.0). A kind's own wire types live in its
 * `src/kinds/<kind>/api.ts`, beside its endpoints and decoders: import them
 * from there.
 */

export type OrgRoleDto = string; // owner | member | collaborator | (newer values)

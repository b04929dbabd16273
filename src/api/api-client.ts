/**
 * `ApiClient`: the Seqera Platform operations this tool uses, one method per
 * operation. Implemented over axios by `createApiClient` (client.ts). Every
 * list method returns the complete list (paged to the end where the API
 * pages). Methods throw only `ApiError` (errors.ts). Workspace-scoped methods
 * take the workspace id (sent as `?workspaceId=`).
 *
 * The methods are declared, with their doc comments, by the operations files
 * (`*-operations.ts`, one interface each); `ApiClient` is the intersection of
 * those interfaces over the `OPERATIONS` list of client.ts, so a new area
 * adds its operations file and its entry there, nothing here.
 */
export type { ApiClient } from './client.js';

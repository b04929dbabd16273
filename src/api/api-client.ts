/**
 * `ApiClient`: the Seqera Platform client this tool injects, implemented over
 * axios by `createApiClient` (client.ts). Its endpoints are `operations`
 * values (operations.ts), most of them in the kinds' folders
 * (`src/kinds/<kind>/api.ts`), bound with `client.use(...)`. Every list
 * method returns the complete list (paged to the end where the API pages);
 * methods throw only `ApiError` (errors.ts); workspace-scoped methods take
 * the workspace id (sent as `?workspaceId=`).
 */
export type { ApiClient } from './client.js';

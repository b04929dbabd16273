/**
 * Reading a workspace's credentials: the list (unpaged), when credentials
 * are managed, the workspace is deleted whole, or another kind asks for them
 * (`credentials`: managed compute environments name credentials by their
 * ids). A list row may come without `keys` (the real platform leaves them
 * out of some rows): such a credential is described to read its non-secret
 * keys; when the describe has none either, it is marked `keysUnknown`.
 */
import type { ApiClient } from '../../api/api-client.js';
import type { ActualCredential } from './model.js';
import type { KindRead, WorkspaceRead } from '../kind-read.js';
import { readingOf } from '../kind-read.js';
import { gone, reading } from '../kit/reading.js';
import { mapCredential, type Credentials, credentialReads } from './api.js';

const LIST = 'GET /credentials';

async function readCredentials(client: ApiClient, workspaceId: number): Promise<ActualCredential[]> {
  const listed = await client.use(credentialReads).listCredentials(workspaceId);
  const read = await Promise.all(
    listed.map(async (row): Promise<Credentials | undefined> => {
      if (row.keys !== undefined || row.id === undefined) return row;
      try {
        const described = await client.use(credentialReads).describeCredentials(workspaceId, row.id);
        return { ...row, ...(described.keys === undefined ? {} : { keys: described.keys }) };
      } catch (err) {
        if (gone(err)) return undefined;
        throw err;
      }
    }),
  );
  return read.filter((c) => c !== undefined).map(mapCredential);
}

const credentials: WorkspaceRead<'credentials'> = {
  field: 'credentials',
  needs: (ws, asked) => ({ credentials: ws.credentials !== undefined || asked.credentials === true }),
  whenDeleted: { credentials: true },
  read: (ctx, reads) =>
    readingOf(
      reads.credentials === true
        ? reading(ctx.label('credentials'), () => readCredentials(ctx.client, ctx.workspaceId))
        : Promise.resolve(undefined),
    ),
  // One list; a row without `keys` is also described (rows that carry them are not).
  requests: (reads) => (reads.credentials === true ? [{ route: LIST, requests: 1 }] : []),
};

export const credentialsRead: KindRead = { workspace: credentials };

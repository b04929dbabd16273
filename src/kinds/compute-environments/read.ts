/**
 * Reading a workspace's compute environments: the list (unpaged, no config
 * in it) when they are managed, the workspace is deleted whole, or another
 * kind asks for it (`computeEnvList`: managed pipelines name a compute
 * environment by its id); each one is described (its config) only when they
 * are managed. Managed compute environments need the credentials they name
 * (their ids), the workspace's labels when they name labels (their ids, and
 * the names of the labels they carry), and the pipeline list when there is any compute environment:
 * a replace re-points, and a prune strands, the pipelines that use it (and
 * a replace re-points the pipeline actions that use it).
 */
import type { ApiClient } from '../../api/api-client.js';
import type { ActualComputeEnv } from './model.js';
import type { ActualCredential } from '../credentials/model.js';
import type { KindRead, RequestCost, WorkspaceRead } from '../kind-read.js';
import { gone, reading } from '../kit/reading.js';
import {
  mapComputeEnv,
  mapListedComputeEnv,
  type CredentialNames,
  type ListComputeEnvsEntry,
  computeEnvReads,
} from './api.js';

const LIST = 'GET /compute-envs';
const DESCRIBE = 'GET /compute-envs/{id}';

function credentialNames(credentials: readonly ActualCredential[] | undefined): CredentialNames {
  return credentials === undefined ? undefined : new Map(credentials.map((c) => [c.id, c.name]));
}

async function describeComputeEnvs(
  client: ApiClient,
  workspaceId: number,
  entries: readonly ListComputeEnvsEntry[],
  credentials: Promise<readonly ActualCredential[] | undefined>,
): Promise<ActualComputeEnv[]> {
  const described = await Promise.all(
    entries.map(async (entry) => {
      try {
        return { entry, dto: await client.use(computeEnvReads).describeComputeEnv(workspaceId, entry.id) };
      } catch (err) {
        if (gone(err)) return undefined;
        throw err;
      }
    }),
  );
  const names = credentialNames(await credentials);
  return described.filter((d) => d !== undefined).map(({ entry, dto }) => mapComputeEnv(dto, entry, names));
}

const computeEnvironments: WorkspaceRead<'computeEnvironments'> = {
  field: 'computeEnvironments',
  uses: ['credentials'],
  asks: (ws) => ({
    credentials: (ws.computeEnvironments ?? []).some((ce) => ce.credentials !== undefined),
    labels: (ws.computeEnvironments ?? []).some((ce) => ce.labels !== undefined),
    ...(ws.computeEnvironments === undefined ? {} : { pipelines: 'if-any-ce', actions: 'if-any-ce' }),
  }),
  needs: (ws, asked) => ({
    computeEnvList: ws.computeEnvironments !== undefined || asked.computeEnvList === true,
    computeEnvDescribe: ws.computeEnvironments !== undefined,
  }),
  whenDeleted: { computeEnvList: true, computeEnvDescribe: false },
  read: (ctx, reads) => {
    const credentials = ctx.used('credentials')?.result ?? Promise.resolve(undefined);
    const list =
      reads.computeEnvList === true
        ? reading(ctx.label('compute environments'), () =>
            ctx.client.use(computeEnvReads).listComputeEnvs(ctx.workspaceId),
          )
        : Promise.resolve(undefined);
    const result = list.then(async (entries) => {
      if (entries === undefined) return undefined;
      if (reads.computeEnvDescribe !== true) {
        const names = credentialNames(await credentials);
        return entries.map((e) => mapListedComputeEnv(e, names));
      }
      return reading(ctx.label('compute environments'), () =>
        describeComputeEnvs(ctx.client, ctx.workspaceId, entries, credentials),
      );
    });
    return {
      result,
      listed: list.then(
        (entries) => entries?.length,
        () => undefined,
      ),
    };
  },
  requests: (reads, live) => {
    const costs: RequestCost[] = [];
    if (reads.computeEnvList === true) costs.push({ route: LIST, requests: 1 });
    if (reads.computeEnvDescribe === true)
      costs.push({ route: DESCRIBE, requests: live.computeEnvs ?? 0, after: LIST });
    return costs;
  },
};

export const computeEnvironmentsRead: KindRead = { workspace: computeEnvironments };

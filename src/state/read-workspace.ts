/**
 * Reads one workspace's collections, as `WorkspaceReads` says, concurrently
 * (the client bounds and paces the requests). Requests, with pages(n) =
 * max(1, ceil(n/100)):
 *
 *   [participants]        pages(participants)
 *   [credentials]         1 + one describe per listed credential without `keys`
 *   [CE list]             1
 *   [CE describe]         one per listed CE
 *   [pipelines managed]   pages(listed pipelines) + one launch per own pipeline
 *   [pipelines if-any-ce] pages(listed pipelines), only when the CE list is not empty
 *   [secrets]             1
 *   [labels]              pages(labels)
 */
import type { ApiClient } from '../api/api-client.js';
import type { Credentials, ListComputeEnvsEntry, PipelineDbDto } from '../api/dto.js';
import { ApiError } from '../api/errors.js';
import type { ActualComputeEnv, ActualCredential, ActualPipeline, ActualWorkspace } from '../model/actual.js';
import {
  mapComputeEnv,
  mapListedComputeEnv,
  type CredentialNames,
} from '../kinds/compute-environments/decode.js';
import { mapCredential } from '../kinds/credentials/decode.js';
import { mapWorkspace } from '../kinds/workspace/decode.js';
import { mapLabel } from '../kinds/labels/decode.js';
import { mapParticipant } from '../kinds/participants/decode.js';
import { mapListedPipeline, mapPipeline } from '../kinds/pipelines/decode.js';
import { reading } from '../kinds/kit/reading.js';
import type { WorkspaceReads } from './read-needs.js';
import type { WorkspaceDbDto } from '../api/dto.js';

export interface WorkspaceTarget {
  readonly orgId: number;
  readonly orgName: string;
  readonly dto: WorkspaceDbDto;
  readonly reads: WorkspaceReads;
}

/** A describe that 400s or 404s means the object went away between list and describe. */
function gone(err: unknown): boolean {
  return err instanceof ApiError && (err.kind === 'not-found' || err.kind === 'bad-request');
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
        return { entry, dto: await client.describeComputeEnv(workspaceId, entry.id) };
      } catch (err) {
        if (gone(err)) return undefined;
        throw err;
      }
    }),
  );
  const names = credentialNames(await credentials);
  return described.filter((d) => d !== undefined).map(({ entry, dto }) => mapComputeEnv(dto, entry, names));
}

/**
 * The workspace's credentials. A list row may come without `keys` (the real
 * platform leaves them out of some rows): such a credential is described to
 * read its non-secret keys; when the describe has none either, the
 * credential is marked `keysUnknown`.
 */
async function readCredentials(client: ApiClient, workspaceId: number): Promise<ActualCredential[]> {
  const listed = await client.listCredentials(workspaceId);
  const read = await Promise.all(
    listed.map(async (row): Promise<Credentials | undefined> => {
      if (row.keys !== undefined || row.id === undefined) return row;
      try {
        const described = await client.describeCredentials(workspaceId, row.id);
        return { ...row, ...(described.keys === undefined ? {} : { keys: described.keys }) };
      } catch (err) {
        if (gone(err)) return undefined;
        throw err;
      }
    }),
  );
  return read.filter((c) => c !== undefined).map(mapCredential);
}

function credentialNames(credentials: readonly ActualCredential[] | undefined): CredentialNames {
  return credentials === undefined ? undefined : new Map(credentials.map((c) => [c.id, c.name]));
}

async function readLaunches(
  client: ApiClient,
  workspaceId: number,
  pipelines: readonly PipelineDbDto[],
): Promise<ActualPipeline[]> {
  const read = await Promise.all(
    pipelines.map(async (p) => {
      try {
        return mapPipeline(p, await client.describePipelineLaunch(workspaceId, p.pipelineId));
      } catch (err) {
        if (err instanceof ApiError && err.kind === 'not-found') return undefined;
        throw err;
      }
    }),
  );
  return read.filter((p) => p !== undefined);
}

export async function readWorkspace(client: ApiClient, target: WorkspaceTarget): Promise<ActualWorkspace> {
  const { orgId, dto, reads } = target;
  const id = dto.id;
  const label = (what: string): string => `${what} of ${target.orgName}/${dto.name}`;
  const participantsPath = `/orgs/${orgId}/workspaces/${id}/participants`;

  const participants = reads.participants
    ? reading(label('participants'), async () =>
        (await client.listParticipants(orgId, id)).map((p) => mapParticipant(p, participantsPath)),
      )
    : Promise.resolve(undefined);
  const credentials = reads.credentials
    ? reading(label('credentials'), () => readCredentials(client, id))
    : Promise.resolve(undefined);
  const ceList = reads.computeEnvList
    ? reading(label('compute environments'), () => client.listComputeEnvs(id))
    : Promise.resolve(undefined);
  const computeEnvironments = ceList.then(async (entries) => {
    if (entries === undefined) return undefined;
    if (!reads.computeEnvDescribe) {
      const names = credentialNames(await credentials);
      return entries.map((e) => mapListedComputeEnv(e, names));
    }
    return reading(label('compute environments'), () =>
      describeComputeEnvs(client, id, entries, credentials),
    );
  });
  const pipelines = (async (): Promise<ActualPipeline[] | undefined> => {
    if (reads.pipelines === 'no') return undefined;
    if (reads.pipelines === 'if-any-ce' && ((await ceList) ?? []).length === 0) return undefined;
    return reading(label('pipelines'), async () => {
      const listed = await client.listPipelines(id);
      if (reads.pipelines !== 'managed') return listed.map(mapListedPipeline);
      return readLaunches(client, id, listed);
    });
  })();
  const secrets = reads.secrets
    ? reading(label('pipeline secrets'), async () =>
        (await client.listPipelineSecrets(id)).map((s) => ({ id: s.id, name: s.name })),
      )
    : Promise.resolve(undefined);

  const labels = reads.labels
    ? reading(label('labels'), async () => (await client.listLabels(id)).map(mapLabel))
    : Promise.resolve(undefined);

  const [p, c, ce, pl, s, l] = await Promise.all([
    participants,
    credentials,
    computeEnvironments,
    pipelines,
    secrets,
    labels,
  ]);
  return {
    ...mapWorkspace(dto),
    ...(p === undefined ? {} : { participants: p }),
    ...(c === undefined ? {} : { credentials: c }),
    ...(ce === undefined ? {} : { computeEnvironments: ce }),
    ...(pl === undefined ? {} : { pipelines: pl }),
    ...(s === undefined ? {} : { secrets: s }),
    ...(l === undefined ? {} : { labels: l }),
  };
}

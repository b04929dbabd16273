/**
 * The only accepted differences between the emulator's responses and the
 * recorded platform responses of the same endpoint (recorded-shapes.test.ts).
 * Each entry names the endpoint, the paths in the body (a path covers what
 * is below it) and why the difference is accepted.
 */
export interface AllowedDifference {
  readonly endpoint: string;
  /** Paths in the body; each covers what is below it. */
  readonly paths: readonly string[];
  readonly reason: string;
}

export const RECORDED_SHAPE_ALLOWLIST: readonly AllowedDifference[] = [
  {
    endpoint: 'GET /user-info',
    paths: ['user.avatar', 'user.options.githubToken'],
    reason:
      'avatar is a gravatar URL or null depending on the user (both are recorded); options.githubToken is a secret the emulator never holds',
  },
  {
    endpoint: 'GET /orgs/{orgId}/members',
    paths: ['members[].avatar'],
    reason:
      'a gravatar URL or null depending on the user (org-members.json has URLs, team-members.json nulls)',
  },
  {
    endpoint: 'GET /credentials',
    paths: ['credentials[].keys'],
    reason:
      'the emulator lists the non-secret keys so that a plan needs no describe per credential; the recorded rows carry none, and the reader describes such a row (tested against the recording and in the replay test)',
  },
  {
    endpoint: 'GET /credentials/{credentialsId}',
    paths: [
      'credentials.description',
      'credentials.baseUrl',
      'credentials.category',
      'credentials.deleted',
      'credentials.lastUsed',
      'credentials.dateCreated',
      'credentials.lastUpdated',
    ],
    reason:
      'the recorded describe is a 4-field test fixture; the emulator describes a credential with the fields of its list row, which the platform sends (credentials.json)',
  },
  {
    endpoint: 'GET /compute-envs',
    paths: ['computeEnvs[].lastUsed', 'computeEnvs[].credentialsId'],
    reason:
      "lastUsed is null until a run uses the CE (compute-envs-primary-null.json); credentialsId is in the spec's list entry and newer platforms send it (the 2021 recording predates it)",
  },
  {
    endpoint: 'GET /compute-envs/{computeEnvId}',
    paths: ['computeEnv.config', 'computeEnv.lastUsed'],
    reason:
      'config holds what was sent plus what the server fills in, where the platform echoes every field of its config class (null when unset) and lists forged resources by AWS type: the tool compares declared keys only and drops nulls; lastUsed is null until a run uses the CE',
  },
  {
    endpoint: 'GET /pipelines',
    paths: [
      'pipelines[].orgId',
      'pipelines[].orgName',
      'pipelines[].workspaceId',
      'pipelines[].workspaceName',
      'pipelines[].visibility',
      'pipelines[].labels',
      'pipelines[].computeEnv',
      'pipelines[].version',
    ],
    reason:
      "the recorded pipeline lives in a personal workspace (no org, so null) on a 2023 platform that sent null labels and computeEnv; the emulator serves org workspaces, lists labels ([] when none) and the default version, as the spec's PipelineDbDto has them",
  },
  {
    endpoint: 'GET /pipelines/{pipelineId}/launch',
    paths: ['launch.computeEnv.config', 'launch.pipelineSchemaId'],
    reason:
      'the CE config as for GET /compute-envs/{computeEnvId} (the recorded one also repeats `platform` inside it); pipelineSchemaId is set only for a pipeline with a schema (pipeline-launch-sarek.json has none)',
  },
  {
    endpoint: 'GET /labels',
    paths: ['labels[].isDefault', 'labels[].isDynamic', 'labels[].isInterpolated', 'labels[].dateCreated'],
    reason:
      "the recordings come from 2023 platforms whose LabelDbDto predates isDynamic, isInterpolated and dateCreated (labels.json also isDefault); the emulator sends every field of the current spec's LabelDbDto, and the decoder reads none but isDefault and isDynamic, both optional",
  },
  {
    endpoint: 'GET /datasets/{datasetId}/versions',
    paths: ['versions[].fileSize'],
    reason:
      "fileSize is in the spec's DatasetVersionDto and the tool compares it before downloading; the 2021 recording predates it (a version without it is downloaded whenever its name matches)",
  },
  {
    endpoint: 'GET /actions',
    paths: ['actions[].lastSeen', 'actions[].event'],
    reason:
      'lastSeen and event are those of the last trigger (a push, a launch, a scheduled run): null until the action is triggered, which the emulator never does',
  },
  {
    endpoint: 'GET /actions/{actionId}',
    paths: [
      'action.lastSeen',
      'action.event',
      'action.launch.computeEnv.config',
      'action.launch.computeEnv.lastUsed',
      'action.launch.computeEnv.deleted',
      'action.launch.commitId',
      'action.launch.pipelineSchemaId',
    ],
    reason:
      "lastSeen and event are null until the action is triggered; the launch's CE as for GET /pipelines/{pipelineId}/launch (the recorded one is a deleted Slurm CE, never used since); the 2021 recording's launch predates commitId and pipelineSchemaId, which the emulator sends as a pipeline's launch does",
  },
];

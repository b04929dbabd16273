/**
 * Small builders of plan actions for the applier's tests, and the platform
 * they run against: the emulator in this process with the org and the
 * workspace already there (`aWorld`). Each builder returns a complete action;
 * tests override what they are about.
 */
import { address } from '../../../src/model/address.js';
import type { Plan, PlanAction, WorkspaceAction } from '../../../src/model/plan.js';
import type { ComputeEnvAction, PrimaryAction } from '../../../src/kinds/compute-environments/model.js';
import type { CredentialAction } from '../../../src/kinds/credentials/model.js';
import type { MemberAction } from '../../../src/kinds/members/model.js';
import type { ParticipantAction } from '../../../src/kinds/participants/model.js';
import type { PipelineAction } from '../../../src/kinds/pipelines/model.js';
import type { SecretAction } from '../../../src/kinds/secrets/model.js';
import type { TeamAction, TeamMemberAction } from '../../../src/kinds/teams/model.js';
import {
  aDesiredComputeEnv,
  aDesiredCredential,
  aDesiredPipeline,
  aDesiredSecret,
  aSource,
  aUserParticipant,
} from '../../helpers/builders.js';
import { applyPlan, type ApplyOptions, type ApplyReport } from '../../../src/apply/index.js';
import type {
  EmulatorOptions,
  OrgSeed,
  PipelineVersionSeed,
  WorkspaceSeed,
} from '../../../src/emulator/index.js';
import {
  startEmulatedPlatform,
  type EmulatedPlatform,
  type TestClock,
} from '../../helpers/emulated-platform.js';
import { sameVariablesEverywhere } from '../../helpers/variables.js';
import { credentialReads } from '../../../src/kinds/credentials/api.js';
import { computeEnvReads } from '../../../src/kinds/compute-environments/api.js';
import { pipelineReads } from '../../../src/kinds/pipelines/api.js';
import { pipelineSecretReads } from '../../../src/kinds/secrets/api.js';
import { organizationReads } from '../../../src/kinds/organization/api.js';
import { memberReads } from '../../../src/kinds/members/api.js';
import { teamReads } from '../../../src/kinds/teams/api.js';
import { workspaceReads } from '../../../src/kinds/workspace/api.js';
import { participantReads } from '../../../src/kinds/participants/api.js';

export const ORG = 'biocommons';
export const WS = 'ausgen';

export function aPlan(actions: readonly PlanAction[], liveIds: Record<string, string | number> = {}): Plan {
  return {
    actions,
    unmanaged: [],
    notes: [],
    blocked: [],
    options: { allowDeletions: false, allowWorkspaceDeletion: false, rotateSecrets: false },
    liveIds,
    scope: { orgs: [ORG], workspaces: [`${ORG}/${WS}`] },
  };
}

/** Apply options with the planted variables; `sleep` and `now` are the platform's test clock. */
export function options(clock: TestClock, overrides: Partial<ApplyOptions> = {}): ApplyOptions {
  return {
    variables: sameVariablesEverywhere(
      new Map([
        ['AWS_SECRET_KEY', 'planted-Secret-Value-123'],
        ['TOKEN_VAR', 'planted-Secret-Token-456'],
      ]),
    ),
    concurrency: 4,
    waitTimeoutMs: 60_000,
    pollIntervalMs: 1_000,
    sleep: clock.sleep,
    now: clock.now,
    ...overrides,
  };
}

const base = { reason: 'test', changes: [], dependsOn: [] } as const;

export function memberCreate(email: string, role: 'owner' | 'member' = 'member'): MemberAction {
  return {
    ...base,
    kind: 'member',
    type: 'create',
    address: address.member(ORG, email),
    org: ORG,
    name: email,
    desired: { email, role, source: aSource() },
  };
}

export function teamCreate(name: string): TeamAction {
  return {
    ...base,
    kind: 'team',
    type: 'create',
    address: address.team(ORG, name),
    org: ORG,
    name,
    desired: { name, source: aSource() },
  };
}

export function teamMemberAction(
  team: string,
  email: string,
  type: 'create' | 'delete',
  memberId = 0,
): TeamMemberAction {
  return {
    ...base,
    kind: 'teamMember',
    type,
    address: address.teamMember(ORG, team, email),
    org: ORG,
    name: email,
    team,
    ...(type === 'create' ? { desired: { email } } : { current: { memberId, email } }),
  };
}

export function workspaceAction(
  type: 'create' | 'update' | 'delete',
  ws = WS,
  extra: Partial<WorkspaceAction> = {},
): WorkspaceAction {
  return {
    ...base,
    kind: 'workspace',
    type,
    address: address.workspace(ORG, ws),
    org: ORG,
    workspace: ws,
    name: ws,
    ...(type === 'delete'
      ? {}
      : { desired: { name: ws, fullName: `${ws} full`, visibility: 'private' as const } }),
    ...extra,
  };
}

export function participantCreate(
  email: string,
  role: 'admin' | 'launch' | 'view' = 'admin',
  ws = WS,
): ParticipantAction {
  return {
    ...base,
    kind: 'participant',
    type: 'create',
    address: address.userParticipant(ORG, ws, email),
    org: ORG,
    workspace: ws,
    name: email,
    desired: aUserParticipant(email, role),
  };
}

export function credentialAction(
  type: 'create' | 'update' | 'delete',
  extra: Partial<CredentialAction> = {},
  ws = WS,
): CredentialAction {
  const desired = aDesiredCredential({ description: 'Main AWS account' });
  return {
    ...base,
    kind: 'credential',
    type,
    address: address.credential(ORG, ws, desired.name),
    org: ORG,
    workspace: ws,
    name: desired.name,
    ...(type === 'delete' ? {} : { desired }),
    ...extra,
  };
}

export function computeEnvAction(
  type: 'create' | 'update' | 'replace' | 'delete',
  extra: Partial<ComputeEnvAction> = {},
  ws = WS,
): ComputeEnvAction {
  const desired = aDesiredComputeEnv();
  return {
    ...base,
    kind: 'computeEnvironment',
    type,
    address: address.computeEnv(ORG, ws, desired.name),
    org: ORG,
    workspace: ws,
    name: desired.name,
    ...(type === 'delete' ? {} : { desired }),
    ...extra,
  };
}

export function primaryAction(ce = 'aws-sydney', ws = WS): PrimaryAction {
  return {
    ...base,
    kind: 'primaryComputeEnvironment',
    type: 'update',
    address: address.primary(ORG, ws, ce),
    org: ORG,
    workspace: ws,
    name: ce,
    computeEnvironment: ce,
  };
}

export function pipelineAction(
  type: 'create' | 'update' | 'delete',
  extra: Partial<PipelineAction> = {},
  ws = WS,
): PipelineAction {
  const desired = aDesiredPipeline();
  return {
    ...base,
    kind: 'pipeline',
    type,
    address: address.pipeline(ORG, ws, desired.name),
    org: ORG,
    workspace: ws,
    name: desired.name,
    ...(type === 'delete' ? {} : { desired }),
    ...extra,
  };
}

export function secretAction(
  type: 'create' | 'update' | 'delete',
  name = 'SENTIEON_LICENSE',
  extra: Partial<SecretAction> = {},
  ws = WS,
): SecretAction {
  return {
    ...base,
    kind: 'secret',
    type,
    address: address.secret(ORG, ws, name),
    org: ORG,
    workspace: ws,
    name,
    ...(type === 'delete' ? {} : { desired: aDesiredSecret(name, 'TOKEN_VAR') }),
    ...extra,
  };
}

/** The token user of every world. */
export const TOKEN_EMAIL = 'sync-bot@example.org';

/** People who have signed in to the platform (unless a world lists them as unregistered). */
export const PEOPLE = ['jane', 'new', 'old', 'owner', 'plain', 'member', 'guest', 'ghost'].map(
  (name) => `${name}@example.org`,
);

export interface WorldOptions extends Omit<EmulatorOptions, 'seed' | 'clock'> {
  /** People of PEOPLE who have never signed in. */
  readonly unregistered?: readonly string[];
  /** Extra fields of the org (members, teams, sso). */
  readonly org?: Omit<Partial<OrgSeed>, 'name' | 'workspaces'>;
  /** Extra fields of the workspace (participants besides the token user, credentials, ...). */
  readonly workspace?: Omit<Partial<WorkspaceSeed>, 'name'>;
  /** Further workspaces of the org. */
  readonly otherWorkspaces?: readonly WorkspaceSeed[];
}

/** Ids of the seeded objects, read through the API before the test starts. */
export interface SeededIds {
  member(email: string): number;
  team(name: string): number;
  participant(email: string): number;
  credential(name: string): string;
  computeEnv(name: string): string;
  pipeline(name: string): number;
  /** The pipeline's default version. */
  defaultVersion(pipeline: string): string;
  secret(name: string): number;
  workspace(name: string): number;
}

export interface World extends EmulatedPlatform {
  readonly orgId: number;
  readonly wsId: number;
  /** Live ids of the org and the workspace, as a plan carries them. */
  readonly liveIds: Record<string, string | number>;
  readonly ids: SeededIds;
  options(overrides?: Partial<ApplyOptions>): ApplyOptions;
  apply(plan: Plan, overrides?: Partial<ApplyOptions>): Promise<ApplyReport>;
  /** The workspace's current state, in seed form. */
  workspace(name?: string): WorkspaceSeed;
  /** The org's current state, in seed form. */
  org(): OrgSeed;
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the seed has no ${what}`);
  return value;
}

/**
 * The emulator with the org and the workspace already there (the token user
 * owns both), its ids, and an empty request log. Call it inside a test; the
 * emulator stops when the test ends.
 */
export async function aWorld(worldOptions: WorldOptions = {}): Promise<World> {
  const {
    unregistered = [],
    org = {},
    workspace = {},
    otherWorkspaces = [],
    ...emulatorOptions
  } = worldOptions;
  const registered = PEOPLE.filter((email) => !unregistered.includes(email));
  const ownerParticipant = { email: TOKEN_EMAIL, role: 'owner' };
  const platform = await startEmulatedPlatform(
    {
      users: [
        { userName: 'sync-bot', email: TOKEN_EMAIL, token: 'world-token' },
        ...registered.map((email) => ({ userName: email.split('@')[0] ?? email, email })),
      ],
      orgs: [
        {
          name: ORG,
          ...org,
          members: [{ email: TOKEN_EMAIL, role: 'owner' }, ...(org.members ?? [])],
          workspaces: [
            {
              name: WS,
              ...workspace,
              participants: [ownerParticipant, ...(workspace.participants ?? [])],
            },
            ...otherWorkspaces.map((w) => ({
              ...w,
              participants: [ownerParticipant, ...(w.participants ?? [])],
            })),
          ],
        },
      ],
    },
    emulatorOptions,
  );
  const { client, emu, clock } = platform;
  const orgId = found(
    (await client.use(organizationReads).listOrganizations()).find((o) => o.name === ORG)?.orgId,
    'org',
  );
  const workspaces = new Map(
    (await client.use(workspaceReads).listWorkspaces(orgId)).map((w) => [w.name, w.id]),
  );
  const wsId = found(workspaces.get(WS), 'workspace');
  const members = new Map(
    (await client.use(memberReads).listMembers(orgId)).map((m) => [m.email, m.memberId]),
  );
  const teams = new Map((await client.use(teamReads).listTeams(orgId)).map((t) => [t.name, t.teamId]));
  const participants = new Map(
    (await client.use(participantReads).listParticipants(orgId, wsId)).map((p) => [
      p.email ?? p.teamName ?? '',
      p.participantId,
    ]),
  );
  const credentials = new Map(
    (await client.use(credentialReads).listCredentials(wsId)).map((c) => [c.name, c.id ?? '']),
  );
  const computeEnvs = new Map(
    (await client.use(computeEnvReads).listComputeEnvs(wsId)).map((c) => [c.name, c.id]),
  );
  const pipelineList = await client.use(pipelineReads).listPipelines(wsId);
  const pipelines = new Map(pipelineList.map((p) => [p.name, p.pipelineId]));
  const defaultVersions = new Map(pipelineList.map((p) => [p.name, p.version?.id ?? '']));
  const secrets = new Map(
    (await client.use(pipelineSecretReads).listPipelineSecrets(wsId)).map((s) => [s.name, s.id]),
  );
  emu.clearRequestLog();

  const ids: SeededIds = {
    member: (email) => found(members.get(email), `member ${email}`),
    team: (name) => found(teams.get(name), `team ${name}`),
    participant: (email) => found(participants.get(email), `participant ${email}`),
    credential: (name) => found(credentials.get(name), `credential ${name}`),
    computeEnv: (name) => found(computeEnvs.get(name), `compute environment ${name}`),
    pipeline: (name) => found(pipelines.get(name), `pipeline ${name}`),
    defaultVersion: (name) => found(defaultVersions.get(name), `pipeline ${name}`),
    secret: (name) => found(secrets.get(name), `secret ${name}`),
    workspace: (name) => found(workspaces.get(name), `workspace ${name}`),
  };
  const orgNow = (): OrgSeed =>
    found(
      emu.snapshot().orgs?.find((o) => o.name === ORG),
      'org',
    );
  const world: World = {
    ...platform,
    orgId,
    wsId,
    liveIds: {
      [ORG]: orgId,
      ...Object.fromEntries([...workspaces].map(([name, id]) => [`${ORG}/${name}`, id])),
    },
    ids,
    options: (overrides = {}) => options(clock, overrides),
    apply: (plan, overrides = {}) => applyPlan(plan, client, options(clock, overrides)),
    org: orgNow,
    workspace: (name = WS) =>
      found(
        orgNow().workspaces?.find((w) => w.name === name),
        `workspace ${name}`,
      ),
  };
  return world;
}

/** An AWS credential as the platform holds it. */
export const AWS_CREDENTIAL = {
  name: 'aws-main',
  provider: 'aws',
  keys: { accessKey: 'AKIAEXAMPLE', secretKey: 'stored-secret' },
} as const;

/** A compute environment as the platform holds it (AVAILABLE, on `aws-main`). */
export function seededComputeEnv(name = 'aws-sydney', extra: Record<string, unknown> = {}) {
  return {
    name,
    platform: 'aws-batch',
    credentials: 'aws-main',
    config: { region: 'ap-southeast-2', workDir: 's3://ausgen-work/scratch' },
    ...extra,
  };
}

/** A pipeline as the platform holds it, launching on `computeEnv`. */
export function seededPipeline(
  name: string,
  launch: Record<string, unknown> = {},
  extra: { labels?: string[]; versionName?: string; versions?: PipelineVersionSeed[] } = {},
) {
  return {
    name,
    launch: {
      pipeline: `https://github.com/nf-core/${name}`,
      computeEnv: 'aws-sydney',
      workDir: 's3://ausgen-work/scratch',
      ...launch,
    },
    ...extra,
  };
}

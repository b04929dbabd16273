/**
 * Builders for desired state, actual state and planner context, shared by the
 * planner, renderer and applier tests. Every builder returns a complete,
 * valid value with sensible defaults (org `biocommons`, workspace `ausgen`);
 * pass overrides for what a test is about. Ids are derived from names, so the
 * same name always gets the same id, whatever order things are built in.
 *
 * `actualFromDesired(desired)` builds the live state a perfect apply would
 * leave (server-filled fields included), and `contextFromDesired(desired)` a
 * context in which every variable is set and every keys fingerprint matches:
 * `computePlan(s, actualFromDesired(s), contextFromDesired(s))` is empty.
 */
import type { ActualOrg, ActualState, ActualUser, ActualWorkspace } from '../../src/model/actual.js';
import type { ActualComputeEnv, DesiredComputeEnv } from '../../src/kinds/compute-environments/model.js';
import type { ActualCredential, DesiredCredential } from '../../src/kinds/credentials/model.js';
import type { ActualMember, DesiredMember } from '../../src/kinds/members/model.js';
import type { ActualParticipant, DesiredParticipant } from '../../src/kinds/participants/model.js';
import type { ActualPipeline, DesiredPipeline } from '../../src/kinds/pipelines/model.js';
import type { ActualSecret, DesiredSecret } from '../../src/kinds/secrets/model.js';
import type { ActualTeam, ActualTeamMember, DesiredTeam } from '../../src/kinds/teams/model.js';
import type { SourceRef } from '../../src/model/diagnostics.js';
import type { DesiredOrg, DesiredState, DesiredWorkspace, Policy } from '../../src/model/desired.js';
import type { PlanOptions } from '../../src/model/plan.js';
import type { PlannerContext } from '../../src/model/planner-context.js';
import { COLLECTION_KINDS } from '../../src/kinds/collections.js';
import {
  isSecretRef,
  type CollectionKind,
  type IgnoreLists,
  type OrgRole,
  type PruneSetting,
  type WorkspaceRole,
} from '../../src/model/resources.js';
import { address } from '../../src/model/address.js';
import { launchDigest, launchFieldsOf } from '../../src/kinds/pipelines/launch-fields.js';
import { credentialVariables, secretKeyNames } from '../../src/kinds/credentials/variables.js';

// ---------------------------------------------------------------- overrides

/** Builder overrides: any field; `undefined` removes an optional field (required ones must not be removed). */
export type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

function withOverrides<T extends object>(base: T, overrides: Overrides<T>): T {
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) Reflect.deleteProperty(merged, key);
    else merged[key] = value;
  }
  return merged as T;
}

// ---------------------------------------------------------------- ids, users

/** A stable positive id derived from text (same text, same id). */
export function idOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return (hash % 9_000_000) + 1000;
}

/** The token's own user in every built actual state unless overridden. */
export const TOKEN_USER: ActualUser = { id: 1, userName: 'sync-bot', email: 'sync-bot@example.org' };

export const DEFAULT_ORG = 'biocommons';
export const DEFAULT_WORKSPACE = 'ausgen';

export function aSource(file = `workspaces/${DEFAULT_ORG}/${DEFAULT_WORKSPACE}.yaml`, line = 1): SourceRef {
  return { file, line, column: 1, pointer: '' };
}

// ---------------------------------------------------------------- policy

/** A prune setting: one boolean for every kind, or per-kind overrides of `false`. */
export function pruneSetting(
  value: boolean | Partial<Record<CollectionKind, boolean>> = false,
): PruneSetting {
  const base = Object.fromEntries(
    COLLECTION_KINDS.map((kind) => [kind, typeof value === 'boolean' ? value : false]),
  ) as Record<CollectionKind, boolean>;
  return typeof value === 'boolean' ? base : { ...base, ...value };
}

export function ignoreLists(partial: Partial<IgnoreLists> = {}): IgnoreLists {
  const base = Object.fromEntries(COLLECTION_KINDS.map((kind) => [kind, []])) as unknown as Record<
    CollectionKind,
    readonly string[]
  >;
  return { ...base, ...partial };
}

export function aPolicy(overrides: Partial<Policy> = {}): Policy {
  return {
    prune: pruneSetting(false),
    maxDeletions: 10,
    maxDeletionRatio: 0.25,
    protectedUsers: [],
    maxParticipants: 0,
    ...overrides,
  };
}

// ---------------------------------------------------------------- desired

export function aDesiredState(...orgs: DesiredOrg[]): DesiredState {
  return { orgs };
}

/** An org with a file; its workspaces are re-homed into it (their `org` is set to its name). */
export function aDesiredOrg(overrides: Overrides<DesiredOrg> = {}): DesiredOrg {
  const name = overrides.name ?? DEFAULT_ORG;
  const org = withOverrides<DesiredOrg>(
    {
      name,
      hasFile: true,
      policy: aPolicy(),
      ignore: ignoreLists(),
      workspaces: [],
      source: aSource(`workspaces/${name}/organization.yaml`),
    },
    overrides,
  );
  return { ...org, workspaces: org.workspaces.map((ws) => (ws.org === name ? ws : { ...ws, org: name })) };
}

export function aDesiredWorkspace(overrides: Overrides<DesiredWorkspace> = {}): DesiredWorkspace {
  const org = overrides.org ?? DEFAULT_ORG;
  const name = overrides.name ?? DEFAULT_WORKSPACE;
  return withOverrides<DesiredWorkspace>(
    {
      org,
      name,
      fullName: `${name} full name`,
      visibility: 'private',
      state: 'present',
      prune: pruneSetting(false),
      ignore: ignoreLists(),
      maintainers: [],
      source: aSource(`workspaces/${org}/${name}.yaml`),
    },
    overrides,
  );
}

export function aDesiredMember(email: string, role: OrgRole = 'member'): DesiredMember {
  return { email, role, source: aSource(`workspaces/${DEFAULT_ORG}/organization.yaml`, 5) };
}

export function aDesiredTeam(overrides: Overrides<DesiredTeam> & { name: string }): DesiredTeam {
  return withOverrides<DesiredTeam>(
    { name: overrides.name, source: aSource(`workspaces/${DEFAULT_ORG}/organization.yaml`, 10) },
    overrides,
  );
}

export function aUserParticipant(email: string, role: WorkspaceRole = 'launch'): DesiredParticipant {
  return { type: 'user', email, role, source: aSource(undefined, 7) };
}

export function aTeamParticipant(team: string, role: WorkspaceRole = 'launch'): DesiredParticipant {
  return { type: 'team', team, role, source: aSource(undefined, 8) };
}

export function aDesiredCredential(overrides: Overrides<DesiredCredential> = {}): DesiredCredential {
  return withOverrides<DesiredCredential>(
    {
      name: 'aws-main',
      provider: 'aws',
      keys: { accessKey: 'AKIAEXAMPLE', secretKey: { secretRef: 'AWS_SECRET_KEY' } },
      source: aSource(undefined, 12),
    },
    overrides,
  );
}

export function aDesiredComputeEnv(overrides: Overrides<DesiredComputeEnv> = {}): DesiredComputeEnv {
  return withOverrides<DesiredComputeEnv>(
    {
      name: 'aws-sydney',
      platform: 'aws-batch',
      credentials: 'aws-main',
      primary: false,
      config: {
        region: 'ap-southeast-2',
        workDir: 's3://ausgen-work/scratch',
        forge: {
          type: 'SPOT',
          maxCpus: 500,
          instanceTypes: ['c6id', 'm6id'],
          allowBuckets: ['s3://ausgen-data'],
        },
      },
      source: aSource(undefined, 20),
    },
    overrides,
  );
}

export function aDesiredPipeline(overrides: Overrides<DesiredPipeline> = {}): DesiredPipeline {
  return withOverrides<DesiredPipeline>(
    {
      name: 'rnaseq',
      url: 'https://github.com/nf-core/rnaseq',
      revision: '3.14.0',
      computeEnvironment: 'aws-sydney',
      workDir: 's3://ausgen-work/scratch',
      source: aSource(undefined, 30),
    },
    overrides,
  );
}

export function aDesiredSecret(name: string, variable = `${name}_VAR`): DesiredSecret {
  return { name, value: { secretRef: variable }, source: aSource(undefined, 40) };
}

// ---------------------------------------------------------------- actual

export function anActualState(...orgs: ActualOrg[]): ActualState {
  return { user: TOKEN_USER, orgs };
}

export function anActualOrg(overrides: Overrides<ActualOrg> = {}): ActualOrg {
  const name = overrides.name ?? DEFAULT_ORG;
  return withOverrides<ActualOrg>(
    { orgId: idOf(`org:${name}`), name, fullName: `${name} full name`, workspaces: [] },
    overrides,
  );
}

export function anActualWorkspace(overrides: Overrides<ActualWorkspace> = {}): ActualWorkspace {
  const name = overrides.name ?? DEFAULT_WORKSPACE;
  return withOverrides<ActualWorkspace>(
    { id: idOf(`ws:${name}`), name, fullName: `${name} full name`, visibility: 'private' },
    overrides,
  );
}

export function anActualMember(
  email: string,
  role = 'member',
  overrides: Overrides<ActualMember> = {},
): ActualMember {
  return withOverrides<ActualMember>(
    {
      memberId: idOf(`member:${email}`),
      userId: idOf(`user:${email}`),
      userName: email.split('@')[0] ?? email,
      email,
      role,
    },
    overrides,
  );
}

export function anActualTeam(overrides: Overrides<ActualTeam> & { name: string }): ActualTeam {
  return withOverrides<ActualTeam>(
    { teamId: idOf(`team:${overrides.name}`), name: overrides.name },
    overrides,
  );
}

/** Team members of an actual team, by email. */
export function teamMembersOf(...emails: string[]): readonly ActualTeamMember[] {
  return emails.map((email) => ({ memberId: idOf(`member:${email}`), email }));
}

export function anActualUserParticipant(
  email: string,
  role = 'launch',
  type: 'member' | 'collaborator' = 'member',
): ActualParticipant {
  return {
    type,
    participantId: idOf(`participant:${email}`),
    memberId: idOf(`member:${email}`),
    userName: email.split('@')[0] ?? email,
    email,
    role,
  };
}

export function anActualTeamParticipant(team: string, role = 'launch'): ActualParticipant {
  return {
    type: 'team',
    participantId: idOf(`participant:team:${team}`),
    teamId: idOf(`team:${team}`),
    teamName: team,
    role,
  };
}

export function anActualCredential(overrides: Overrides<ActualCredential> = {}): ActualCredential {
  const name = overrides.name ?? 'aws-main';
  return withOverrides<ActualCredential>(
    {
      id: `cred-${idOf(`cred:${name}`)}`,
      name,
      provider: 'aws',
      keys: { accessKey: 'AKIAEXAMPLE' },
      fingerprint: { salt: 'c2FsdA', hash: 'aGFzaA' },
    },
    overrides,
  );
}

export function anActualComputeEnv(overrides: Overrides<ActualComputeEnv> = {}): ActualComputeEnv {
  const name = overrides.name ?? 'aws-sydney';
  return withOverrides<ActualComputeEnv>(
    {
      id: `ce-${idOf(`ce:${name}`)}`,
      name,
      platform: 'aws-batch',
      status: 'AVAILABLE',
      primary: false,
      credentialsId: `cred-${idOf('cred:aws-main')}`,
      config: {},
      labelIds: [],
    },
    overrides,
  );
}

export function anActualPipeline(overrides: Overrides<ActualPipeline> = {}): ActualPipeline {
  const name = overrides.name ?? 'rnaseq';
  return withOverrides<ActualPipeline>(
    { pipelineId: idOf(`pipeline:${name}`), name, labelIds: [], launch: {} },
    overrides,
  );
}

export function anActualSecret(name: string): ActualSecret {
  return { id: idOf(`secret:${name}`), name };
}

// ---------------------------------------------------------------- context

/** `PlannerContext.setVariables` with `names` set for one workspace (default `biocommons/ausgen`). */
export function variablesSetIn(
  names: Iterable<string>,
  key = `${DEFAULT_ORG}/${DEFAULT_WORKSPACE}`,
): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map([[key, new Set(names)]]);
}

export function aPlannerContext(
  overrides: Partial<Omit<PlannerContext, 'options'>> & { options?: Partial<PlanOptions> } = {},
): PlannerContext {
  return {
    setVariables: new Map<string, ReadonlySet<string>>(),
    keysMatch: new Map<string, boolean>(),
    workspaceFilter: [],
    ...overrides,
    options: {
      allowDeletions: false,
      allowWorkspaceDeletion: false,
      rotateSecrets: false,
      ...overrides.options,
    },
  };
}

/** Every variable the desired state references is set; every credential's keys match its fingerprint. */
export function contextFromDesired(
  desired: DesiredState,
  overrides: Partial<Omit<PlannerContext, 'options'>> & { options?: Partial<PlanOptions> } = {},
): PlannerContext {
  const variables = new Map<string, Set<string>>();
  const keysMatch = new Map<string, boolean>();
  for (const org of desired.orgs) {
    for (const ws of org.workspaces) {
      const set = new Set<string>();
      variables.set(`${org.name}/${ws.name}`, set);
      for (const credential of ws.credentials ?? []) {
        for (const name of credentialVariables(credential)) set.add(name);
        if (secretKeyNames(credential).length > 0) {
          keysMatch.set(address.credential(org.name, ws.name, credential.name), true);
        }
      }
      for (const secret of ws.secrets ?? []) set.add(secret.value.secretRef);
    }
  }
  return aPlannerContext({ setVariables: variables, keysMatch, ...overrides });
}

// ---------------------------------------------------------------- perfect apply

export interface ActualFromDesiredOptions {
  readonly user?: ActualUser;
}

/**
 * The live state a perfect apply of `desired` leaves: orgs and present
 * workspaces exist with ids derived from names; the token's user is an owner
 * member of every org whose members are managed and an owner participant of
 * every workspace (the platform makes the creator its owner); collections the
 * desired state leaves unmanaged are not read (`undefined`); credentials carry
 * a fingerprint when they have secret keys; compute environments are
 * AVAILABLE with server-filled fields (forged resources, generated queues,
 * the work dir appended to `forge.allowBuckets`).
 */
export function actualFromDesired(
  desired: DesiredState,
  options: ActualFromDesiredOptions = {},
): ActualState {
  const user = options.user ?? TOKEN_USER;
  return { user, orgs: desired.orgs.map((org) => actualOrgOf(org, user)) };
}

function actualOrgOf(org: DesiredOrg, user: ActualUser): ActualOrg {
  const memberEmails = new Set((org.members ?? []).map((m) => m.email));
  const members =
    org.members === undefined
      ? undefined
      : [
          ...org.members.map((m) => anActualMember(m.email, m.role)),
          ...(memberEmails.has(user.email) ? [] : [anActualMember(user.email, 'owner', { userId: user.id })]),
        ];
  const teams = org.teams?.map((team) => ({
    teamId: idOf(`team:${team.name}`),
    name: team.name,
    ...(team.description === undefined ? {} : { description: team.description }),
    ...(team.members === undefined ? {} : { members: teamMembersOf(...team.members) }),
  }));
  return {
    orgId: idOf(`org:${org.name}`),
    name: org.name,
    fullName: org.fullName ?? org.name,
    ...(org.description === undefined ? {} : { description: org.description }),
    ...(members === undefined ? {} : { members }),
    ...(teams === undefined ? {} : { teams }),
    workspaces: org.workspaces
      .filter((ws) => ws.state === 'present')
      .map((ws) => actualWorkspaceOf(ws, memberEmails, user)),
  };
}

function actualWorkspaceOf(
  ws: DesiredWorkspace,
  orgMembers: ReadonlySet<string>,
  user: ActualUser,
): ActualWorkspace {
  const credentialId = (name: string): string => `cred-${idOf(`cred:${ws.org}/${ws.name}/${name}`)}`;
  const ceId = (name: string): string => `ce-${idOf(`ce:${ws.org}/${ws.name}/${name}`)}`;
  const participants = ws.participants?.map((p): ActualParticipant =>
    p.type === 'team'
      ? anActualTeamParticipant(p.team, p.role)
      : anActualUserParticipant(
          p.email,
          p.role,
          orgMembers.has(p.email) || p.email === user.email ? 'member' : 'collaborator',
        ),
  );
  const declaresUser = (ws.participants ?? []).some((p) => p.type === 'user' && p.email === user.email);
  return {
    id: idOf(`ws:${ws.org}/${ws.name}`),
    name: ws.name,
    fullName: ws.fullName,
    ...(ws.description === undefined ? {} : { description: ws.description }),
    visibility: ws.visibility,
    ...(participants === undefined
      ? {}
      : {
          participants: declaresUser
            ? participants
            : [...participants, anActualUserParticipant(user.email, 'owner', 'member')],
        }),
    ...(ws.credentials === undefined
      ? {}
      : { credentials: ws.credentials.map((c) => actualCredentialOf(c, credentialId(c.name))) }),
    ...(ws.computeEnvironments === undefined
      ? {}
      : {
          computeEnvironments: ws.computeEnvironments.map((ce) =>
            actualComputeEnvOf(
              ce,
              ceId(ce.name),
              ce.credentials === undefined ? undefined : credentialId(ce.credentials),
            ),
          ),
        }),
    ...(ws.pipelines === undefined
      ? {}
      : {
          pipelines: ws.pipelines.map((p) =>
            actualPipelineOf(p, p.computeEnvironment === undefined ? undefined : ceId(p.computeEnvironment)),
          ),
        }),
    ...(ws.secrets === undefined ? {} : { secrets: ws.secrets.map((s) => anActualSecret(s.name)) }),
    ...(ws.labels === undefined
      ? {}
      : {
          labels: ws.labels.map((l) => ({
            id: idOf(`label:${ws.org}/${ws.name}/${l.name}`),
            name: l.name,
            ...(l.value === undefined ? {} : { value: l.value }),
            resource: l.resource,
            isDefault: l.isDefault,
          })),
        }),
  };
}

function actualCredentialOf(credential: DesiredCredential, id: string): ActualCredential {
  const secret = new Set(secretKeyNames(credential));
  const keys = Object.fromEntries(
    Object.entries(credential.keys).filter(([key, value]) => !secret.has(key) && !isSecretRef(value)),
  );
  return {
    id,
    name: credential.name,
    provider: credential.provider,
    ...(credential.description === undefined ? {} : { description: credential.description }),
    ...(secret.size > 0 ? { fingerprint: { salt: 'c2FsdA', hash: `h${idOf(credential.name)}` } } : {}),
    ...(credential.baseUrl === undefined ? {} : { baseUrl: credential.baseUrl }),
    keys,
  };
}

/** What the server fills into an AWS Batch Forge config, plus the declared config. */
export function serverFilledConfig(
  config: Readonly<Record<string, unknown>>,
  name: string,
): Record<string, unknown> {
  const filled: Record<string, unknown> = { ...config };
  const forge = config['forge'];
  if (typeof forge === 'object' && forge !== null && !Array.isArray(forge)) {
    const forgeConfig = { ...(forge as Record<string, unknown>) };
    const workDir = config['workDir'];
    if (typeof workDir === 'string') {
      const buckets = Array.isArray(forgeConfig['allowBuckets'])
        ? (forgeConfig['allowBuckets'] as unknown[])
        : [];
      forgeConfig['allowBuckets'] = [...buckets, workDir];
    }
    filled['forge'] = forgeConfig;
    filled['forgedResources'] = [{ IamRole: `arn:aws:iam::000000000000:role/TowerForge-${name}` }];
    filled['headQueue'] = `TowerForge-${name}-head`;
    filled['computeQueue'] = `TowerForge-${name}-work`;
  }
  return filled;
}

function actualComputeEnvOf(
  ce: DesiredComputeEnv,
  id: string,
  credentialsId: string | undefined,
): ActualComputeEnv {
  return {
    id,
    name: ce.name,
    platform: ce.platform,
    status: 'AVAILABLE',
    primary: ce.primary,
    ...(credentialsId === undefined ? {} : { credentialsId }),
    ...(ce.description === undefined ? {} : { description: ce.description }),
    config: serverFilledConfig(ce.config, ce.name),
    labelIds: [],
  };
}

function actualPipelineOf(pipeline: DesiredPipeline, computeEnvId: string | undefined): ActualPipeline {
  const fields = launchFieldsOf(pipeline);
  return {
    pipelineId: idOf(`pipeline:${pipeline.name}`),
    name: pipeline.name,
    ...(pipeline.description === undefined ? {} : { description: pipeline.description }),
    labelIds: [],
    launch: { ...fields, ...(computeEnvId === undefined ? {} : { computeEnvId }) },
    versionId: `v-${launchDigest(fields)}`,
    versionName: `${pipeline.name}-${launchDigest(fields).slice(0, 8)}`,
  };
}

// ---------------------------------------------------------------- test utilities

/** Recursively freezes a value (Sets and Maps are left as they are), so a mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Set) && !(value instanceof Map)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

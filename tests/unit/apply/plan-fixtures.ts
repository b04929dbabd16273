/**
 * Small builders of plan actions for the applier's unit tests, over the fake
 * client's seeded ids. Each returns a complete action; tests override what
 * they are about.
 */
import { address } from '../../../src/model/address.js';
import type {
  ComputeEnvAction,
  CredentialAction,
  MemberAction,
  ParticipantAction,
  PipelineAction,
  Plan,
  PlanAction,
  PrimaryAction,
  SecretAction,
  TeamAction,
  TeamMemberAction,
  WorkspaceAction,
} from '../../../src/model/plan.js';
import {
  aDesiredComputeEnv,
  aDesiredCredential,
  aDesiredPipeline,
  aDesiredSecret,
  aSource,
  aUserParticipant,
} from '../../helpers/builders.js';
import type { ApplyOptions } from '../../../src/apply/types.js';
import { FakeApiClient, type FakeOptions } from '../../helpers/fake-client.js';
import { sameVariablesEverywhere } from '../../helpers/variables.js';

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

export function options(overrides: Partial<ApplyOptions> = {}): ApplyOptions {
  let clock = 0;
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
    sleep: (ms) => {
      clock += ms;
      return Promise.resolve();
    },
    now: () => clock,
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

export interface World {
  readonly fake: FakeApiClient;
  readonly orgId: number;
  readonly wsId: number;
  readonly liveIds: Record<string, string | number>;
}

/** A fake platform with the org and the workspace already there, and their live ids. */
export function aWorld(fakeOptions: FakeOptions = {}): World {
  const fake = new FakeApiClient(fakeOptions);
  const org = fake.seedOrg(ORG);
  const ws = fake.seedWorkspace(org.orgId, WS);
  return { fake, orgId: org.orgId, wsId: ws.id, liveIds: { [ORG]: org.orgId, [`${ORG}/${WS}`]: ws.id } };
}

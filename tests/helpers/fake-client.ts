/**
 * An in-memory `ApiClient` for fast applier unit tests: a tiny platform
 * (orgs, members, teams, workspaces, participants, credentials, compute
 * environments with asynchronous status, pipelines with versions, secrets)
 * that records every call and fails on demand. Not a platform emulator: it
 * models only what the applier's contract depends on.
 *
 * Faults: `fail(method, error, { times, when, afterApply })` makes the next
 * matching calls throw; with `afterApply` the call takes effect first and the
 * response is "lost" (the ambiguous case idempotent creates must survive).
 */
import type { ApiClient } from '../../src/api/api-client.js';
import type {
  AddParticipantRequest,
  ComputeEnvComputeConfig,
  ComputeEnvResponseDto,
  CreatePipelineRequest,
  Credentials,
  LaunchDbDto,
  ListComputeEnvsEntry,
  MemberDbDto,
  Organization,
  OrganizationDbDto,
  ParticipantResponseDto,
  PipelineDbDto,
  PipelineSecret,
  Team,
  TeamDbDto,
  UpdateComputeEnvRequest,
  UpdatePipelineRequest,
  Workspace,
  WorkspaceDbDto,
} from '../../src/api/dto.js';
import { ApiError, type ApiErrorKind } from '../../src/api/errors.js';

export type Method = Exclude<keyof ApiClient, 'endpoint' | 'stats'>;

export interface FakeCall {
  readonly method: Method;
  readonly args: readonly unknown[];
}

interface Fault {
  readonly method: Method;
  readonly error: () => ApiError;
  remaining: number;
  readonly when: (args: readonly unknown[]) => boolean;
  readonly afterApply: boolean;
}

const READS = new Set<Method>([
  'getUserInfo',
  'listOrganizations',
  'listMembers',
  'listTeams',
  'listTeamMembers',
  'listWorkspaces',
  'listParticipants',
  'listCredentials',
  'describeCredentials',
  'listComputeEnvs',
  'describeComputeEnv',
  'listPipelines',
  'describePipelineLaunch',
  'listPipelineVersions',
  'listPipelineSecrets',
]);

function kindOf(status: number | undefined): ApiErrorKind {
  if (status === undefined) return 'network';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/** An `ApiError` like the real client's, for a status (undefined = no response). */
export function apiError(
  status: number | undefined,
  platformMessage?: string,
  method = 'PUT',
  path = '/x',
): ApiError {
  const head = `${method} ${path} failed: ${status ?? 'no response'}`;
  return new ApiError(
    kindOf(status),
    method,
    path,
    status,
    platformMessage,
    platformMessage === undefined ? head : `${head} — "${platformMessage}"`,
  );
}

export interface FakeComputeEnv {
  id: string;
  workspaceId: number;
  name: string;
  platform: string;
  status: string;
  message?: string;
  primary: boolean;
  credentialsId?: string | null;
  description?: string | null;
  config: Record<string, unknown>;
  labelIds: number[];
  /** List calls left before CREATING/DELETING resolves. */
  polls: number;
  /** What CREATING resolves to. */
  outcome: 'AVAILABLE' | 'ERRORED';
  jobsRunning: boolean;
}

export interface FakeVersion {
  id: string;
  name: string | null;
  isDefault: boolean;
  launch: Record<string, unknown>;
}

export interface FakePipeline {
  pipelineId: number;
  workspaceId: number;
  name: string;
  description?: string | null;
  labelIds: number[];
  versions: FakeVersion[];
}

export interface FakeOptions {
  /** Emails that never signed in: adds by email fail. */
  readonly unregistered?: readonly string[];
  /** How an unregistered add fails: 404 (default) or 400 "User not found". */
  readonly unregisteredStatus?: 404 | 400;
  /** The org refuses collaborators (409 on adding a non-member by email). */
  readonly sso?: boolean;
  /** Role a fresh participant gets (default `launch`). */
  readonly defaultParticipantRole?: string;
  /** List polls a CE stays CREATING (default 0: AVAILABLE on the first poll). */
  readonly ceCreatePolls?: number;
  /** List polls a CE stays DELETING (default 0). */
  readonly ceDeletePolls?: number;
  /** CE names (or temporary-name prefixes) whose creation ends ERRORED. */
  readonly erroredComputeEnvs?: readonly string[];
  /** Whether a launch-changing pipeline update answers with the new draft (default true) or the default version. */
  readonly draftInResponse?: boolean;
}

export class FakeApiClient implements ApiClient {
  readonly endpoint = 'http://fake.invalid';
  readonly calls: FakeCall[] = [];
  readonly orgs: OrganizationDbDto[] = [];
  readonly members = new Map<number, MemberDbDto[]>();
  readonly teams = new Map<number, (TeamDbDto & { members: MemberDbDto[] })[]>();
  readonly workspaces = new Map<number, WorkspaceDbDto[]>();
  readonly participants = new Map<number, ParticipantResponseDto[]>();
  readonly credentials = new Map<number, Credentials[]>();
  readonly computeEnvs: FakeComputeEnv[] = [];
  readonly pipelines: FakePipeline[] = [];
  readonly secrets = new Map<number, (PipelineSecret & { value: string })[]>();
  private readonly faults: Fault[] = [];
  private nextId = 100;
  private requests = 0;
  private writes = 0;

  constructor(readonly options: FakeOptions = {}) {}

  // ------------------------------------------------------------ test controls

  fail(
    method: Method,
    error: ApiError | (() => ApiError),
    opts: { times?: number; when?: (args: readonly unknown[]) => boolean; afterApply?: boolean } = {},
  ): this {
    this.faults.push({
      method,
      error: typeof error === 'function' ? error : () => error,
      remaining: opts.times ?? 1,
      when: opts.when ?? (() => true),
      afterApply: opts.afterApply ?? false,
    });
    return this;
  }

  id(): number {
    return this.nextId++;
  }

  callsTo(method: Method): FakeCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  writeCalls(): FakeCall[] {
    return this.calls.filter((call) => !READS.has(call.method));
  }

  stats(): { readonly requests: number; readonly writes: number } {
    return { requests: this.requests, writes: this.writes };
  }

  private async call<T>(method: Method, args: readonly unknown[], run: () => T): Promise<T> {
    await Promise.resolve();
    this.calls.push({ method, args });
    this.requests++;
    if (!READS.has(method)) this.writes++;
    const fault = this.faults.find((f) => f.method === method && f.remaining > 0 && f.when(args));
    if (fault !== undefined) {
      fault.remaining--;
      if (fault.afterApply) run();
      throw fault.error();
    }
    return run();
  }

  // ------------------------------------------------------------ seeding

  seedOrg(name: string, fullName = name): OrganizationDbDto {
    const org = { orgId: this.id(), name, fullName, description: null };
    this.orgs.push(org);
    this.members.set(org.orgId, []);
    this.teams.set(org.orgId, []);
    this.workspaces.set(org.orgId, []);
    return org;
  }

  seedMember(orgId: number, email: string, role = 'member'): MemberDbDto {
    const member = {
      memberId: this.id(),
      userId: this.id(),
      userName: email.split('@')[0] ?? email,
      email,
      role,
    };
    this.members.get(orgId)?.push(member);
    return member;
  }

  seedWorkspace(orgId: number, name: string, visibility: 'PRIVATE' | 'SHARED' = 'PRIVATE'): WorkspaceDbDto {
    const ws = { id: this.id(), name, fullName: name, description: null, visibility };
    this.workspaces.get(orgId)?.push(ws);
    this.participants.set(ws.id, []);
    this.credentials.set(ws.id, []);
    this.secrets.set(ws.id, []);
    return ws;
  }

  seedComputeEnv(workspaceId: number, name: string, extra: Partial<FakeComputeEnv> = {}): FakeComputeEnv {
    const ce: FakeComputeEnv = {
      id: `ce${this.id()}`,
      workspaceId,
      name,
      platform: 'aws-batch',
      status: 'AVAILABLE',
      primary: false,
      config: {},
      labelIds: [],
      polls: 0,
      outcome: 'AVAILABLE',
      jobsRunning: false,
      ...extra,
    };
    this.computeEnvs.push(ce);
    return ce;
  }

  seedPipeline(
    workspaceId: number,
    name: string,
    launch: Record<string, unknown>,
    labelIds: number[] = [],
  ): FakePipeline {
    const pipeline: FakePipeline = {
      pipelineId: this.id(),
      workspaceId,
      name,
      labelIds,
      versions: [{ id: `v${this.id()}`, name: 'first', isDefault: true, launch }],
    };
    this.pipelines.push(pipeline);
    return pipeline;
  }

  // ------------------------------------------------------------ helpers

  private orgOf(orgId: number): OrganizationDbDto {
    const org = this.orgs.find((o) => o.orgId === orgId);
    if (org === undefined) throw apiError(404, 'Organization not found');
    return org;
  }

  private isUnregistered(email: string): boolean {
    return (this.options.unregistered ?? []).some((e) => e.toLowerCase() === email.toLowerCase());
  }

  private unregisteredError(): ApiError {
    return this.options.unregisteredStatus === 400
      ? apiError(400, 'User not found')
      : apiError(404, 'User not found');
  }

  private pipelineDto(p: FakePipeline, version?: FakeVersion): PipelineDbDto {
    const v = version ?? p.versions.find((x) => x.isDefault);
    return {
      pipelineId: p.pipelineId,
      name: p.name,
      description: p.description ?? null,
      workspaceId: p.workspaceId,
      labels: p.labelIds.map((id) => ({ id, name: `label${id}` })),
      ...(v === undefined ? {} : { version: { id: v.id, name: v.name, isDefault: v.isDefault } }),
    };
  }

  private pipelineOf(workspaceId: number, pipelineId: number): FakePipeline {
    const p = this.pipelines.find((x) => x.pipelineId === pipelineId && x.workspaceId === workspaceId);
    if (p === undefined) throw apiError(404, 'Pipeline not found');
    return p;
  }

  private ceOf(workspaceId: number, id: string): FakeComputeEnv {
    const ce = this.computeEnvs.find((x) => x.id === id && x.workspaceId === workspaceId);
    if (ce === undefined) throw apiError(404, 'Compute environment not found');
    return ce;
  }

  /** One poll's worth of asynchronous progress. */
  private advanceComputeEnvs(workspaceId: number): void {
    for (const ce of [...this.computeEnvs]) {
      if (ce.workspaceId !== workspaceId) continue;
      if (ce.status !== 'CREATING' && ce.status !== 'DELETING') continue;
      if (ce.polls > 0) {
        ce.polls--;
        continue;
      }
      if (ce.status === 'DELETING') this.computeEnvs.splice(this.computeEnvs.indexOf(ce), 1);
      else if (ce.outcome === 'ERRORED') {
        ce.status = 'ERRORED';
        ce.message = 'Unable to create the AWS Batch queue: access denied';
      } else ce.status = 'AVAILABLE';
    }
  }

  // ------------------------------------------------------------ ApiClient

  getUserInfo() {
    return this.call('getUserInfo', [], () => ({
      user: { id: 1, userName: 'sync-bot', email: 'sync-bot@example.org' },
    }));
  }

  listOrganizations() {
    return this.call('listOrganizations', [], () => this.orgs.map((o) => ({ ...o })));
  }

  createOrganization(org: Organization) {
    return this.call('createOrganization', [org], () => {
      if (this.orgs.some((o) => o.name === org.name)) throw apiError(409, 'Duplicate element', 'POST');
      const created = this.seedOrg(org.name, org.fullName);
      created.description = org.description ?? null;
      return { ...created };
    });
  }

  updateOrganization(orgId: number, body: Parameters<ApiClient['updateOrganization']>[1]) {
    return this.call('updateOrganization', [orgId, body], () => {
      Object.assign(this.orgOf(orgId), body);
    });
  }

  listMembers(orgId: number) {
    return this.call('listMembers', [orgId], () => (this.members.get(orgId) ?? []).map((m) => ({ ...m })));
  }

  addMember(orgId: number, email: string) {
    return this.call('addMember', [orgId, email], () => {
      this.orgOf(orgId);
      if (this.isUnregistered(email)) throw this.unregisteredError();
      const list = this.members.get(orgId) ?? [];
      if (list.some((m) => m.email.toLowerCase() === email.toLowerCase()))
        throw apiError(409, 'Duplicate element');
      return { ...this.seedMember(orgId, email) };
    });
  }

  updateMemberRole(orgId: number, memberId: number, role: string) {
    return this.call('updateMemberRole', [orgId, memberId, role], () => {
      const member = this.members.get(orgId)?.find((m) => m.memberId === memberId);
      if (member === undefined) throw apiError(404, 'Member not found');
      member.role = role;
    });
  }

  deleteMember(orgId: number, memberId: number) {
    return this.call('deleteMember', [orgId, memberId], () => {
      const list = this.members.get(orgId) ?? [];
      const index = list.findIndex((m) => m.memberId === memberId);
      if (index < 0) throw apiError(404, 'Member not found', 'DELETE');
      list.splice(index, 1);
    });
  }

  listTeams(orgId: number) {
    return this.call('listTeams', [orgId], () =>
      (this.teams.get(orgId) ?? []).map(({ members: _m, ...t }) => ({ ...t })),
    );
  }

  createTeam(orgId: number, team: Team) {
    return this.call('createTeam', [orgId, team], () => {
      const list = this.teams.get(orgId) ?? [];
      if (list.some((t) => t.name === team.name)) throw apiError(409, 'Duplicate element', 'POST');
      const created = {
        teamId: this.id(),
        name: team.name,
        description: team.description ?? null,
        members: [],
      };
      list.push(created);
      return { teamId: created.teamId, name: created.name, description: created.description };
    });
  }

  updateTeam(orgId: number, teamId: number, team: Team) {
    return this.call('updateTeam', [orgId, teamId, team], () => {
      const found = this.teams.get(orgId)?.find((t) => t.teamId === teamId);
      if (found === undefined) throw apiError(404);
      found.name = team.name;
      found.description = team.description ?? null;
    });
  }

  deleteTeam(orgId: number, teamId: number) {
    return this.call('deleteTeam', [orgId, teamId], () => {
      const list = this.teams.get(orgId) ?? [];
      const index = list.findIndex((t) => t.teamId === teamId);
      if (index < 0) throw apiError(404, undefined, 'DELETE');
      list.splice(index, 1);
    });
  }

  listTeamMembers(orgId: number, teamId: number) {
    return this.call('listTeamMembers', [orgId, teamId], () =>
      (this.teams.get(orgId)?.find((t) => t.teamId === teamId)?.members ?? []).map((m) => ({ ...m })),
    );
  }

  addTeamMember(orgId: number, teamId: number, userNameOrEmail: string) {
    return this.call('addTeamMember', [orgId, teamId, userNameOrEmail], () => {
      const team = this.teams.get(orgId)?.find((t) => t.teamId === teamId);
      if (team === undefined) throw apiError(404, 'Team not found', 'POST');
      if (this.isUnregistered(userNameOrEmail)) throw this.unregisteredError();
      if (team.members.some((m) => m.email === userNameOrEmail))
        throw apiError(409, 'Already a member', 'POST');
      const member = this.members.get(orgId)?.find((m) => m.email === userNameOrEmail);
      if (member === undefined) throw apiError(400, 'The user is not a member of the organization', 'POST');
      team.members.push({ ...member });
      return { ...member };
    });
  }

  deleteTeamMember(orgId: number, teamId: number, memberId: number) {
    return this.call('deleteTeamMember', [orgId, teamId, memberId], () => {
      const team = this.teams.get(orgId)?.find((t) => t.teamId === teamId);
      const index = team?.members.findIndex((m) => m.memberId === memberId) ?? -1;
      if (team === undefined || index < 0) throw apiError(404, undefined, 'DELETE');
      team.members.splice(index, 1);
    });
  }

  listWorkspaces(orgId: number) {
    return this.call('listWorkspaces', [orgId], () =>
      (this.workspaces.get(orgId) ?? []).map((w) => ({ ...w })),
    );
  }

  createWorkspace(orgId: number, workspace: Workspace) {
    return this.call('createWorkspace', [orgId, workspace], () => {
      this.orgOf(orgId);
      if (this.workspaces.get(orgId)?.some((w) => w.name === workspace.name)) {
        throw apiError(409, 'Duplicate element', 'POST');
      }
      const ws = this.seedWorkspace(orgId, workspace.name, workspace.visibility);
      ws.fullName = workspace.fullName;
      ws.description = workspace.description ?? null;
      this.participants.get(ws.id)?.push({
        participantId: this.id(),
        type: 'MEMBER',
        email: 'sync-bot@example.org',
        wspRole: 'owner',
      });
      return { ...ws };
    });
  }

  updateWorkspace(orgId: number, workspaceId: number, body: Parameters<ApiClient['updateWorkspace']>[2]) {
    return this.call('updateWorkspace', [orgId, workspaceId, body], () => {
      const ws = this.workspaces.get(orgId)?.find((w) => w.id === workspaceId);
      if (ws === undefined) throw apiError(404);
      Object.assign(ws, body);
      return { ...ws };
    });
  }

  deleteWorkspace(orgId: number, workspaceId: number) {
    return this.call('deleteWorkspace', [orgId, workspaceId], () => {
      const list = this.workspaces.get(orgId) ?? [];
      const index = list.findIndex((w) => w.id === workspaceId);
      if (index < 0) throw apiError(404, undefined, 'DELETE');
      list.splice(index, 1);
    });
  }

  listParticipants(orgId: number, workspaceId: number) {
    return this.call('listParticipants', [orgId, workspaceId], () =>
      (this.participants.get(workspaceId) ?? []).map((p) => ({ ...p })),
    );
  }

  addParticipant(orgId: number, workspaceId: number, body: AddParticipantRequest) {
    return this.call('addParticipant', [orgId, workspaceId, body], () => {
      const list = this.participants.get(workspaceId);
      if (list === undefined) throw apiError(404, 'Workspace not found');
      const role = this.options.defaultParticipantRole ?? 'launch';
      let entry: ParticipantResponseDto;
      if (body.teamId !== undefined) {
        const team = this.teams.get(orgId)?.find((t) => t.teamId === body.teamId);
        if (team === undefined) throw apiError(404, 'Team not found');
        if (list.some((p) => p.teamId === body.teamId)) throw apiError(409, 'Duplicate element');
        entry = {
          participantId: this.id(),
          type: 'TEAM',
          teamId: team.teamId,
          teamName: team.name,
          wspRole: role,
        };
      } else {
        const members = this.members.get(orgId) ?? [];
        const member =
          body.memberId !== undefined
            ? members.find((m) => m.memberId === body.memberId)
            : members.find((m) => m.email.toLowerCase() === body.userNameOrEmail?.toLowerCase());
        if (body.memberId !== undefined && member === undefined) throw apiError(404, 'Member not found');
        const email = member?.email ?? body.userNameOrEmail ?? '';
        if (member === undefined && this.isUnregistered(email)) throw this.unregisteredError();
        if (list.some((p) => p.email?.toLowerCase() === email.toLowerCase()))
          throw apiError(409, 'Duplicate element');
        if (member === undefined && this.options.sso === true) {
          throw apiError(409, 'Collaborator not permitted for organization with active SSO');
        }
        entry = {
          participantId: this.id(),
          type: member === undefined ? 'COLLABORATOR' : 'MEMBER',
          memberId: member?.memberId ?? this.id(),
          email,
          wspRole: role,
        };
      }
      list.push(entry);
      return { ...entry };
    });
  }

  updateParticipantRole(orgId: number, workspaceId: number, participantId: number, role: string) {
    return this.call('updateParticipantRole', [orgId, workspaceId, participantId, role], () => {
      const p = this.participants.get(workspaceId)?.find((x) => x.participantId === participantId);
      if (p === undefined) throw apiError(404);
      p.wspRole = role;
    });
  }

  deleteParticipant(orgId: number, workspaceId: number, participantId: number) {
    return this.call('deleteParticipant', [orgId, workspaceId, participantId], () => {
      const list = this.participants.get(workspaceId) ?? [];
      const index = list.findIndex((p) => p.participantId === participantId);
      if (index < 0) throw apiError(404, undefined, 'DELETE');
      list.splice(index, 1);
    });
  }

  listCredentials(workspaceId: number) {
    return this.call('listCredentials', [workspaceId], () =>
      (this.credentials.get(workspaceId) ?? []).map(({ keys: _keys, ...c }) => ({ ...c })),
    );
  }

  describeCredentials(workspaceId: number, credentialsId: string) {
    return this.call('describeCredentials', [workspaceId, credentialsId], () => {
      const found = (this.credentials.get(workspaceId) ?? []).find((c) => c.id === credentialsId);
      if (found === undefined) throw apiError(404, 'Credentials not found', 'GET');
      return { ...found };
    });
  }

  createCredentials(workspaceId: number, credentials: Credentials) {
    return this.call('createCredentials', [workspaceId, credentials], () => {
      const list = this.credentials.get(workspaceId) ?? [];
      if (list.some((c) => c.name === credentials.name)) throw apiError(409, 'Duplicate element', 'POST');
      const id = `cred${this.id()}`;
      list.push({ ...credentials, id });
      return id;
    });
  }

  updateCredentials(workspaceId: number, credentialsId: string, credentials: Credentials) {
    return this.call('updateCredentials', [workspaceId, credentialsId, credentials], () => {
      const list = this.credentials.get(workspaceId) ?? [];
      const index = list.findIndex((c) => c.id === credentialsId);
      if (index < 0) throw apiError(404);
      list[index] = { ...credentials, id: credentialsId };
    });
  }

  deleteCredentials(workspaceId: number, credentialsId: string) {
    return this.call('deleteCredentials', [workspaceId, credentialsId], () => {
      const list = this.credentials.get(workspaceId) ?? [];
      const index = list.findIndex((c) => c.id === credentialsId);
      if (index < 0) throw apiError(404, undefined, 'DELETE');
      list.splice(index, 1);
    });
  }

  listComputeEnvs(workspaceId: number) {
    return this.call('listComputeEnvs', [workspaceId], (): ListComputeEnvsEntry[] => {
      this.advanceComputeEnvs(workspaceId);
      return this.computeEnvs
        .filter((ce) => ce.workspaceId === workspaceId)
        .map((ce) => ({
          id: ce.id,
          name: ce.name,
          platform: ce.platform,
          status: ce.status,
          primary: ce.primary,
          credentialsId: ce.credentialsId ?? null,
          description: ce.description ?? null,
          message: ce.message ?? null,
        }));
    });
  }

  describeComputeEnv(workspaceId: number, computeEnvId: string) {
    return this.call('describeComputeEnv', [workspaceId, computeEnvId], (): ComputeEnvResponseDto => {
      const ce = this.ceOf(workspaceId, computeEnvId);
      return {
        id: ce.id,
        name: ce.name,
        platform: ce.platform,
        status: ce.status,
        config: { ...ce.config },
        labels: ce.labelIds.map((id) => ({ id, name: `label${id}` })),
      };
    });
  }

  createComputeEnv(workspaceId: number, computeEnv: ComputeEnvComputeConfig, labelIds?: number[]) {
    return this.call('createComputeEnv', [workspaceId, computeEnv, labelIds], () => {
      if (this.computeEnvs.some((ce) => ce.workspaceId === workspaceId && ce.name === computeEnv.name)) {
        throw apiError(409, 'Duplicate element', 'POST');
      }
      const errored = (this.options.erroredComputeEnvs ?? []).some((n) => computeEnv.name.startsWith(n));
      return this.seedComputeEnv(workspaceId, computeEnv.name, {
        platform: computeEnv.platform,
        status: 'CREATING',
        credentialsId: computeEnv.credentialsId ?? null,
        description: computeEnv.description ?? null,
        config: { ...computeEnv.config },
        labelIds: [...(labelIds ?? [])],
        polls: this.options.ceCreatePolls ?? 0,
        outcome: errored ? 'ERRORED' : 'AVAILABLE',
      }).id;
    });
  }

  updateComputeEnv(workspaceId: number, computeEnvId: string, body: UpdateComputeEnvRequest) {
    return this.call('updateComputeEnv', [workspaceId, computeEnvId, body], () => {
      const ce = this.ceOf(workspaceId, computeEnvId);
      if (
        body.name !== undefined &&
        this.computeEnvs.some((x) => x !== ce && x.workspaceId === workspaceId && x.name === body.name)
      ) {
        throw apiError(409, 'Duplicate element');
      }
      if (body.name !== undefined) ce.name = body.name;
      if (body.description !== undefined) ce.description = body.description;
      if (body.credentialsId !== undefined) ce.credentialsId = body.credentialsId;
    });
  }

  deleteComputeEnv(workspaceId: number, computeEnvId: string) {
    return this.call('deleteComputeEnv', [workspaceId, computeEnvId], () => {
      const ce = this.ceOf(workspaceId, computeEnvId);
      if (ce.jobsRunning) throw apiError(409, 'Conflicting deletion: active jobs', 'DELETE');
      ce.status = 'DELETING';
      ce.primary = false;
      ce.polls = this.options.ceDeletePolls ?? 0;
    });
  }

  makePrimaryComputeEnv(workspaceId: number, computeEnvId: string) {
    return this.call('makePrimaryComputeEnv', [workspaceId, computeEnvId], () => {
      const ce = this.ceOf(workspaceId, computeEnvId);
      for (const other of this.computeEnvs) if (other.workspaceId === workspaceId) other.primary = false;
      ce.primary = true;
    });
  }

  listPipelines(workspaceId: number) {
    return this.call('listPipelines', [workspaceId], () =>
      this.pipelines.filter((p) => p.workspaceId === workspaceId).map((p) => this.pipelineDto(p)),
    );
  }

  describePipelineLaunch(workspaceId: number, pipelineId: number) {
    return this.call('describePipelineLaunch', [workspaceId, pipelineId], (): LaunchDbDto => {
      const version = this.pipelineOf(workspaceId, pipelineId).versions.find((v) => v.isDefault);
      const { computeEnvId, ...rest } = version?.launch ?? {};
      return {
        id: 'launch1',
        dateCreated: '2024-01-01T00:00:00Z',
        ...rest,
        ...(typeof computeEnvId === 'string' ? { computeEnv: { id: computeEnvId, name: 'x' } } : {}),
      };
    });
  }

  createPipeline(workspaceId: number, body: CreatePipelineRequest) {
    return this.call('createPipeline', [workspaceId, body], () => {
      if (this.pipelines.some((p) => p.workspaceId === workspaceId && p.name === body.name)) {
        throw apiError(409, 'Duplicate element', 'POST');
      }
      const pipeline = this.seedPipeline(workspaceId, body.name, { ...body.launch }, [
        ...(body.labelIds ?? []),
      ]);
      pipeline.description = body.description ?? null;
      const first = pipeline.versions[0];
      if (first !== undefined) first.name = body.version?.name ?? null;
      return this.pipelineDto(pipeline);
    });
  }

  updatePipeline(workspaceId: number, pipelineId: number, body: UpdatePipelineRequest) {
    return this.call('updatePipeline', [workspaceId, pipelineId, body], () => {
      const p = this.pipelineOf(workspaceId, pipelineId);
      p.name = body.name;
      p.description = body.description ?? null;
      p.labelIds = [...body.labelIds];
      const current = p.versions.find((v) => v.isDefault);
      if (current !== undefined && JSON.stringify(current.launch) === JSON.stringify(body.launch)) {
        return this.pipelineDto(p);
      }
      const draft: FakeVersion = {
        id: `v${this.id()}`,
        name: null,
        isDefault: false,
        launch: { ...body.launch },
      };
      p.versions.push(draft);
      return this.pipelineDto(p, this.options.draftInResponse === false ? undefined : draft);
    });
  }

  listPipelineVersions(workspaceId: number, pipelineId: number) {
    return this.call('listPipelineVersions', [workspaceId, pipelineId], () => {
      const p = this.pipelineOf(workspaceId, pipelineId);
      return p.versions.map((v) => this.pipelineDto(p, v));
    });
  }

  managePipelineVersion(
    workspaceId: number,
    pipelineId: number,
    versionId: string,
    body: Parameters<ApiClient['managePipelineVersion']>[3],
  ) {
    return this.call('managePipelineVersion', [workspaceId, pipelineId, versionId, body], () => {
      const p = this.pipelineOf(workspaceId, pipelineId);
      const version = p.versions.find((v) => v.id === versionId);
      if (version === undefined) throw apiError(404, 'Version not found');
      if (p.versions.some((v) => v !== version && v.name === body.name))
        throw apiError(409, 'Duplicate version name');
      version.name = body.name;
      if (body.isDefault) for (const v of p.versions) v.isDefault = v === version;
    });
  }

  deletePipeline(workspaceId: number, pipelineId: number) {
    return this.call('deletePipeline', [workspaceId, pipelineId], () => {
      const p = this.pipelineOf(workspaceId, pipelineId);
      this.pipelines.splice(this.pipelines.indexOf(p), 1);
    });
  }

  listPipelineSecrets(workspaceId: number) {
    return this.call('listPipelineSecrets', [workspaceId], () =>
      (this.secrets.get(workspaceId) ?? []).map(({ value: _v, ...s }) => ({ ...s })),
    );
  }

  createPipelineSecret(workspaceId: number, name: string, value: string) {
    return this.call('createPipelineSecret', [workspaceId, name, value], () => {
      const list = this.secrets.get(workspaceId) ?? [];
      if (list.some((s) => s.name === name)) throw apiError(409, 'Duplicate element', 'POST');
      const id = this.id();
      list.push({ id, name, value });
      return id;
    });
  }

  updatePipelineSecret(workspaceId: number, secretId: number, value: string) {
    return this.call('updatePipelineSecret', [workspaceId, secretId, value], () => {
      const secret = this.secrets.get(workspaceId)?.find((s) => s.id === secretId);
      if (secret === undefined) throw apiError(404);
      secret.value = value;
    });
  }

  deletePipelineSecret(workspaceId: number, secretId: number) {
    return this.call('deletePipelineSecret', [workspaceId, secretId], () => {
      const list = this.secrets.get(workspaceId) ?? [];
      const index = list.findIndex((s) => s.id === secretId);
      if (index < 0) throw apiError(404, undefined, 'DELETE');
      list.splice(index, 1);
    });
  }
}

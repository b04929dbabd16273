/**
 * The emulator's in-memory platform state. Every collection a request looks
 * up by id or name is a Map (or has a Map index), so a request never scans
 * more than its own workspace or organisation.
 */
import { createRandom, randomId, type Random } from './prng.js';
import type {
  MemberRecord,
  OrgCollections,
  OrgRecord,
  OrgRole,
  ParticipantRecord,
  TeamRecord,
  UserRecord,
  WorkspaceCollections,
  WorkspaceRecord,
} from './records.js';

export type * from './records.js';

/**
 * A sequence of integer ids, numbered per store from `start`: the
 * containers' below, each kind's in its route module.
 */
export interface IdSequence {
  readonly start: number;
}

export const USER_IDS: IdSequence = { start: 1 };
export const ORG_IDS: IdSequence = { start: 100 };
export const MEMBER_IDS: IdSequence = { start: 1000 };
export const TEAM_IDS: IdSequence = { start: 500 };
export const WORKSPACE_IDS: IdSequence = { start: 10_000 };
export const PARTICIPANT_IDS: IdSequence = { start: 100_000 };

/** What the store needs of the route modules (kind.ts): their fields of a fresh workspace or organisation. */
export interface CollectionOwner {
  readonly workspace?: { readonly state?: () => Partial<WorkspaceCollections> };
  readonly org?: { readonly state?: () => Partial<OrgCollections> };
}

/** All platform state, with the indexes requests need. */
export class Store {
  readonly users = new Map<number, UserRecord>();
  readonly orgs = new Map<number, OrgRecord>();
  /** Every workspace by id (resources are addressed with `?workspaceId=`). */
  readonly workspaces = new Map<number, WorkspaceRecord>();
  private readonly userByEmail = new Map<string, number>();
  private readonly userByName = new Map<string, number>();
  private readonly userByToken = new Map<string, number>();
  private readonly orgByName = new Map<string, number>();
  private readonly counters = new Map<IdSequence, number>();
  private readonly random: Random = createRandom(0x5e9e4a);

  /** `kinds`: the route modules whose fields every new workspace and organisation gets. */
  constructor(private readonly kinds: readonly CollectionOwner[] = []) {}

  nextId(sequence: IdSequence): number {
    const next = this.counters.get(sequence) ?? sequence.start;
    this.counters.set(sequence, next + 1);
    return next;
  }

  /** A 22-character platform-style string id (deterministic per store). */
  nextStringId(): string {
    return randomId(this.random);
  }

  addUser(user: UserRecord): void {
    this.users.set(user.id, user);
    this.userByEmail.set(user.email.toLowerCase(), user.id);
    this.userByName.set(user.userName.toLowerCase(), user.id);
    if (user.token !== undefined) this.userByToken.set(user.token, user.id);
  }

  userByTokenValue(token: string): UserRecord | undefined {
    const id = this.userByToken.get(token);
    return id === undefined ? undefined : this.users.get(id);
  }

  /** A registered user by email or user name (trimmed, case-insensitive). */
  findUser(userNameOrEmail: string): UserRecord | undefined {
    const key = userNameOrEmail.trim().toLowerCase();
    const id = this.userByEmail.get(key) ?? this.userByName.get(key);
    return id === undefined ? undefined : this.users.get(id);
  }

  /** A fresh, empty organisation record (not yet added). */
  newOrgRecord(
    id: number,
    fields: Pick<OrgRecord, 'name' | 'fullName'> &
      Partial<Pick<OrgRecord, 'description' | 'location' | 'website' | 'sso'>>,
    timestamp: string,
  ): OrgRecord {
    const base = {
      id,
      sso: false,
      ...fields,
      members: new Map(),
      memberByUser: new Map(),
      teams: new Map(),
      workspaces: new Map(),
      workspaceByName: new Map(),
      dateCreated: timestamp,
      lastUpdated: timestamp,
    };
    // Each kind gives the fields it declared in OrgCollections.
    return Object.assign(base, ...this.kinds.map((kind) => kind.org?.state?.() ?? {})) as OrgRecord;
  }

  /** A fresh, empty workspace record (not yet added). */
  newWorkspaceRecord(
    id: number,
    orgId: number,
    fields: Pick<WorkspaceRecord, 'name' | 'fullName' | 'visibility'> & { description?: string },
    timestamp: string,
  ): WorkspaceRecord {
    const base = {
      id,
      orgId,
      ...fields,
      participants: new Map(),
      participantByMember: new Map(),
      participantByTeam: new Map(),
      dateCreated: timestamp,
      lastUpdated: timestamp,
    };
    // Each kind gives the fields it declared in WorkspaceCollections.
    return Object.assign(
      base,
      ...this.kinds.map((kind) => kind.workspace?.state?.() ?? {}),
    ) as WorkspaceRecord;
  }

  addOrg(org: OrgRecord): void {
    this.orgs.set(org.id, org);
    this.orgByName.set(org.name, org.id);
  }

  orgIdByName(name: string): number | undefined {
    return this.orgByName.get(name);
  }

  renameOrg(org: OrgRecord, name: string): void {
    this.orgByName.delete(org.name);
    org.name = name;
    this.orgByName.set(name, org.id);
  }

  addWorkspace(org: OrgRecord, ws: WorkspaceRecord): void {
    org.workspaces.set(ws.id, ws);
    org.workspaceByName.set(ws.name, ws.id);
    this.workspaces.set(ws.id, ws);
  }

  renameWorkspace(org: OrgRecord, ws: WorkspaceRecord, name: string): void {
    org.workspaceByName.delete(ws.name);
    ws.name = name;
    org.workspaceByName.set(name, ws.id);
  }

  deleteWorkspace(org: OrgRecord, ws: WorkspaceRecord): void {
    org.workspaces.delete(ws.id);
    org.workspaceByName.delete(ws.name);
    this.workspaces.delete(ws.id);
  }

  /** Adds a user to an org with a role and returns the member record. */
  addMember(org: OrgRecord, userId: number, role: OrgRole): MemberRecord {
    const member: MemberRecord = { memberId: this.nextId(MEMBER_IDS), userId, role };
    org.members.set(member.memberId, member);
    org.memberByUser.set(userId, member.memberId);
    return member;
  }

  memberOf(org: OrgRecord, userId: number): MemberRecord | undefined {
    const memberId = org.memberByUser.get(userId);
    return memberId === undefined ? undefined : org.members.get(memberId);
  }

  /** Adds a participant (member or team) to a workspace. */
  addParticipant(
    ws: WorkspaceRecord,
    who: { memberId: number } | { teamId: number },
    role: string,
  ): ParticipantRecord {
    const participant: ParticipantRecord = { id: this.nextId(PARTICIPANT_IDS), ...who, role };
    ws.participants.set(participant.id, participant);
    if ('memberId' in who) ws.participantByMember.set(who.memberId, participant.id);
    else ws.participantByTeam.set(who.teamId, participant.id);
    return participant;
  }

  removeParticipant(ws: WorkspaceRecord, participant: ParticipantRecord): void {
    ws.participants.delete(participant.id);
    if (participant.memberId !== undefined) ws.participantByMember.delete(participant.memberId);
    if (participant.teamId !== undefined) ws.participantByTeam.delete(participant.teamId);
  }

  /** Removes a member from the org, its teams and every workspace of the org (the platform's cascade). */
  removeMember(org: OrgRecord, member: MemberRecord): void {
    org.members.delete(member.memberId);
    org.memberByUser.delete(member.userId);
    for (const team of org.teams.values()) team.memberIds.delete(member.memberId);
    for (const ws of org.workspaces.values()) {
      const participantId = ws.participantByMember.get(member.memberId);
      const participant = participantId === undefined ? undefined : ws.participants.get(participantId);
      if (participant !== undefined) this.removeParticipant(ws, participant);
    }
  }

  /** Deletes a team and its participation in every workspace of the org. */
  removeTeam(org: OrgRecord, team: TeamRecord): void {
    org.teams.delete(team.id);
    for (const ws of org.workspaces.values()) {
      const participantId = ws.participantByTeam.get(team.id);
      const participant = participantId === undefined ? undefined : ws.participants.get(participantId);
      if (participant !== undefined) this.removeParticipant(ws, participant);
    }
  }
}

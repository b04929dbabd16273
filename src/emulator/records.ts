/**
 * The record types of the emulator's containers (see store.ts): users,
 * organisations with their members and teams, workspaces with their
 * participants (what access control reads). Each kind's own records, and
 * the fields it keeps in a workspace or an organisation, are in its route
 * module (kind.ts). Records are plain mutable objects owned by the Store; ids
 * never change, names may.
 */

export type OrgRole = 'owner' | 'member' | 'collaborator';
export type Visibility = 'PRIVATE' | 'SHARED';

/** A value that reads back stale until `until` (eventual consistency of role reads). */
export interface StaleValue {
  readonly value: string;
  readonly until: number;
}

export interface UserRecord {
  readonly id: number;
  readonly userName: string;
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly token?: string;
  readonly dateCreated: string;
}

export interface MemberRecord {
  readonly memberId: number;
  readonly userId: number;
  role: OrgRole;
  stale?: StaleValue;
}

export interface TeamRecord {
  readonly id: number;
  name: string;
  description?: string;
  /** Set when the team's members come from an identity provider group (SCIM/SSO). */
  idpGroupId?: number;
  readonly memberIds: Set<number>;
  readonly dateCreated: string;
  lastUpdated: string;
}

/** A custom workspace role of an organisation (names are its identity). */
export interface RoleRecord {
  name: string;
  description: string;
  permissions: string[];
}

export interface ParticipantRecord {
  readonly id: number;
  readonly memberId?: number;
  readonly teamId?: number;
  role: string;
  stale?: StaleValue;
}

/**
 * The fields the kinds keep in each workspace: empty here, each route module
 * adds its own (`declare module '../records.js' { interface
 * WorkspaceCollections { ... } }`, see kind.ts) and gives their fresh value.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the kinds' augmentations
export interface WorkspaceCollections {}

/** The fields the kinds keep in each organisation, as WorkspaceCollections. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the kinds' augmentations
export interface OrgCollections {}

export interface WorkspaceRecord extends WorkspaceCollections {
  readonly id: number;
  readonly orgId: number;
  name: string;
  fullName: string;
  description?: string;
  visibility: Visibility;
  readonly participants: Map<number, ParticipantRecord>;
  readonly participantByMember: Map<number, number>;
  readonly participantByTeam: Map<number, number>;
  readonly dateCreated: string;
  lastUpdated: string;
}

export interface OrgRecord extends OrgCollections {
  readonly id: number;
  name: string;
  fullName: string;
  description?: string;
  location?: string;
  website?: string;
  /** Single sign-on: collaborators are refused with 409. */
  sso: boolean;
  readonly members: Map<number, MemberRecord>;
  readonly memberByUser: Map<number, number>;
  readonly teams: Map<number, TeamRecord>;
  readonly workspaces: Map<number, WorkspaceRecord>;
  readonly workspaceByName: Map<string, number>;
  readonly dateCreated: string;
  lastUpdated: string;
}

/**
 * What the report reads from the platform, in the report's own terms: the
 * organisation, its members, teams with their members, and workspaces with
 * their participants. Emails are lower-cased.
 */

export interface LiveMember {
  readonly memberId: number;
  readonly email: string;
  /** owner | member | collaborator | newer values, as sent. */
  readonly role: string;
}

export interface LiveTeam {
  readonly name: string;
  /** Emails of the members, with their org role as the team list gives it. */
  readonly members: readonly { readonly email: string; readonly orgRole: string | undefined }[];
}

export type LiveParticipant =
  | {
      readonly kind: 'user';
      readonly email: string;
      /** The org role the participant row carries (collaborators are not in the member list). */
      readonly orgRole: string | undefined;
      readonly role: string;
    }
  | { readonly kind: 'team'; readonly team: string; readonly role: string };

export interface LiveWorkspace {
  readonly name: string;
  readonly fullName: string;
  readonly visibility: string;
  readonly participants: readonly LiveParticipant[];
}

export interface LiveAccess {
  readonly org: { readonly name: string; readonly fullName: string };
  /** The token's user's member id in the organisation (from the organisations list). */
  readonly tokenMemberId: number | undefined;
  readonly members: readonly LiveMember[];
  readonly teams: readonly LiveTeam[];
  readonly workspaces: readonly LiveWorkspace[];
}

/**
 * The vocabulary of teams and their members, declared here and nowhere else:
 * the desired, live and written shapes, the plan actions, and what this kind
 * adds to the shared registries of `src/model/` and `src/formats/written.ts`
 * by declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';

export interface DesiredTeam {
  readonly name: string;
  readonly description?: string;
  /** Lower-cased emails. `undefined` = membership of this team unmanaged. */
  readonly members?: readonly string[];
  readonly source: SourceRef;
}

export interface ActualTeamMember {
  readonly memberId: number;
  /** Lower-cased. */
  readonly email: string;
}

export interface ActualTeam {
  readonly teamId: number;
  readonly name: string;
  readonly description?: string;
  /** Set when the team's members come from an identity provider group. */
  readonly idpGroupId?: number;
  readonly idpGroupName?: string;
  /** `undefined` when team membership is not managed (not read). */
  readonly members?: readonly ActualTeamMember[];
}

export interface WrittenTeam {
  readonly name: string;
  readonly description?: string;
  readonly members?: readonly string[];
}

export interface TeamAction extends ActionBase {
  readonly kind: 'team';
  readonly desired?: DesiredTeam;
  readonly current?: Omit<ActualTeam, 'members'>;
  /** On delete: addresses of the workspace participations the platform removes with the team. */
  readonly cascade?: readonly string[];
}

export interface TeamMemberAction extends ActionBase {
  readonly kind: 'teamMember';
  /** The team's name. */
  readonly team: string;
  /** Lower-cased email. */
  readonly desired?: { readonly email: string };
  readonly current?: ActualTeamMember;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly team: true;
    readonly teamMember: true;
  }
  interface CollectionKinds {
    readonly teams: true;
    readonly teamMembers: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly team: TeamAction;
    readonly teamMember: TeamMemberAction;
  }
  interface BlockRules {
    readonly idpTeamMembers: true;
  }
}

declare module '../../model/desired.js' {
  interface DesiredOrgCollections {
    readonly teams?: readonly DesiredTeam[];
  }
}

declare module '../../model/actual.js' {
  interface ActualOrgCollections {
    /** `undefined` when not read. */
    readonly teams?: readonly ActualTeam[];
  }
}

declare module '../../formats/written.js' {
  interface WrittenOrganizationCollections {
    readonly teams?: readonly WrittenTeam[];
  }
}

/**
 * The vocabulary of organisation members, declared here and nowhere else: the
 * desired, live and written shapes, the plan action, and what this kind adds
 * to the shared registries of `src/model/` and `src/formats/written.ts` by
 * declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';
import type { OrgRole } from '../../model/resources.js';

export interface DesiredMember {
  readonly email: string;
  readonly role: OrgRole;
  readonly source: SourceRef;
}

export interface ActualMember {
  readonly memberId: number;
  /** Only when the platform sends it (real member rows carry `memberId` alone). */
  readonly userId?: number;
  readonly userName: string;
  /** Lower-cased. */
  readonly email: string;
  /** Live role: owner | member | collaborator | anything newer, shown as is. */
  readonly role: string;
}

export interface WrittenMember {
  readonly email: string;
  readonly role: OrgRole;
}

export interface MemberAction extends ActionBase {
  readonly kind: 'member';
  readonly desired?: DesiredMember;
  readonly current?: ActualMember;
  /** On delete: addresses of the team memberships and workspace participations the platform removes with the member. */
  readonly cascade?: readonly string[];
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly member: true;
  }
  interface CollectionKinds {
    readonly members: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly member: MemberAction;
  }
  interface BlockRules {
    readonly lastOrgOwner: true;
    readonly memberStillReferenced: true;
  }
}

declare module '../../model/desired.js' {
  interface DesiredOrgCollections {
    readonly members?: readonly DesiredMember[];
  }
}

declare module '../../model/actual.js' {
  interface ActualOrgCollections {
    /** `undefined` when not read (org members unmanaged). */
    readonly members?: readonly ActualMember[];
  }
}

declare module '../../formats/written.js' {
  interface WrittenOrganizationCollections {
    readonly members?: readonly WrittenMember[];
  }
}

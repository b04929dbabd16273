/**
 * The vocabulary of workspace participants, declared here and nowhere else:
 * the desired, live and written shapes, the plan action, and what this kind
 * adds to the shared registries of `src/model/` and `src/formats/written.ts`
 * by declaration merging (those files name no kind).
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { ActionBase } from '../../model/plan.js';
import type { WorkspaceRole } from '../../model/resources.js';

export type DesiredParticipant =
  | {
      readonly type: 'user';
      readonly email: string;
      /** A predefined role, or a custom role's name. */
      readonly role: WorkspaceRole | (string & {});
      readonly source: SourceRef;
    }
  | {
      readonly type: 'team';
      readonly team: string;
      /** A predefined role, or a custom role's name. */
      readonly role: WorkspaceRole | (string & {});
      readonly source: SourceRef;
    };

export type ActualParticipant =
  | {
      readonly type: 'member' | 'collaborator';
      readonly participantId: number;
      readonly memberId: number;
      readonly userName: string;
      /** Lower-cased. */
      readonly email: string;
      readonly role: string;
    }
  | {
      readonly type: 'team';
      readonly participantId: number;
      readonly teamId: number;
      readonly teamName: string;
      readonly role: string;
    };

export interface WrittenUserParticipant {
  readonly email: string;
  /** A predefined role, or a custom role's name (checked against the organisation's roles). */
  readonly role: WorkspaceRole | (string & {});
}

export interface WrittenTeamParticipant {
  readonly team: string;
  /** A predefined role, or a custom role's name (checked against the organisation's roles). */
  readonly role: WorkspaceRole | (string & {});
}

export type WrittenParticipant = WrittenUserParticipant | WrittenTeamParticipant;

export interface ParticipantAction extends ActionBase {
  readonly kind: 'participant';
  readonly desired?: DesiredParticipant;
  readonly current?: ActualParticipant;
}

declare module '../../model/resources.js' {
  interface ResourceKinds {
    readonly participant: true;
  }
  interface CollectionKinds {
    readonly participants: true;
  }
}

declare module '../../model/plan.js' {
  interface PlanActions {
    readonly participant: ParticipantAction;
  }
  interface BlockRules {
    readonly lastWorkspaceAdmin: true;
    readonly unknownTeam: true;
  }
}

declare module '../../model/desired.js' {
  interface DesiredWorkspaceCollections {
    readonly participants?: readonly DesiredParticipant[];
  }
}

declare module '../../model/actual.js' {
  interface ActualWorkspaceCollections {
    readonly participants?: readonly ActualParticipant[];
  }
}

declare module '../../formats/written.js' {
  interface WrittenWorkspaceCollections {
    readonly participants?: readonly WrittenParticipant[];
  }
}

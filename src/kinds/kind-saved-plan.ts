/**
 * The saved-plan facet: what `src/saved-plan/` needs of a kind to apply a
 * plan file safely, declared by the kind so that the saved-plan engine names
 * none.
 *
 * Per resource (`ResourceSpec.savedPlan`, a `ResourcePrecondition`): every
 * action of a saved plan records a digest of the live object it was planned
 * against (`absent` for a create). Before the plan is applied the platform is
 * read again and the engine finds each action's object (`locate`) and
 * compares digests of the same projection of both sides (`omit`, `contents`,
 * `view`). A delete of a container may break a rule of its own (`deleteRule`:
 * deleting a workspace needs its flag).
 *
 * Per kind (`Kind.savedPlan`, a `KindSavedPlan`): collections the deletion
 * caps count that are not the plain collection of one of its resources
 * (`liveSizes`: a team's members), and its safety rules checked again on
 * the file's actions (`recheck`: the last owner, the last admins).
 */
import type { ActualOrg, ActualWorkspace } from '../model/actual.js';
import type { DesiredOrg } from '../model/desired.js';
import type { BlockedRule, PlanAction, PlanOptions } from '../model/plan.js';
import type { PlanCollector } from './kit/collector.js';

/** Where a fresh read holds an action's object: its organisation, and its workspace when it has one. */
export interface FreshScope {
  /** Undefined when the organisation does not exist (any more). */
  readonly org: ActualOrg | undefined;
  /** The action's `workspace`, when it names one that exists. */
  readonly ws: ActualWorkspace | undefined;
}

/**
 * The fresh object an action is about: `undefined` when it does not exist,
 * `null` when its collection was not read (then it cannot be verified).
 */
export type Located = object | undefined | null;

/** How one resource's precondition is recorded and checked again. */
export interface ResourcePrecondition {
  /**
   * The object the action was planned against, or undefined when it was
   * absent. Without it: the action's `current`, and absent for a create.
   */
  readonly planned?: (action: PlanAction, actions: readonly PlanAction[]) => object | undefined;
  /** Its object in a fresh read of the platform. */
  readonly locate: (fresh: FreshScope, action: PlanAction) => Located;
  /** Fields the digest leaves out: volatile server state (a status), nested collections (a team's members). */
  readonly omit?: readonly string[];
  /** A container leaves out the collections of what lives in it (read by the kinds at that level). */
  readonly contents?: 'org' | 'workspace';
  /** The part of the object the digest covers, after `omit` (secret key fields only as present). */
  readonly view?: (live: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>;
  /**
   * A delete of a container (`root` scope, never counted by the deletion
   * caps) may break a rule of its own: the blocked entry, when it does.
   */
  readonly deleteRule?: (action: PlanAction, options: PlanOptions) => BlockedRule | undefined;
}

/** What a kind's safety rules see when a saved plan is checked again. */
export interface RecheckScope {
  /** Holds every action of the saved plan; rules record their blocks in it. */
  readonly out: PlanCollector;
  /** The organisation as configured (its policy), or a stand-in with the default policy. */
  readonly org: DesiredOrg;
  /** A fresh read of the organisation (undefined when it does not exist). */
  readonly live: ActualOrg | undefined;
}

/** A kind's part in checking a saved plan again. */
export interface KindSavedPlan {
  /**
   * Live sizes of collections not derived from a resource's `segment` and
   * the kind's read facet, by collection address (a team's members).
   */
  readonly liveSizes?: (org: ActualOrg) => readonly (readonly [string, number])[];
  /** Its safety rules over the saved plan's actions (run per organisation, in registry order). */
  readonly recheck?: (s: RecheckScope) => void;
}

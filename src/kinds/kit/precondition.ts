/** Building blocks of the kinds' saved-plan facets (see `../kind-saved-plan.ts`). */
import type { ActualWorkspace } from '../../model/actual.js';
import type { BlockedRule, PlanAction, PlanOptions } from '../../model/plan.js';
import type { WorkspaceCollection } from '../kind-read.js';
import type { FreshScope, Located, ResourcePrecondition } from '../kind-saved-plan.js';

type ActionOf<K extends PlanAction['kind']> = Extract<PlanAction, { readonly kind: K }>;

/** A precondition written against one kind's typed action. */
export interface TypedPrecondition<A extends PlanAction> extends Omit<
  ResourcePrecondition,
  'planned' | 'locate' | 'deleteRule'
> {
  readonly planned?: (action: A, actions: readonly PlanAction[]) => object | undefined;
  readonly locate: (fresh: FreshScope, action: A) => Located;
  readonly deleteRule?: (action: A, options: PlanOptions) => BlockedRule | undefined;
}

/** Wraps a kind's typed precondition as the `ResourcePrecondition` the registry holds. */
export function preconditionOf<K extends PlanAction['kind']>(
  kind: K,
  typed: TypedPrecondition<ActionOf<K>>,
): ResourcePrecondition {
  const narrow = (action: PlanAction): ActionOf<K> => {
    if (action.kind !== kind)
      throw new Error(`a ${action.kind} action was given to the ${kind} precondition`);
    return action as ActionOf<K>;
  };
  const { planned, locate, deleteRule, ...rest } = typed;
  return {
    ...rest,
    locate: (fresh, action) => locate(fresh, narrow(action)),
    ...(planned === undefined ? {} : { planned: (action, actions) => planned(narrow(action), actions) }),
    ...(deleteRule === undefined
      ? {}
      : { deleteRule: (action, options) => deleteRule(narrow(action), options) }),
  };
}

/**
 * The entry of `items` matching `match`, in a parent that exists: undefined
 * when the parent or the entry does not exist, null when the list was not
 * read.
 */
export function pick<T extends object>(
  parentExists: boolean,
  items: readonly T[] | undefined,
  match: (item: T) => boolean,
): T | undefined | null {
  if (!parentExists) return undefined;
  if (items === undefined) return null;
  return items.find(match);
}

/** The workspace collections whose items are named (`name`). */
type NamedCollection = {
  [F in WorkspaceCollection]-?: NonNullable<ActualWorkspace[F]>[number] extends { readonly name: string }
    ? F
    : never;
}[WorkspaceCollection];

/** An object of a workspace collection, found by the action's `name`. */
export function byNameInWorkspace(
  field: NamedCollection,
): (fresh: FreshScope, action: PlanAction) => Located {
  return ({ ws }, action) =>
    pick<{ readonly name: string }>(ws !== undefined, ws?.[field], (item) => item.name === action.name);
}

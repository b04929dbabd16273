/** How a resource kind reads in the human plan formats (text and markdown). */
import type { PlanAction } from '../model/plan.js';
import type { CollectionKind } from '../model/resources.js';

export interface ResourceView {
  /** The word before an address: `compute environment biocommons/ausgen/computeEnvironments/aws`. */
  readonly label: string;
  /** Its words where a deleted workspace lists what goes with it (`2 pipeline secrets: A, B`). */
  readonly contents?: { readonly one: string; readonly many: string };
  /** The `ignore:` list an unmanaged one goes in; none for what is never deleted. */
  readonly ignoreKey?: CollectionKind;
  /** Lines only this kind shows (re-pointed pipelines, primary moves...). */
  readonly details?: (action: PlanAction) => readonly string[];
  /** The variables its values come from (names only, sorted). */
  readonly variables?: (action: PlanAction) => readonly string[];
  /** Fields whose change forces a replace (shown `# forces replacement`). */
  readonly forcedBy?: (action: PlanAction) => readonly string[];
  /** Key names inside its values that are secret, at any depth (`keys.password`). */
  readonly secretFields?: (action: PlanAction) => readonly string[];
  /** Top-level fields that are always secret (a pipeline secret's `value`). */
  readonly sensitiveFields?: readonly string[];
}

/**
 * Field helpers shared by executors that must send a full object on update
 * (read-modify-write): an optional field the file leaves out keeps its live
 * value, unless the plan says it changes (then it is cleared). The official
 * spec declares no text field nullable, so a cleared field is sent as ''.
 */
import type { PlanAction } from '../../model/plan.js';

/** The value to send for an optional text field on update: desired, else live unless the plan clears it. */
export function optionalField(
  action: PlanAction,
  field: string,
  desired: string | undefined,
  current: string | null | undefined,
): string {
  if (desired !== undefined) return desired;
  if (action.changes.some((change) => change.field === field)) return '';
  return current ?? '';
}

/** Lower-cased, trimmed email, for comparing live and desired people. */
export function sameEmail(a: string | null | undefined, b: string): boolean {
  return a !== null && a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

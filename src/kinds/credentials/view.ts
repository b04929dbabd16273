/** What a credential shows, and hides, in the plan. */
import type { PlanAction } from '../../model/plan.js';
import { isSecretRef } from '../../model/resources.js';
import { secretKeyFields } from '../../model/secret-fields.js';

/** Secret key field names of the credential's provider. */
export function credentialSecretFields(action: PlanAction): readonly string[] {
  if (action.kind !== 'credential') return [];
  const provider = action.desired?.provider ?? action.current?.provider;
  return provider === undefined ? [] : secretKeyFields(provider);
}

/** The variables its keys come from. */
export function credentialActionVariables(action: PlanAction): readonly string[] {
  if (action.kind !== 'credential' || action.type === 'delete' || action.desired === undefined) return [];
  const names = new Set<string>();
  for (const value of Object.values(action.desired.keys)) if (isSecretRef(value)) names.add(value.secretRef);
  return [...names].sort();
}

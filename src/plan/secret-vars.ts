/**
 * Which `${VAR}` references a declared resource needs, and which of them are
 * not set. Names only: values never enter the planner.
 */
import type { DesiredCredential } from '../model/desired.js';
import { isSecretRef } from '../model/resources.js';
import { secretKeyFields } from '../model/secret-fields.js';

/** Key fields of a credential that hold secrets: the provider's list plus any field given as a `${VAR}` reference. */
export function secretKeyNames(credential: DesiredCredential): readonly string[] {
  const known = new Set(secretKeyFields(credential.provider));
  for (const [key, value] of Object.entries(credential.keys)) {
    if (isSecretRef(value)) known.add(key);
  }
  return [...known].filter((key) => credential.keys[key] !== undefined).sort();
}

/** The variable names a credential's secret keys reference, sorted and unique. */
export function credentialVariables(credential: DesiredCredential): readonly string[] {
  const names = new Set<string>();
  for (const value of Object.values(credential.keys)) {
    if (isSecretRef(value)) names.add(value.secretRef);
  }
  return [...names].sort();
}

/** The subset of `names` not in `setVariables`, sorted. */
export function unsetVariables(
  names: readonly string[],
  setVariables: ReadonlySet<string>,
): readonly string[] {
  return names.filter((name) => !setVariables.has(name));
}

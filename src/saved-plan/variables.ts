/**
 * The variables fingerprint of a saved plan (SPEC 5): secrets are never
 * stored in a plan, only `SecretRef`s, and are read from the environment at
 * apply time. So that a changed variable makes a saved plan stale, the plan
 * records the names its secrets come from and a salted scrypt fingerprint of
 * their values — the same one-way hash as the credential keys fingerprint
 * (src/secrets/fingerprint.ts: scrypt N=2^12, r=8, p=4, truncated). An unset
 * variable is left out of the hash, so setting it later changes the
 * fingerprint too. No value is ever returned or stored.
 */
import type { Plan } from '../model/plan.js';
import type { PlanVariables } from '../model/plan-document.js';
import { isSecretRef } from '../model/resources.js';
import { keysFingerprint } from '../secrets/fingerprint.js';

function collectRefs(value: unknown, into: Set<string>): void {
  if (isSecretRef(value)) into.add(value.secretRef);
  else if (Array.isArray(value)) for (const item of value) collectRefs(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collectRefs(item, into);
  }
}

/** The `${VAR}` names the plan's actions read secrets from (desired payloads and changes), sorted. */
export function planVariableNames(plan: Pick<Plan, 'actions'>): readonly string[] {
  const names = new Set<string>();
  for (const action of plan.actions) {
    if ('desired' in action) collectRefs(action.desired, names);
    for (const change of action.changes) {
      collectRefs(change.from, names);
      collectRefs(change.to, names);
    }
  }
  return [...names].sort();
}

/**
 * Fingerprint of the values of `names` (sorted, de-duplicated) with `salt`
 * (a fresh random salt when omitted). Deterministic for a given salt.
 */
export async function secretsFingerprint(
  names: readonly string[],
  values: ReadonlyMap<string, string>,
  salt?: string,
): Promise<PlanVariables> {
  const sorted = [...new Set(names)].sort();
  const pairs: Record<string, string> = {};
  for (const name of sorted) {
    const value = values.get(name);
    if (value !== undefined) pairs[name] = value;
  }
  const { salt: usedSalt, hash } = await keysFingerprint(pairs, salt);
  return { salt: usedSalt, fingerprint: hash, names: sorted };
}

/** True when the current `values` of the recorded names still give the recorded fingerprint. */
export async function variablesUnchanged(
  recorded: PlanVariables,
  values: ReadonlyMap<string, string>,
): Promise<boolean> {
  const now = await secretsFingerprint(recorded.names, values, recorded.salt);
  return now.fingerprint === recorded.fingerprint;
}

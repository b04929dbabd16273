/**
 * The variables fingerprint of a saved plan: secrets are never
 * stored in a plan, only `SecretRef`s, and are read from each workspace's
 * variables at apply time. So that a changed variable makes a saved plan
 * stale, the plan records the names its secrets come from (qualified by
 * workspace: `org/workspace/NAME`) and a salted scrypt fingerprint of
 * their values — the same one-way hash as the credential keys fingerprint
 * (src/secrets/fingerprint.ts: scrypt N=2^12, r=8, p=4, truncated). An unset
 * variable is left out of the hash, so setting it later changes the
 * fingerprint too. No value is ever returned or stored.
 */
import { scopeKey, type Variables } from '../secrets/variables.js';
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

/** The `org/workspace/NAME` of every variable the plan's actions read secrets from (desired payloads and changes), sorted. */
export function planVariableNames(plan: Pick<Plan, 'actions'>): readonly string[] {
  const names = new Set<string>();
  for (const action of plan.actions) {
    if (action.workspace === undefined) continue;
    const refs = new Set<string>();
    if ('desired' in action) collectRefs(action.desired, refs);
    for (const change of action.changes) {
      collectRefs(change.from, refs);
      collectRefs(change.to, refs);
    }
    for (const name of refs) names.add(`${scopeKey(action.org, action.workspace)}/${name}`);
  }
  return [...names].sort();
}

/** The value of a qualified `org/workspace/NAME`, from that workspace's variables only. */
function valueOf(qualified: string, variables: Variables): string | undefined {
  const cut = qualified.lastIndexOf('/');
  if (cut < 0) return undefined;
  return variables.scopes.get(qualified.slice(0, cut))?.get(qualified.slice(cut + 1));
}

/**
 * Fingerprint of the values of `names` (qualified, sorted, de-duplicated)
 * with `salt` (a fresh random salt when omitted). Deterministic for a given salt.
 */
export async function secretsFingerprint(
  names: readonly string[],
  variables: Variables,
  salt?: string,
): Promise<PlanVariables> {
  const sorted = [...new Set(names)].sort();
  const pairs: Record<string, string> = {};
  for (const name of sorted) {
    const value = valueOf(name, variables);
    if (value !== undefined) pairs[name] = value;
  }
  const { salt: usedSalt, hash } = await keysFingerprint(pairs, salt);
  return { salt: usedSalt, fingerprint: hash, names: sorted };
}

/** True when the current values of the recorded names still give the recorded fingerprint. */
export async function variablesUnchanged(recorded: PlanVariables, variables: Variables): Promise<boolean> {
  const now = await secretsFingerprint(recorded.names, variables, recorded.salt);
  return now.fingerprint === recorded.fingerprint;
}

/**
 * Which `${VAR}` references a declared resource needs, and which of them are
 * not set. Names only: values never enter the planner.
 */
import type { SourceRef } from '../../model/diagnostics.js';
import type { DesiredCredential } from './model.js';
import { isSecretRef } from '../../model/resources.js';
import { secretKeyFields } from '../../model/secret-fields.js';

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

/** The subset of `names` not set for workspace `org/workspace`, in order. */
export function unsetVariables(
  names: readonly string[],
  setVariables: ReadonlyMap<string, ReadonlySet<string>>,
  org: string,
  workspace: string,
): readonly string[] {
  const set = setVariables.get(`${org}/${workspace}`);
  return names.filter((name) => set?.has(name) !== true);
}

/**
 * The message of a missing variable: which one, the key it was looked up
 * under, where the file references it, and how to set it. Names only.
 */
export function missingVariablesMessage(
  missing: readonly string[],
  where: { readonly org: string; readonly workspace: string },
  sources: Readonly<Record<string, SourceRef>> | undefined,
  fallback: SourceRef,
  needed: string,
): string {
  const key = `${where.org}/${where.workspace}`;
  const each = missing.map((name) => {
    const at = sources !== undefined && Object.hasOwn(sources, name) ? sources[name] : undefined;
    const source = at ?? fallback;
    return `\${${name}} (${source.file}:${String(source.line)}:${String(source.column)})`;
  });
  const verb = missing.length === 1 ? 'is' : 'are';
  return (
    `${each.join(', ')} ${verb} not set for "${key}": needed to ${needed}. ` +
    `Add ${missing.map((name) => `"${name}"`).join(', ')} to the "${key}" object of SEQERA_SYNC_VARS (or of the --vars-file)`
  );
}

/**
 * Credentials: description, baseUrl and keys update in place
 * (the id and every CE using it are kept); a provider change is a replace.
 * Non-secret key fields are compared directly; secret ones through the keys
 * fingerprint the shell checked (`context.keysMatch`). A credential whose
 * secret variables are unset is left alone with a note; creating one needs
 * them (`missingVariable`).
 */
import type { ActualCredential, DesiredCredential } from './model.js';
import { address } from '../../model/address.js';
import type { FieldChange, PlanAction } from '../../model/plan.js';
import { isSecretRef } from '../../model/resources.js';
import { compareDeclared } from '../kit/compare-declared.js';
import { changedReason, deps, workspaceCreate, type WorkspaceScope } from '../kit/scope.js';
import { planNamedCollection, sameKeyCollection } from '../kit/named-collection.js';
import { credentialVariables, missingVariablesMessage, secretKeyNames, unsetVariables } from './variables.js';

const NO_RULES = { setKeys: new Set<string>(), pathKeys: new Set<string>(), ignoredKeys: new Set<string>() };

export function planCredentials(s: WorkspaceScope): void {
  planNamedCollection(s, {
    kind: 'credential',
    ...sameKeyCollection(s, 'credentials'),
    idOf: (credential) => credential.id,
    planDeclared: (credential, live) => {
      planDeclared(s, credential, live);
    },
    deleteAction: (credential, base) => ({
      ...base,
      kind: 'credential',
      changes: [{ field: 'provider', from: credential.provider }],
      current: credential,
    }),
  });
}

/** Declared fields of a credential, for a create (secret keys sensitive). */
function declaredChanges(credential: DesiredCredential): FieldChange[] {
  const secret = new Set(secretKeyNames(credential));
  const changes: FieldChange[] = [{ field: 'provider', to: credential.provider }];
  if (credential.description !== undefined)
    changes.push({ field: 'description', to: credential.description });
  if (credential.baseUrl !== undefined) changes.push({ field: 'baseUrl', to: credential.baseUrl });
  for (const key of Object.keys(credential.keys).sort()) {
    changes.push(
      secret.has(key)
        ? { field: `keys.${key}`, sensitive: true, ...fromVariable(credential.keys[key]) }
        : { field: `keys.${key}`, to: credential.keys[key] },
    );
  }
  return changes;
}

/** `{ to: SecretRef }` for a value that comes from a variable (shown as its name), else nothing. */
function fromVariable(value: unknown): Pick<FieldChange, 'to'> {
  return isSecretRef(value) ? { to: value } : {};
}

function blockMissing(
  s: WorkspaceScope,
  credential: DesiredCredential,
  missing: readonly string[],
  credentialAddress: string,
  verb: string,
): void {
  s.out.block({
    rule: 'missingVariable',
    message: missingVariablesMessage(
      missing,
      { org: s.org.name, workspace: s.ws.name },
      credential.variableSources,
      credential.source,
      `${verb} credential ${credential.name}`,
    ),
    addresses: [credentialAddress],
  });
}

function planDeclared(
  s: WorkspaceScope,
  credential: DesiredCredential,
  live: ActualCredential | undefined,
): void {
  const org = s.org.name;
  const credentialAddress = address.credential(org, s.ws.name, credential.name);
  const missing = unsetVariables(credentialVariables(credential), s.context.setVariables, org, s.ws.name);
  const base = {
    kind: 'credential',
    address: credentialAddress,
    org,
    workspace: s.ws.name,
    name: credential.name,
    desired: credential,
  } as const;
  if (live === undefined) {
    if (missing.length > 0) blockMissing(s, credential, missing, credentialAddress, 'create');
    s.out.add({
      ...base,
      ...workspaceCreate(s),
      changes: declaredChanges(credential),
    });
    return;
  }
  if (live.provider !== credential.provider) {
    if (missing.length > 0) blockMissing(s, credential, missing, credentialAddress, 'replace');
    s.out.add({
      ...base,
      type: 'replace',
      reason: `the provider cannot change in place (${live.provider} → ${credential.provider}): the credential is deleted and created again`,
      changes: [{ field: 'provider', from: live.provider, to: credential.provider }],
      dependsOn: [],
      current: live,
    });
    return;
  }
  if (missing.length > 0) {
    s.out.note(
      `keys not compared (${missing.join(', ')} not set): credential ${credential.name} left as it is`,
      credentialAddress,
    );
    return;
  }
  const changes = fieldChanges(credential, live);
  const keysChange = secretKeysChange(s, credential, live, credentialAddress);
  if (keysChange !== undefined) changes.push(keysChange.change);
  if (changes.length === 0) return;
  const fields = changes.map((c) => c.field);
  s.out.add({
    ...base,
    type: 'update',
    reason:
      keysChange?.recordOnly === true && changes.length === 1
        ? 'record keys fingerprint: the credential has none, so its keys are sent once to record it'
        : changedReason(fields),
    changes: changes.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)),
    dependsOn: [],
    current: live,
  });
}

/** Description, baseUrl and non-secret key differences (declared fields only). */
function fieldChanges(credential: DesiredCredential, live: ActualCredential): FieldChange[] {
  const changes: FieldChange[] = [];
  if (credential.description !== undefined && credential.description !== (live.description ?? '')) {
    changes.push({ field: 'description', from: live.description, to: credential.description });
  }
  if (credential.baseUrl !== undefined && credential.baseUrl !== (live.baseUrl ?? '')) {
    changes.push({ field: 'baseUrl', from: live.baseUrl, to: credential.baseUrl });
  }
  const secret = new Set(secretKeyNames(credential));
  const plain = Object.fromEntries(
    Object.entries(credential.keys).filter(([key, value]) => !secret.has(key) && !isSecretRef(value)),
  );
  // The platform returned none of this credential's keys (neither listed nor described): nothing to compare.
  if (live.keysUnknown !== true) changes.push(...compareDeclared(plain, live.keys, 'keys', NO_RULES));
  return changes;
}

/** The secret keys' change, decided by the fingerprint check the shell made. */
function secretKeysChange(
  s: WorkspaceScope,
  credential: DesiredCredential,
  live: ActualCredential,
  credentialAddress: string,
): { readonly change: FieldChange; readonly recordOnly: boolean } | undefined {
  if (secretKeyNames(credential).length === 0) return undefined;
  const match = s.context.keysMatch.get(credentialAddress);
  if (match === false) return { change: { field: 'keys', sensitive: true }, recordOnly: false };
  if (match === true) return undefined;
  if (live.fingerprint === undefined) return { change: { field: 'keys', sensitive: true }, recordOnly: true };
  s.out.note(
    `keys not compared (the fingerprint was not checked): credential ${credential.name}`,
    credentialAddress,
  );
  return undefined;
}

/**
 * A credential delete waits for the deletes, replaces and updates of the compute
 * environments that use it (deleting a credential first strands its CEs).
 * Notes a credential deleted while a CE that stays still uses it.
 */
export function linkCredentialDeletes(s: WorkspaceScope): void {
  const liveCes = s.actualWs?.computeEnvironments ?? [];
  for (const credential of s.actualWs?.credentials ?? []) {
    const credentialAddress = address.credential(s.org.name, s.ws.name, credential.name);
    const action = s.out.get(credentialAddress);
    if (action?.kind !== 'credential' || action.type !== 'delete') continue;
    const users = liveCes.filter((ce) => ce.credentialsId === credential.id);
    const ceActions = users.map((ce) => address.computeEnv(s.org.name, s.ws.name, ce.name));
    s.out.replace({
      ...action,
      dependsOn: deps(
        action.dependsOn,
        ...ceActions.map((a) => s.out.dependencyOn(a, ['delete', 'replace', 'update'])),
      ),
    });
    const staying = users.filter(
      (ce) =>
        finalCredential(s.out.get(address.computeEnv(s.org.name, s.ws.name, ce.name)), credential.name) ===
        credential.name,
    );
    if (staying.length > 0) {
      s.out.note(
        `credential ${credential.name} is deleted but compute environment${staying.length === 1 ? '' : 's'} ${staying
          .map((ce) => ce.name)
          .sort()
          .join(', ')} still use${staying.length === 1 ? 's' : ''} it`,
        credentialAddress,
      );
    }
  }
}

/** The credential a live CE uses after its planned action (`undefined` when it is deleted). */
function finalCredential(ceAction: PlanAction | undefined, current: string): string | undefined {
  if (ceAction?.kind !== 'computeEnvironment') return current;
  if (ceAction.type === 'delete') return undefined;
  return ceAction.desired?.credentials ?? current;
}

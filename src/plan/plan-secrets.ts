/**
 * Pipeline secrets (SPEC 4.4): values are write-only and carry no
 * fingerprint, so a secret is created when missing and rewritten only with
 * `--rotate-secrets` (an explicit update of each declared existing secret).
 * Either needs the value's variable to be set.
 */
import { address } from '../model/address.js';
import type { DesiredSecret } from '../model/desired.js';
import {
  createReason,
  handleExtra,
  pruneReason,
  sourceOf,
  workspaceDeps,
  type WorkspaceScope,
} from './scope.js';

export function planSecrets(s: WorkspaceScope): void {
  const desired = s.ws.secrets;
  const live = s.actualWs?.secrets;
  for (const secret of live ?? [])
    s.out.liveId(address.secret(s.org.name, s.ws.name, secret.name), secret.id);
  if (desired === undefined) return;
  const org = s.org.name;
  const collection = `${org}/${s.ws.name}/secrets`;
  s.out.collectionSize(collection, (live ?? []).length);
  const liveByName = new Map((live ?? []).map((secret) => [secret.name, secret]));
  for (const secret of desired) {
    const secretAddress = address.secret(org, s.ws.name, secret.name);
    const current = liveByName.get(secret.name);
    const base = {
      kind: 'secret',
      address: secretAddress,
      org,
      workspace: s.ws.name,
      name: secret.name,
      desired: secret,
    } as const;
    if (current === undefined) {
      checkVariable(s, secret, secretAddress, 'create');
      s.out.add({
        ...base,
        type: 'create',
        reason: createReason(s.ws.source.file),
        changes: [{ field: 'value', sensitive: true }],
        dependsOn: workspaceDeps(s),
      });
    } else if (s.context.options.rotateSecrets) {
      checkVariable(s, secret, secretAddress, 'rotate');
      s.out.add({
        ...base,
        type: 'update',
        reason: '--rotate-secrets: the value is written again (it cannot be compared)',
        changes: [{ field: 'value', sensitive: true }],
        dependsOn: [],
        current,
      });
    }
  }
  const declared = new Set(desired.map((secret) => secret.name));
  for (const secret of live ?? []) {
    if (declared.has(secret.name)) continue;
    const secretAddress = address.secret(org, s.ws.name, secret.name);
    const doDelete = handleExtra(s.out, {
      address: secretAddress,
      kind: 'secret',
      org,
      workspace: s.ws.name,
      name: secret.name,
      ignoreKeys: [secret.name],
      ignore: s.ws.ignore.secrets,
      prune: s.ws.prune.secrets,
      collection: 'secrets',
      file: s.ws.source.file,
    });
    if (!doDelete) continue;
    s.out.add({
      kind: 'secret',
      type: 'delete',
      address: secretAddress,
      org,
      workspace: s.ws.name,
      name: secret.name,
      reason: pruneReason(s.ws.source.file, 'secrets'),
      changes: [{ field: 'value', sensitive: true }],
      dependsOn: [],
      current: secret,
    });
    s.out.deletion({ org, collection, address: secretAddress });
  }
}

function checkVariable(s: WorkspaceScope, secret: DesiredSecret, secretAddress: string, verb: string): void {
  const variable = secret.value.secretRef;
  if (s.context.setVariables.has(variable)) return;
  s.out.block({
    rule: 'missingVariable',
    message: `${variable} is not set: needed to ${verb} secret ${secret.name} (${sourceOf(secret.source)})`,
    addresses: [secretAddress],
  });
}

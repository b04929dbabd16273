/**
 * Pipeline secrets: values are write-only and carry no
 * fingerprint, so a secret is created when missing and rewritten only with
 * `--rotate-secrets` (an explicit update of each declared existing secret).
 * Either needs the value's variable to be set.
 */
import { address } from '../../model/address.js';
import type { ActualSecret, DesiredSecret } from './model.js';
import { workspaceCreate, type WorkspaceScope } from '../kit/scope.js';
import { missingVariablesMessage, unsetVariables } from '../credentials/variables.js';
import { planNamedCollection, sameKeyCollection } from '../kit/named-collection.js';

export function planSecrets(s: WorkspaceScope): void {
  planNamedCollection(s, {
    kind: 'secret',
    ...sameKeyCollection(s, 'secrets'),
    idOf: (secret) => secret.id,
    planDeclared: (secret, current) => {
      planDeclared(s, secret, current);
    },
    deleteAction: (secret, base) => ({
      ...base,
      kind: 'secret',
      changes: [{ field: 'value', sensitive: true }],
      current: secret,
    }),
  });
}

function planDeclared(s: WorkspaceScope, secret: DesiredSecret, current: ActualSecret | undefined): void {
  const secretAddress = address.secret(s.org.name, s.ws.name, secret.name);
  const base = {
    kind: 'secret',
    address: secretAddress,
    org: s.org.name,
    workspace: s.ws.name,
    name: secret.name,
    desired: secret,
  } as const;
  if (current === undefined) {
    checkVariable(s, secret, secretAddress, 'create');
    s.out.add({
      ...base,
      ...workspaceCreate(s),
      changes: [{ field: 'value', sensitive: true, to: secret.value }],
    });
  } else if (s.context.options.rotateSecrets) {
    checkVariable(s, secret, secretAddress, 'rotate');
    s.out.add({
      ...base,
      type: 'update',
      reason: '--rotate-secrets: the value is written again (it cannot be compared)',
      changes: [{ field: 'value', sensitive: true, to: secret.value }],
      dependsOn: [],
      current,
    });
  }
}

function checkVariable(s: WorkspaceScope, secret: DesiredSecret, secretAddress: string, verb: string): void {
  const missing = unsetVariables([secret.value.secretRef], s.context.setVariables, s.org.name, s.ws.name);
  if (missing.length === 0) return;
  s.out.block({
    rule: 'missingVariable',
    message: missingVariablesMessage(
      missing,
      { org: s.org.name, workspace: s.ws.name },
      secret.variableSources,
      secret.source,
      `${verb} secret ${secret.name}`,
    ),
    addresses: [secretAddress],
  });
}

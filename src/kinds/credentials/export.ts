/**
 * Live credentials → `credentials:` entries. Non-secret key fields are kept
 * as read (trimmed to the provider's schema); secret fields become `${VAR}`
 * references with predictable names (variable-names.ts) — their values are
 * never read back, and readable ones arrive redacted. The description is the
 * reader's, with the keys fingerprint suffix already stripped.
 */
import { type ActualCredential, CREDENTIAL_PROVIDERS } from './model.js';
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { secretKeyFields } from '../../model/secret-fields.js';
import { exportedSecretFields, unseenOptionalSecretFields } from './export-secrets.js';
import {
  anyOf,
  checkItem,
  dropInside,
  dropTopLevel,
  REFERENCE_PLACEHOLDER,
  type MutableRecord,
} from '../kit/item-check.js';
import { byName, leaveOut, noteDropped, nonEmptyText, type MapContext } from '../kit/export-context.js';
import type { ExportModel } from '../kit/export-model.js';
import { isPlainObject, pruneToSchema } from '../kit/prune.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';

/** The credentials written, with their provider (`type`): compute environments reference them. */
function mapCredentials(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const items: MutableRecord[] = [];
  const exported: ExportedObject[] = [];
  for (const credential of [...(ws.credentials ?? [])].sort(byName)) {
    const item = mapCredential(ctx, ws, credential);
    if (item === undefined) continue;
    items.push(item);
    exported.push({ id: credential.id, name: credential.name, type: credential.provider });
  }
  return { items, exported };
}

/** Credentials with secret fields but no keys fingerprint: the first plan once their variables are set records one. */
function onceSet(model: ExportModel): readonly string[] {
  const count = model.unfingerprinted.length;
  if (count === 0) return [];
  return [
    `Once the variables are set, the next plan updates ${count} credential${count === 1 ? '' : 's'} once to record a keys fingerprint (they have none yet):`,
    ...model.unfingerprinted.map((a) => `  ${a}`),
  ];
}

export const credentialsExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'credentials',
  variablesReport: {
    untilSet: 'Until its variables are set, a plan leaves each credential as it is ("keys not compared")',
    onceSet,
  },
  map: mapCredentials,
};

function mapCredential(
  ctx: MapContext,
  ws: ActualWorkspace,
  credential: ActualCredential,
): MutableRecord | undefined {
  const credentialAddress = address.credential(ctx.org, ws.name, credential.name);
  const provider = credential.provider;
  if (!(CREDENTIAL_PROVIDERS as readonly string[]).includes(provider)) {
    leaveOut(ctx, 'credentials', credential.name, credentialAddress, `provider ${provider} is not supported`);
    return undefined;
  }
  const secret = new Set(secretKeyFields(provider));
  const plain = Object.fromEntries(Object.entries(credential.keys).filter(([key]) => !secret.has(key)));
  const pruned = pruneToSchema(plain, ctx.schema.definition(`keys-${provider}`), ctx.schema);
  const keys: MutableRecord = isPlainObject(pruned) ? { ...pruned } : {};
  const secretFields = exportedSecretFields(provider, credential.keys);
  for (const field of secretFields) keys[field] = REFERENCE_PLACEHOLDER;
  const description = nonEmptyText(credential.description);
  const baseUrl = nonEmptyText(credential.baseUrl);
  const candidate: MutableRecord = {
    name: credential.name,
    provider,
    ...(description === undefined ? {} : { description }),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    keys: orderedKeys(ctx, provider, keys),
  };
  const checked = checkItem(
    ctx.schema,
    'workspace',
    'credentials',
    candidate,
    anyOf(dropInside(['keys']), dropTopLevel(['description'])),
  );
  if (checked.item === undefined) {
    leaveOut(ctx, 'credentials', credential.name, credentialAddress, checked.problem ?? 'invalid');
    return undefined;
  }
  noteDropped(ctx, credentialAddress, checked.dropped);
  const item = checked.item;
  const finalKeys = item['keys'] as MutableRecord;
  for (const field of secretFields) {
    const name = ctx.names.allocate([ws.name, credential.name, field]);
    finalKeys[field] = `\${${name}}`;
    ctx.sink.variables.push({ name, address: credentialAddress, field: `keys.${field}` });
  }
  if (secretFields.length > 0 && credential.fingerprint === undefined) {
    ctx.sink.unfingerprinted.push(credentialAddress);
  }
  if (credential.keysUnknown === true) {
    ctx.sink.warnings.push(
      `${credentialAddress}: the platform returned none of its keys (neither listed nor described), so its secret fields are unknown; add its keys (secret ones as \${VAR} references) before the first apply that sends them`,
    );
  }
  for (const field of unseenOptionalSecretFields(provider, credential.keys)) {
    ctx.sink.warnings.push(
      `${credentialAddress}: keys.${field} cannot be read back; if the credential has one, add it as a \${VAR} reference before the first apply that sends the keys`,
    );
  }
  return item;
}

/** Keys in the schema's property order (unknown ones, if any, last). */
function orderedKeys(ctx: MapContext, provider: string, keys: MutableRecord): MutableRecord {
  const shape = ctx.schema.definition(`keys-${provider}`);
  const properties = shape === undefined ? undefined : ctx.schema.resolve(shape)['properties'];
  const order = isPlainObject(properties) ? Object.keys(properties) : [];
  const rank = (key: string): number => {
    const index = order.indexOf(key);
    return index < 0 ? order.length : index;
  };
  return Object.fromEntries(Object.entries(keys).sort(([a], [b]) => rank(a) - rank(b)));
}

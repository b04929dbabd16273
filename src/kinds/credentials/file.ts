/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: credentials in a workspace file: unique by name; the provider's secret
 * keys become `SecretRef`s, with the position of each variable they use.
 *
 * Export: live credentials → `credentials:` entries. Non-secret key fields are kept
 * as read (trimmed to the provider's schema); secret fields become `${VAR}`
 * references with predictable names (variable-names.ts) — their values are
 * never read back, and readable ones arrive redacted. The description is the
 * reader's, with the keys fingerprint suffix already stripped.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema, secretField, shapeWhen } from '../../formats/schema-parts.js';
import { opt } from '../../api/decoders/optional.js';
import { collectionLoad } from '../kind-load.js';
import { type ActualCredential, CREDENTIAL_PROVIDERS } from './model.js';
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { exportedSecretFields, unseenOptionalSecretFields } from './export-secrets.js';
import {
  anyOf,
  checkItem,
  dropInside,
  dropTopLevel,
  REFERENCE_PLACEHOLDER,
  type MutableRecord,
} from '../kit/item-check.js';
import { leaveOut, noteDropped, nonEmptyText, type MapContext, nameOrder } from '../kit/export-context.js';
import type { ExportModel } from '../kit/export-model.js';
import { isPlainObject, pruneToSchema } from '../kit/prune.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';
import { byName } from '../kit/load-identity.js';
import { secretKeyFields } from '../../model/secret-fields.js';

export const credentialsLoad = collectionLoad({
  file: 'workspace',
  key: 'credentials',
  resource: 'credential',
  what: 'credential',
  identity: byName,
  normalise: (c, from) => {
    const secret = secretKeyFields(c.provider);
    const keys = Object.fromEntries(
      Object.entries(c.keys).map(([key, value]): [string, unknown] => [
        key,
        secret.includes(key) ? from.secretRef(value, `${from.pointer}/keys/${key}`) : value,
      ]),
    );
    return {
      name: c.name,
      provider: c.provider,
      ...opt('description', c.description),
      ...opt('baseUrl', c.baseUrl),
      keys,
      ...opt('variableSources', from.variableSources(`${from.pointer}/keys`)),
      source: from.source,
    };
  },
});

/** The credentials written, with their provider (`type`): compute environments reference them. */
function mapCredentials(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const items: MutableRecord[] = [];
  const exported: ExportedObject[] = [];
  for (const credential of [...(ws.credentials ?? [])].sort(nameOrder)) {
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

/** A provider's key fields: a `keys` shape of the workspace file. */
function keyFields(
  provider: string,
  properties: Readonly<Record<string, unknown>>,
  required?: readonly string[],
): Readonly<Record<string, unknown>> {
  return {
    title: `${provider} keys`,
    description: `Key fields of a \`${provider}\` credential.`,
    type: 'object',
    additionalProperties: false,
    properties,
    ...(required === undefined ? {} : { required }),
  };
}

/** Key fields several providers share, each written once. */
const field = {
  accessKey: { type: 'string', description: 'AWS access key id (not secret).' },
  secretKey: secretField('AWS secret access key.'),
  assumeRoleArn: { type: 'string', description: 'IAM role ARN to assume.' },
  externalId: { type: 'string', description: 'External id used when assuming the role.' },
  mode: { type: 'string', enum: ['keys', 'role'], description: 'Authentication mode: keys or role.' },
  batchName: { type: 'string', description: 'Azure Batch account name.' },
  storageName: { type: 'string', description: 'Azure Storage account name.' },
  batchKey: secretField('Azure Batch account key.'),
  storageKey: secretField('Azure Storage account key.'),
  tenantId: { type: 'string', description: 'Entra tenant id.' },
  clientId: { type: 'string', description: 'Entra service principal client id.' },
  clientSecret: secretField('Entra service principal client secret.'),
};

/**
 * The kind's part of the JSON Schemas: its list and item shapes in the
 * files, its `prune`/`ignore` entries, its plan actions. `npm run schemas`
 * composes `schemas/*.schema.json` from every kind's (see
 * `src/formats/compose-schemas.ts`).
 */
export const schema: SchemaFragment = {
  workspace: {
    properties: {
      credentials: {
        type: 'array',
        items: { $ref: '#/$defs/credential' },
        description: 'Credentials of the workspace.',
      },
    },
    $defs: {
      'keys-aws': keyFields('aws', {
        accessKey: field.accessKey,
        secretKey: field.secretKey,
        assumeRoleArn: field.assumeRoleArn,
        externalId: field.externalId,
        mode: field.mode,
      }),
      'keys-seqeracompute': keyFields('seqeracompute', {
        accessKey: field.accessKey,
        secretKey: field.secretKey,
        assumeRoleArn: field.assumeRoleArn,
        externalId: field.externalId,
        mode: field.mode,
      }),
      'keys-s3': keyFields('s3', {
        accessKey: { type: 'string', description: 'Access key id (not secret).' },
        secretKey: secretField('Secret access key.'),
        pathStyleAccessEnabled: {
          type: 'boolean',
          description: 'Use path-style bucket URLs (S3-compatible stores).',
        },
      }),
      'keys-google': keyFields('google', {
        data: secretField('Service account key (JSON text).'),
        serviceAccountEmail: {
          type: 'string',
          description: 'Service account email (workload identity federation).',
        },
        workloadIdentityProvider: {
          type: 'string',
          description: 'Workload identity provider resource name.',
        },
        tokenAudience: { type: 'string', description: 'Token audience (workload identity federation).' },
      }),
      'keys-azure': keyFields('azure', {
        batchName: field.batchName,
        storageName: field.storageName,
        batchKey: field.batchKey,
        storageKey: field.storageKey,
      }),
      'keys-azure_entra': keyFields('azure_entra', {
        batchName: field.batchName,
        storageName: field.storageName,
        batchKey: field.batchKey,
        storageKey: field.storageKey,
        tenantId: field.tenantId,
        clientId: field.clientId,
        clientSecret: field.clientSecret,
      }),
      'keys-azure-cloud': keyFields('azure-cloud', {
        batchName: field.batchName,
        storageName: field.storageName,
        batchKey: field.batchKey,
        storageKey: field.storageKey,
        tenantId: field.tenantId,
        clientId: field.clientId,
        clientSecret: field.clientSecret,
        subscriptionId: { type: 'string', description: 'Azure subscription id.' },
      }),
      'keys-k8s': keyFields('k8s', {
        certificate: { type: 'string', description: 'Client certificate (PEM).' },
        privateKey: secretField('Client private key (PEM).'),
        token: secretField('Service account token.'),
      }),
      'keys-ssh': keyFields(
        'ssh',
        {
          privateKey: secretField('SSH private key (PEM/OpenSSH text).'),
          passphrase: secretField('Passphrase of the private key.'),
        },
        ['privateKey'],
      ),
      'keys-tw-agent': keyFields(
        'tw-agent',
        {
          connectionId: {
            type: 'string',
            description: 'Connection id the Tower Agent was started with (`tw-agent <connectionId>`).',
            minLength: 1,
          },
          workDir: {
            type: 'string',
            description:
              "Default work directory of the agent; `$TW_AGENT_WORK` is the agent's own variable (a `$` without `{` is literal).",
          },
          shared: { type: 'boolean', description: 'Shared agent: usable by every workspace member.' },
        },
        ['connectionId'],
      ),
      'keys-github': keyFields('github', {
        username: { type: 'string', description: 'GitHub user name.' },
        password: secretField('GitHub password.'),
        token: secretField('GitHub access token.'),
      }),
      'keys-gitlab': keyFields('gitlab', {
        username: { type: 'string', description: 'GitLab user name.' },
        password: secretField('GitLab password.'),
        token: secretField('GitLab access token.'),
      }),
      'keys-bitbucket': keyFields('bitbucket', {
        username: { type: 'string', description: 'Bitbucket user name.' },
        password: secretField('Bitbucket password.'),
        token: secretField('Bitbucket access token.'),
      }),
      'keys-gitea': keyFields('gitea', {
        username: { type: 'string', description: 'Gitea user name.' },
        password: secretField('Gitea password.'),
        token: secretField('Gitea access token.'),
      }),
      'keys-azurerepos': keyFields('azurerepos', {
        username: { type: 'string', description: 'Azure Repos user name.' },
        password: secretField('Azure Repos password.'),
        token: secretField('Azure Repos access token.'),
      }),
      'keys-codecommit': keyFields('codecommit', {
        username: { type: 'string', description: 'CodeCommit user name.' },
        password: secretField('CodeCommit password.'),
        token: secretField('CodeCommit access token.'),
      }),
      'keys-github_app': keyFields('github_app', {
        appId: { type: 'string', description: 'GitHub App id.' },
        clientId: { type: 'string', description: 'GitHub App client id.' },
        slug: { type: 'string', description: 'GitHub App slug.' },
        privateKey: secretField('GitHub App private key (PEM).'),
        clientSecret: secretField('GitHub App client secret.'),
        webhookSecret: secretField('GitHub App webhook secret.'),
      }),
      'keys-container-reg': keyFields(
        'container-reg',
        {
          registry: { type: 'string', description: 'Registry host, e.g. `docker.io`.', minLength: 1 },
          userName: { type: 'string', description: 'Registry user name.' },
          password: secretField('Registry password or token.'),
        },
        ['registry'],
      ),
      credential: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'provider', 'keys'],
        properties: {
          name: {
            type: 'string',
            description: 'Credential name, unique in the workspace.',
            pattern: '^[a-zA-Z0-9_-]{1,100}$',
            patternErrorMessage: "must be 1 to 100 letters, digits, '-' or '_'",
          },
          provider: {
            type: 'string',
            enum: [...CREDENTIAL_PROVIDERS],
            description: 'Credentials provider (HPC clusters: `ssh` or `tw-agent`).',
          },
          description: {
            type: 'string',
            description: 'Free text (the tool appends a key fingerprint on the platform).',
            maxLength: 1000,
          },
          baseUrl: { type: 'string', description: 'Base URL of the repository server (git providers).' },
          keys: {
            type: 'object',
            description:
              'Provider key fields (checked per provider); secret fields must be `${VAR}` references.',
          },
        },
        allOf: CREDENTIAL_PROVIDERS.map((provider) =>
          shapeWhen(
            'provider',
            provider,
            'keys',
            `keys-${provider}`,
            `Key fields of a \`${provider}\` credential.`,
          ),
        ),
      },
    },
  },
  collections: {
    credentials: collectionSchema(
      'Delete credentials that exist on the platform but are not declared.',
      'Acknowledged extra credentials (emails or names): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: { credential: 'credentialAction' },
    $defs: {
      credentialAction: planActionSchema('credential', ['create', 'update', 'replace', 'delete']),
      credentialDesired: {
        type: 'object',
        required: ['name', 'provider', 'keys'],
        properties: {
          name: { type: 'string' },
          provider: { type: 'string' },
          source: { $ref: '#/$defs/sourceRef' },
          keys: {
            type: 'object',
            description: 'Key fields; secret ones, and any given as `${NAME}`, are `${NAME}` references.',
            properties: {
              batchKey: { $ref: '#/$defs/secretRef' },
              clientSecret: { $ref: '#/$defs/secretRef' },
              data: { $ref: '#/$defs/secretRef' },
              passphrase: { $ref: '#/$defs/secretRef' },
              password: { $ref: '#/$defs/secretRef' },
              privateKey: { $ref: '#/$defs/secretRef' },
              secretKey: { $ref: '#/$defs/secretRef' },
              storageKey: { $ref: '#/$defs/secretRef' },
              token: { $ref: '#/$defs/secretRef' },
              webhookSecret: { $ref: '#/$defs/secretRef' },
            },
          },
          variableSources: {
            type: 'object',
            description: 'Where each variable is referenced in the file (the `${NAME}` position), by name.',
            additionalProperties: { $ref: '#/$defs/sourceRef' },
          },
        },
      },
      credentialCurrent: {
        type: 'object',
        required: ['id', 'name', 'provider', 'keys'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          provider: { type: 'string' },
          keys: {
            type: 'object',
            description: 'Non-secret key fields as read; secret ones absent or `(sensitive)`.',
            properties: {
              batchKey: { const: '(sensitive)' },
              clientSecret: { const: '(sensitive)' },
              data: { const: '(sensitive)' },
              passphrase: { const: '(sensitive)' },
              password: { const: '(sensitive)' },
              privateKey: { const: '(sensitive)' },
              secretKey: { const: '(sensitive)' },
              storageKey: { const: '(sensitive)' },
              token: { const: '(sensitive)' },
              webhookSecret: { const: '(sensitive)' },
            },
          },
        },
      },
    },
  },
};

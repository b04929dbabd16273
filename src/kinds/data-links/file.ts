/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: data links in a workspace file: unique by name; `publicAccessible`
 * defaults to false; the URI's scheme must be the provider's (s3:// for
 * aws, gs:// for google, az:// for azure); the credential a link names must
 * be of its provider (any of the platform's Azure credential kinds for
 * azure).
 *
 * Export: live custom data links → `dataLinks:` entries of a workspace file, by
 * name (discovered links were never read). `credentials` names the link's
 * credential when that credential is exported from the workspace (else it
 * is left out, with a warning, and not compared); `publicAccessible` is
 * written only when true. A link the file cannot declare (a provider other
 * than aws, google or azure, a name the schema refuses) is left out and
 * listed under `ignore.dataLinks`.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema } from '../../formats/schema-parts.js';
import { opt } from '../../api/decoders/optional.js';
import type { WrittenCredential } from '../credentials/model.js';
import { collectionLoad } from '../kind-load.js';
import type { ActualWorkspace } from '../../model/actual.js';
import type { ActualDataLink } from './model.js';
import { address } from '../../model/address.js';
import { leaveOut, nonEmptyText, nameOrder } from '../kit/export-context.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';
import { byName } from '../kit/load-identity.js';

/** The URI scheme of each provider's buckets. */
export const PROVIDER_SCHEMES: Readonly<Record<'aws' | 'google' | 'azure', string>> = {
  aws: 's3://',
  google: 'gs://',
  azure: 'az://',
};

/** The credential providers a link of each provider can read its bucket with. */
export const LINK_CREDENTIALS: Readonly<Record<'aws' | 'google' | 'azure', readonly string[]>> = {
  aws: ['aws'],
  google: ['google'],
  azure: ['azure', 'azure_entra', 'azure-cloud'],
};

export const dataLinksLoad = collectionLoad({
  file: 'workspace',
  key: 'dataLinks',
  resource: 'dataLink',
  what: 'data link',
  identity: byName,
  normalise: (link, from) => ({
    name: link.name,
    provider: link.provider,
    resourceRef: link.resourceRef,
    ...opt('credentials', link.credentials),
    ...opt('description', link.description),
    publicAccessible: link.publicAccessible ?? false,
    source: from.source,
  }),
  suits: {
    credentials: (link, target) => {
      const credential = target as WrittenCredential;
      const providers = LINK_CREDENTIALS[link.provider];
      if (providers.includes(credential.provider)) return undefined;
      return `data link '${link.name}' (${link.provider}) cannot use credential '${credential.name}' (provider ${credential.provider}): it needs ${providers.join(' or ')}`;
    },
  },
  checks: [
    (list) => {
      list.items.forEach((link, i) => {
        const scheme = PROVIDER_SCHEMES[link.provider];
        if (link.resourceRef.startsWith(scheme)) return;
        list.report(
          list.pointer(i, 'resourceRef'),
          `the resourceRef of a ${link.provider} bucket must start with ${scheme} (got ${link.resourceRef})`,
        );
      });
    },
  ],
});

/** The kind whose exported objects a link's `credentials` may name. */
const CREDENTIALS = 'credentials';

function credentialsOf(
  ctx: ExportContext,
  link: ActualDataLink,
  credentials: readonly ExportedObject[],
  linkAddress: string,
): string | undefined {
  if (link.credentialsId === undefined) return undefined;
  const credential = credentials.find((c) => c.id === link.credentialsId);
  if (credential !== undefined) return credential.name;
  ctx.sink.warnings.push(
    `${linkAddress}: credentials not declared (its credential ${link.credentialsName ?? link.credentialsId} is not exported from this workspace)`,
  );
  return undefined;
}

function mapDataLinks(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const items: MutableRecord[] = [];
  const credentials = ctx.exported(CREDENTIALS) ?? [];
  for (const link of [...(ws.dataLinks?.links ?? [])].sort(nameOrder)) {
    const linkAddress = address.dataLink(ctx.org, ws.name, link.name);
    const credentialsName = credentialsOf(ctx, link, credentials, linkAddress);
    const description = nonEmptyText(link.description);
    const candidate: MutableRecord = {
      name: link.name,
      provider: link.provider,
      resourceRef: link.resourceRef,
      ...(credentialsName === undefined ? {} : { credentials: credentialsName }),
      ...(description === undefined ? {} : { description }),
      ...(link.publicAccessible ? { publicAccessible: true } : {}),
    };
    const checked = checkItem(ctx.schema, 'workspace', 'dataLinks', candidate, noFix);
    if (checked.item === undefined) {
      leaveOut(ctx, 'dataLinks', link.name, linkAddress, checked.problem ?? 'invalid');
      continue;
    }
    items.push(checked.item);
  }
  return { items };
}

export const dataLinksExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'dataLinks',
  uses: [CREDENTIALS],
  map: mapDataLinks,
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
      dataLinks: {
        type: 'array',
        items: {
          $ref: '#/$defs/dataLink',
        },
        description:
          'Custom data links (cloud buckets shown in Data Explorer). Identified by name. Links the platform discovers by itself from credentials are not listed here and never pruned.',
      },
    },
    $defs: {
      dataLink: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'provider', 'resourceRef'],
        properties: {
          name: {
            type: 'string',
            description: 'Data link name, unique in the workspace.',
            pattern: '^[a-zA-Z0-9_.-]{1,100}$',
            patternErrorMessage: "must be 1 to 100 letters, digits, '.', '-' or '_'",
          },
          provider: {
            enum: ['aws', 'google', 'azure'],
            description: 'The cloud provider of the bucket. A change replaces the link.',
          },
          resourceRef: {
            type: 'string',
            description:
              "The bucket's URI: s3://bucket (aws), gs://bucket (google) or az://container (azure), optionally with a path. A change replaces the link.",
            pattern: '^(s3|gs|az)://[^\\s/]+(/\\S*)?$',
            patternErrorMessage:
              'must be a bucket URI: s3://bucket, gs://bucket or az://container, optionally followed by /path',
          },
          credentials: {
            type: 'string',
            description:
              'The name of a credential of this workspace the platform reads the bucket with (none for a public bucket). Updated in place.',
            minLength: 1,
          },
          description: {
            type: 'string',
            description: 'Updated in place.',
          },
          publicAccessible: {
            type: 'boolean',
            default: false,
            description:
              'The bucket is public (readable without credentials). Default false. A change replaces the link.',
          },
        },
      },
    },
  },
  collections: {
    dataLinks: collectionSchema(
      'Delete custom data links that exist on the platform but are not declared (links the platform discovers from credentials are never deleted).',
      'Acknowledged extra custom data links (by name): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      dataLink: 'dataLinkAction',
    },
    $defs: {
      dataLinkAction: planActionSchema('dataLink', ['create', 'update', 'replace', 'delete'], {
        extra: {
          forcedBy: {
            type: 'array',
            items: { type: 'string' },
            description: 'On replace: the fields that force it (provider, publicAccessible, resourceRef).',
          },
        },
      }),
      dataLinkDesired: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'provider', 'resourceRef', 'publicAccessible'],
        properties: {
          name: {
            type: 'string',
          },
          provider: {
            enum: ['aws', 'google', 'azure'],
          },
          resourceRef: {
            type: 'string',
          },
          credentials: {
            type: 'string',
            description: 'A credential of the workspace, by name.',
          },
          description: {
            type: 'string',
          },
          publicAccessible: {
            type: 'boolean',
          },
          source: {
            $ref: '#/$defs/sourceRef',
          },
        },
      },
      dataLinkCurrent: {
        type: 'object',
        required: ['id', 'name', 'provider', 'resourceRef', 'publicAccessible'],
        properties: {
          id: {
            type: 'string',
            description: "A custom link's id (`v1-user-…`).",
          },
          name: {
            type: 'string',
          },
          provider: {
            type: 'string',
          },
          resourceRef: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          publicAccessible: {
            type: 'boolean',
          },
          credentialsId: {
            type: 'string',
          },
          credentialsName: {
            type: 'string',
          },
        },
      },
    },
  },
};

/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Export: The organisation file, `<org>/organization.yaml`: name, fullName and
 * description (the org's own fields that do not validate are left out, and
 * not compared), then the collections of the kinds that live in it, then
 * `ignore`. No `policy`: the defaults (prune off) keep a first plan free of
 * deletions. A file that does not validate stops the export.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import type { WrittenOrganization } from '../../formats/written.js';
import { SyncError } from '../../errors.js';
import type { ActualOrg } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { escapeTree } from '../kit/escape.js';
import type { MutableRecord } from '../kit/item-check.js';
import type { ExportContext, FileExport } from '../kind-export.js';

function headerOf(ctx: ExportContext, org: ActualOrg): MutableRecord {
  const candidate: MutableRecord = {
    name: org.name,
    ...(org.fullName === '' ? {} : { fullName: org.fullName }),
    ...(org.description === undefined || org.description === '' ? {} : { description: org.description }),
  };
  for (const key of ['fullName', 'description']) {
    const issue = ctx.schema.validate('organization', candidate).find((i) => i.pointer === `/${key}`);
    if (issue === undefined) continue;
    Reflect.deleteProperty(candidate, key);
    ctx.sink.warnings.push(`${address.org(org.name)}: ${key} not exported (${issue.message})`);
  }
  return candidate;
}

function checkFile(ctx: ExportContext, content: MutableRecord): WrittenOrganization {
  const escaped = escapeTree(content, { verbatimKeys: ctx.schema.verbatimKeys, isSecret: () => false });
  const issues = ctx.schema.validate('organization', escaped);
  if (issues.length > 0) {
    throw new SyncError(
      `cannot export organisation ${ctx.org}: ${issues[0]?.message ?? 'invalid'} (${issues[0]?.pointer ?? ''})`,
    );
  }
  return escaped as unknown as WrittenOrganization;
}

export const organizationExport: FileExport<'organization'> = {
  part: 'file',
  file: 'organization',
  header: headerOf,
  ignore: 'after-items',
  check: checkFile,
};

/**
 * The kind's part of the JSON Schemas: its list and item shapes in the
 * files, its `prune`/`ignore` entries, its plan actions. `npm run schemas`
 * composes `schemas/*.schema.json` from every kind's (see
 * `src/formats/compose-schemas.ts`).
 */
export const schema: SchemaFragment = {
  plan: {
    actions: {
      organization: 'organizationAction',
    },
    $defs: {
      organizationAction: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'type', 'address', 'org', 'name', 'reason', 'changes', 'dependsOn'],
        properties: {
          kind: {
            const: 'organization',
            description: 'The kind of resource.',
          },
          type: {
            enum: ['create', 'update'],
            description: 'What the action does.',
          },
          address: {
            $ref: '#/$defs/address',
            description: 'Stable identity of the resource, unique within the plan (org/workspace/kind/name).',
          },
          org: {
            type: 'string',
            description: 'The organization.',
            minLength: 1,
          },
          workspace: {
            type: 'string',
            description: 'The workspace; absent for org-level resources.',
            minLength: 1,
          },
          name: {
            type: 'string',
            description:
              'Natural key: email, team name or resource name (`team:<name>` for a team participant).',
            minLength: 1,
          },
          reason: {
            type: 'string',
            description: 'Why, in one plain sentence.',
          },
          changes: {
            type: 'array',
            items: {
              $ref: '#/$defs/fieldChange',
            },
            description: 'Create: the declared fields; update: what changes; replace: every differing field.',
          },
          dependsOn: {
            type: 'array',
            items: {
              $ref: '#/$defs/address',
            },
            description: 'Addresses of actions whose failure skips this one.',
          },
          desired: {
            $ref: '#/$defs/organizationDesired',
            description: 'The declared payload (create, update, replace).',
          },
          current: {
            $ref: '#/$defs/organizationCurrent',
            description: 'The live object the action was computed from (update, replace, delete).',
          },
        },
      },
      organizationDesired: {
        type: 'object',
        required: ['name', 'fullName'],
        properties: {
          name: {
            type: 'string',
          },
          fullName: {
            type: 'string',
          },
        },
      },
      organizationCurrent: {
        type: 'object',
        required: ['orgId', 'name'],
        properties: {
          orgId: {
            type: 'integer',
          },
          name: {
            type: 'string',
          },
        },
      },
    },
  },
};

/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Export: the organisation file, `<org>/organization.yaml`: name, fullName and
 * description (the org's own fields that do not validate are left out, and
 * not compared), then the collections of the kinds that live in it, then
 * `ignore`. No `policy`: the defaults (prune off) keep a first plan free of
 * deletions. A file that does not validate stops the export.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { planActionSchema } from '../../formats/schema-parts.js';
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
      organizationAction: planActionSchema('organization', ['create', 'update']),
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

/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Export: a workspace's file, `<org>/<name>.yaml`: name, fullName, description,
 * visibility, `ignore`, then the collections of the kinds that live in it
 * (every one present, so every collection is managed). Interpolated strings
 * are escaped (`${` → `$${`) so the loader reads back exactly the live
 * values; secret fields keep their `${VAR}` references. A workspace whose
 * file does not validate is not written (a plan reports it as unmanaged).
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { planActionSchema } from '../../formats/schema-parts.js';
import { secretPathsOf } from '../../formats/interpolate-tree.js';
import type { WrittenWorkspace } from '../../formats/written.js';
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { escapeTree } from '../kit/escape.js';
import type { MutableRecord } from '../kit/item-check.js';
import type { ExportContext, FileExport } from '../kind-export.js';

/** name, fullName, description, visibility; a too long description is left out (then it is not compared). */
function headerOf(ctx: ExportContext, ws: ActualWorkspace): MutableRecord | undefined {
  const wsAddress = address.workspace(ctx.org, ws.name);
  const candidate: MutableRecord = {
    name: ws.name,
    fullName: ws.fullName,
    ...(ws.description === undefined || ws.description === '' ? {} : { description: ws.description }),
    visibility: ws.visibility,
  };
  let issues = ctx.schema.validate('workspace', candidate);
  const descriptionIssue = issues.find((i) => i.pointer === '/description');
  if (descriptionIssue !== undefined) {
    Reflect.deleteProperty(candidate, 'description');
    ctx.sink.warnings.push(`${wsAddress}: description not exported (${descriptionIssue.message})`);
    issues = ctx.schema.validate('workspace', candidate);
  }
  if (issues.length > 0) {
    ctx.sink.warnings.push(
      `${wsAddress}: not exported (${issues[0]?.message ?? 'invalid'}); a plan reports it as unmanaged`,
    );
    return undefined;
  }
  return candidate;
}

function checkFile(
  ctx: ExportContext,
  content: MutableRecord,
  ws: ActualWorkspace,
): WrittenWorkspace | undefined {
  const escaped = escapeTree(content, {
    verbatimKeys: ctx.schema.verbatimKeys,
    isSecret: secretPathsOf('workspace', content),
  });
  const issues = ctx.schema.validate('workspace', escaped);
  if (issues.length > 0) {
    ctx.sink.warnings.push(
      `${address.workspace(ctx.org, ws.name)}: not exported (${issues[0]?.message ?? 'invalid'} at ${issues[0]?.pointer ?? ''}); a plan reports it as unmanaged`,
    );
    return undefined;
  }
  return escaped as unknown as WrittenWorkspace;
}

export const workspaceExport: FileExport<'workspace'> = {
  part: 'file',
  file: 'workspace',
  header: headerOf,
  ignore: 'before-items',
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
      workspace: 'workspaceAction',
    },
    $defs: {
      workspaceAction: planActionSchema('workspace', ['create', 'update', 'delete'], {
        extra: {
          cascade: {
            type: 'array',
            items: { $ref: '#/$defs/address' },
            description:
              'On delete: the participants, credentials, compute environments, pipelines and pipeline secrets deleted with the workspace.',
          },
        },
      }),
      workspaceDesired: {
        type: 'object',
        required: ['name', 'fullName', 'visibility'],
        properties: {
          name: {
            type: 'string',
          },
          fullName: {
            type: 'string',
          },
          visibility: {
            enum: ['private', 'shared'],
          },
        },
      },
      workspaceCurrent: {
        type: 'object',
        required: ['id', 'name', 'visibility'],
        properties: {
          id: {
            type: 'integer',
          },
          name: {
            type: 'string',
          },
          visibility: {
            type: 'string',
          },
        },
      },
    },
  },
};

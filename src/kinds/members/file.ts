/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: members in the organisation file: unique by email, stored lower-cased.
 *
 * Export: live organisation members → `members:` entries of the organisation file:
 * owners first, then members, each by email. Collaborators follow from
 * participation and are not members; the token's own user is written only
 * as an owner, the one role a file may give it.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema } from '../../formats/schema-parts.js';
import { emailKey } from '../../model/resources.js';
import { collectionLoad } from '../kind-load.js';
import { byEmail } from '../kit/load-identity.js';
import type { ActualOrg } from '../../model/actual.js';
import type { ActualMember } from './model.js';
import { address } from '../../model/address.js';
import { ORG_ROLES } from '../../model/resources.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import { leaveOut } from '../kit/export-context.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';

export const membersLoad = collectionLoad({
  file: 'organization',
  key: 'members',
  resource: 'member',
  what: 'member',
  identity: (m) => byEmail(m.email, 'email'),
  normalise: (m, from) => ({ email: emailKey(m.email), role: m.role, source: from.source }),
});

const roleRank = (role: string): number => (role === 'owner' ? 0 : 1);

function mapMembers(ctx: ExportContext, org: ActualOrg): ExportedItems {
  const items: MutableRecord[] = [];
  const sorted = [...(org.members ?? [])].sort(
    (a: ActualMember, b: ActualMember) =>
      roleRank(a.role) - roleRank(b.role) || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0),
  );
  for (const member of sorted) {
    if (member.role === 'collaborator') continue;
    // The token's user may be declared only as owner; as anything else it is left to the platform.
    if (member.email === ctx.tokenEmail && member.role !== 'owner') continue;
    const where = address.member(ctx.org, member.email);
    if (!(ORG_ROLES as readonly string[]).includes(member.role)) {
      leaveOut(ctx, 'members', member.email, where, `role ${member.role} is not one a file can declare`);
      continue;
    }
    const checked = checkItem(
      ctx.schema,
      'organization',
      'members',
      { email: member.email, role: member.role },
      noFix,
    );
    if (checked.item === undefined) {
      leaveOut(ctx, 'members', member.email, where, checked.problem ?? 'invalid');
      continue;
    }
    items.push(checked.item);
  }
  return { items };
}

export const membersExport: ItemsExport<'organization'> = {
  part: 'items',
  file: 'organization',
  key: 'members',
  flowItems: ['members'],
  map: mapMembers,
};

/**
 * The kind's part of the JSON Schemas: its list and item shapes in the
 * files, its `prune`/`ignore` entries, its plan actions. `npm run schemas`
 * composes `schemas/*.schema.json` from every kind's (see
 * `src/formats/compose-schemas.ts`).
 */
export const schema: SchemaFragment = {
  organization: {
    properties: {
      members: {
        type: 'array',
        items: {
          $ref: '#/$defs/member',
        },
        description:
          'Organisation owners and members; present = membership is managed. Collaborators follow from workspace participation.',
      },
    },
    $defs: {
      member: {
        type: 'object',
        additionalProperties: false,
        required: ['email', 'role'],
        properties: {
          email: {
            type: 'string',
            format: 'email',
            maxLength: 254,
            patternErrorMessage: 'must be an email address',
            description: 'Member email; compared case-insensitively.',
          },
          role: {
            type: 'string',
            enum: ['owner', 'member'],
            description: 'Organisation role: owner or member.',
          },
        },
      },
    },
  },
  collections: {
    members: collectionSchema(
      'Delete organisation members that exist on the platform but are not declared.',
      'Acknowledged extra organisation members (emails or names): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      member: 'memberAction',
    },
    blockRules: ['lastOrgOwner', 'memberStillReferenced'],
    $defs: {
      memberAction: planActionSchema('member', ['create', 'update', 'delete'], {
        extra: {
          cascade: {
            type: 'array',
            items: { $ref: '#/$defs/address' },
            description:
              'On delete: the team memberships and workspace participations the platform removes with the member.',
          },
        },
      }),
      memberDesired: {
        type: 'object',
        required: ['email', 'role'],
        properties: {
          email: {
            type: 'string',
          },
          role: {
            enum: ['owner', 'member'],
          },
          source: {
            $ref: '#/$defs/sourceRef',
          },
        },
      },
      memberCurrent: {
        type: 'object',
        required: ['memberId', 'email', 'role'],
        properties: {
          memberId: {
            type: 'integer',
          },
          email: {
            type: 'string',
          },
          role: {
            type: 'string',
          },
        },
      },
    },
  },
};

/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: teams in the organisation file: unique by name, their member emails unique and stored lower-cased.
 *
 * Export: live teams → `teams:` entries of the organisation file: by name, with
 * their description and their members' emails (sorted, without repeats);
 * a team whose members come from an identity provider group (`idpGroupId`
 * set) without `members`, so its membership stays the IdP's.
 * A member that is not an email address is left out of its team (under
 * `ignore.teamMembers`); a description that does not validate is dropped.
 * The exported teams are what team participants may name.
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema } from '../../formats/schema-parts.js';
import { emailKey } from '../../model/resources.js';
import { collectionLoad } from '../kind-load.js';
import { opt } from '../../api/decoders/optional.js';
import { byEmail, byName } from '../kit/load-identity.js';
import type { ActualOrg } from '../../model/actual.js';
import { address } from '../../model/address.js';
import { checkItem, dropTopLevel, type Fixer, type MutableRecord } from '../kit/item-check.js';
import { leaveOut, nameOrder } from '../kit/export-context.js';
import type { ExportContext, ExportedItems, ExportedObject, ItemsExport } from '../kind-export.js';
import { teamReads } from './api.js';

export const teamsLoad = collectionLoad({
  file: 'organization',
  key: 'teams',
  resource: 'team',
  what: 'team',
  identity: byName,
  nested: (t) => [
    {
      field: 'members',
      what: `member of team ${t.name}`,
      items: t.members,
      identity: (email) => byEmail(email, ''),
    },
  ],
  normalise: (t, from) => ({
    name: t.name,
    ...opt('description', t.description),
    ...opt('members', t.members?.map(emailKey)),
    source: from.source,
  }),
});

function mapTeams(ctx: ExportContext, org: ActualOrg): ExportedItems {
  const items: MutableRecord[] = [];
  const exported: ExportedObject[] = [];
  for (const team of [...(org.teams ?? [])].sort(nameOrder)) {
    const where = address.team(ctx.org, team.name);
    const emails = [...new Set((team.members ?? []).map((m) => m.email))].sort();
    const candidate: MutableRecord = {
      name: team.name,
      ...(team.description === undefined || team.description === '' ? {} : { description: team.description }),
      // A team linked to an identity provider group is written without members: the IdP manages them.
      ...(team.idpGroupId === undefined ? { members: emails } : {}),
    };
    const leftOutMembers: string[] = [];
    const dropMember: Fixer = (path, item) => {
      const members = item['members'];
      if (path[0] !== 'members' || path.length !== 2 || !Array.isArray(members)) return undefined;
      const index = Number(path[1]);
      const email: unknown = members[index];
      if (typeof email !== 'string') return undefined;
      item['members'] = members.filter((_, i) => i !== index);
      leftOutMembers.push(email);
      return `members: ${email}`;
    };
    const checked = checkItem(
      ctx.schema,
      'organization',
      'teams',
      candidate,
      (path, item) => dropMember(path, item) ?? dropTopLevel(['description'])(path, item),
    );
    if (checked.item === undefined) {
      leaveOut(ctx, 'teams', team.name, where, checked.problem ?? 'invalid');
      continue;
    }
    for (const email of leftOutMembers) {
      leaveOut(
        ctx,
        'teamMembers',
        email,
        address.teamMember(ctx.org, team.name, email),
        'not an email address',
      );
    }
    for (const what of checked.dropped) {
      if (!what.startsWith('members: ')) ctx.sink.warnings.push(`${where}: ${what} not exported`);
    }
    items.push(checked.item);
    exported.push({ name: team.name });
  }
  return { items, exported };
}

export const teamsExport: ItemsExport<'organization'> = {
  part: 'items',
  file: 'organization',
  key: 'teams',
  readAll: async ({ client, orgId, source }) =>
    (await client.use(teamReads).listTeams(orgId)).map((team) => ({ name: team.name, members: [], source })),
  map: mapTeams,
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
      teams: {
        type: 'array',
        items: {
          $ref: '#/$defs/team',
        },
        description: 'Teams; present = teams are managed.',
      },
    },
    $defs: {
      team: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {
            type: 'string',
            description: 'Team name, unique in the organisation.',
            maxLength: 40,
            pattern: '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38}$',
            patternErrorMessage:
              "must be 2 to 39 letters or digits, with single '-' or '_' between them (the platform's rule for team names)",
          },
          description: {
            type: 'string',
            description: 'Free text.',
            maxLength: 250,
          },
          members: {
            type: 'array',
            items: {
              type: 'string',
              format: 'email',
              maxLength: 254,
              patternErrorMessage: 'must be an email address',
              description: 'Team member email.',
            },
            description: 'Team member emails; absent = membership of this team unmanaged.',
          },
        },
      },
    },
  },
  collections: {
    teams: collectionSchema(
      'Delete teams that exist on the platform but are not declared.',
      'Acknowledged extra teams (emails or names): never reported as drift, never pruned.',
    ),
    teamMembers: collectionSchema(
      'Delete members of the declared teams that exist on the platform but are not declared.',
      'Acknowledged extra members of the declared teams (emails or names): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      team: 'teamAction',
      teamMember: 'teamMemberAction',
    },
    blockRules: ['idpTeamMembers'],
    $defs: {
      teamAction: planActionSchema('team', ['create', 'update', 'delete'], {
        extra: {
          cascade: {
            type: 'array',
            items: { $ref: '#/$defs/address' },
            description: 'On delete: the workspace participations the platform removes with the team.',
          },
        },
      }),
      teamMemberAction: planActionSchema('teamMember', ['create', 'delete'], {
        extra: { team: { type: 'string', description: "The team's name.", minLength: 1 } },
        required: ['team'],
      }),
      teamDesired: {
        type: 'object',
        required: ['name'],
        properties: {
          name: {
            type: 'string',
          },
          members: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          source: {
            $ref: '#/$defs/sourceRef',
          },
        },
      },
      teamCurrent: {
        type: 'object',
        required: ['teamId', 'name'],
        properties: {
          teamId: {
            type: 'integer',
          },
          name: {
            type: 'string',
          },
        },
      },
      teamMemberDesired: {
        type: 'object',
        required: ['email'],
        properties: {
          email: {
            type: 'string',
          },
        },
      },
      teamMemberCurrent: {
        type: 'object',
        required: ['memberId', 'email'],
        properties: {
          memberId: {
            type: 'integer',
          },
          email: {
            type: 'string',
          },
        },
      },
    },
  },
};

/**
 * The kind in the files: its part of the JSON Schemas (`schema`: the
 * organisation or workspace file, and the plan file; `npm run schemas`
 * composes `schemas/` from every kind's), how its written items load
 * into the desired state, and how live items export to the file.
 *
 * Loading: participants in a workspace file: users unique by email (stored lower-cased), teams by name.
 *
 * Export: live participants → `participants:` entries of a workspace file: teams
 * by name first, then users by email, each group sorted. The token's own
 * user is left out (the platform makes a workspace's creator its owner and
 * the planner never treats it as an extra). When the organisation file is
 * exported too, a team participant must name one of its teams, and a
 * custom role one of its roles (without it, the role is checked on the
 * platform at plan time).
 */
import type { SchemaFragment } from '../../formats/compose-schemas.js';
import { collectionSchema, planActionSchema } from '../../formats/schema-parts.js';
import type { DesiredParticipant } from './model.js';
import { emailKey } from '../../model/resources.js';
import { collectionLoad } from '../kind-load.js';
import { byEmail } from '../kit/load-identity.js';
import { checkParticipantRoles } from '../roles/participant-roles.js';
import type { ActualWorkspace } from '../../model/actual.js';
import type { ActualParticipant } from './model.js';
import { address } from '../../model/address.js';
import { isPredefinedRole } from '../../model/resources.js';
import { checkItem, noFix, type MutableRecord } from '../kit/item-check.js';
import { leaveOut } from '../kit/export-context.js';
import type { ExportContext, ExportedItems, ItemsExport } from '../kind-export.js';

export const participantsLoad = collectionLoad({
  file: 'workspace',
  key: 'participants',
  resource: 'participant',
  what: 'participant',
  identity: (p) =>
    'email' in p ? byEmail(p.email, 'email') : { key: `team:${p.team}`, field: 'team', label: p.team },
  normalise: (p, from): DesiredParticipant =>
    'email' in p
      ? { type: 'user', email: emailKey(p.email), role: p.role, source: from.source }
      : { type: 'team', team: p.team, role: p.role, source: from.source },
  checks: [
    checkParticipantRoles,
    // The organisation's policy.maxParticipants (0: no limit) caps a workspace's entries.
    (list) => {
      const limit = list.organization?.policy?.maxParticipants ?? 0;
      const count = list.items.length;
      if (limit <= 0 || count <= limit) return;
      list.report(
        list.listPointer,
        `${String(count)} participant entries exceed the organisation's policy.maxParticipants (${String(limit)}): add people through a team`,
      );
    },
  ],
});

/** The kind whose exported objects team participants must name. */
const TEAMS = 'teams';
/** The kind whose exported objects a custom role must be one of. */
const ROLES = 'roles';

function participantKey(p: ActualParticipant): string {
  return p.type === 'team' ? p.teamName : p.email;
}

function mapParticipants(ctx: ExportContext, ws: ActualWorkspace): ExportedItems {
  const exportedTeams = ctx.exported(TEAMS);
  const declaredTeams = exportedTeams === undefined ? undefined : new Set(exportedTeams.map((t) => t.name));
  const exportedRoles = ctx.exported(ROLES);
  const declaredRoles = exportedRoles === undefined ? undefined : new Set(exportedRoles.map((r) => r.name));
  const teams: MutableRecord[] = [];
  const users: MutableRecord[] = [];
  const sorted = [...(ws.participants ?? [])].sort((a, b) =>
    participantKey(a) < participantKey(b) ? -1 : participantKey(a) > participantKey(b) ? 1 : 0,
  );
  for (const p of sorted) {
    if (p.type !== 'team' && p.email === ctx.tokenEmail) continue;
    const key = participantKey(p);
    const where =
      p.type === 'team'
        ? address.teamParticipant(ctx.org, ws.name, p.teamName)
        : address.userParticipant(ctx.org, ws.name, p.email);
    if (!isPredefinedRole(p.role) && declaredRoles !== undefined && !declaredRoles.has(p.role)) {
      leaveOut(
        ctx,
        'participants',
        key,
        where,
        `role ${p.role} is not a custom role the organisation file declares`,
      );
      continue;
    }
    if (p.type === 'team' && declaredTeams !== undefined && !declaredTeams.has(p.teamName)) {
      leaveOut(
        ctx,
        'participants',
        key,
        where,
        `team ${p.teamName} is not exported to the organisation file`,
      );
      continue;
    }
    const candidate =
      p.type === 'team' ? { team: p.teamName, role: p.role } : { email: p.email, role: p.role };
    const checked = checkItem(ctx.schema, 'workspace', 'participants', candidate, noFix);
    if (checked.item === undefined) {
      leaveOut(ctx, 'participants', key, where, checked.problem ?? 'invalid');
      continue;
    }
    (p.type === 'team' ? teams : users).push(checked.item);
  }
  return { items: [...teams, ...users] };
}

export const participantsExport: ItemsExport<'workspace'> = {
  part: 'items',
  file: 'workspace',
  key: 'participants',
  uses: [TEAMS, ROLES],
  flowItems: ['participants'],
  map: mapParticipants,
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
      participants: {
        type: 'array',
        items: {
          $ref: '#/$defs/participant',
        },
        description: 'Users and teams with a role in the workspace.',
      },
    },
    $defs: {
      participant: {
        type: 'object',
        additionalProperties: false,
        required: ['role'],
        errorMessage: "a participant has exactly one of 'email' (a user) or 'team' (an organisation team)",
        oneOf: [
          {
            required: ['email'],
          },
          {
            required: ['team'],
          },
        ],
        properties: {
          email: {
            type: 'string',
            format: 'email',
            maxLength: 254,
            patternErrorMessage: 'must be an email address',
            description: 'Email of a user (org member or collaborator); compared case-insensitively.',
          },
          team: {
            type: 'string',
            description: 'Name of an organisation team.',
            maxLength: 40,
            pattern: '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38}$',
            patternErrorMessage:
              "must be 2 to 39 letters or digits, with single '-' or '_' between them (the platform's rule for team names)",
          },
          role: {
            type: 'string',
            minLength: 1,
            maxLength: 40,
            pattern: '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d]))*$',
            patternErrorMessage:
              "is not a role: owner, admin, maintain, launch, connect, view, or a custom role's name (letters or digits, single '-' or '_' between them)",
            description:
              'Workspace role: owner, admin, maintain, launch, connect or view, or the name of a custom role of the organisation.',
          },
        },
      },
    },
  },
  collections: {
    participants: collectionSchema(
      'Delete workspace participants that exist on the platform but are not declared.',
      'Acknowledged extra workspace participants (emails or names): never reported as drift, never pruned.',
    ),
  },
  plan: {
    actions: {
      participant: 'participantAction',
    },
    blockRules: ['lastWorkspaceAdmin', 'unknownTeam'],
    $defs: {
      participantAction: planActionSchema('participant', ['create', 'update', 'delete']),
      participantDesired: {
        type: 'object',
        required: ['type', 'role'],
        properties: {
          type: {
            enum: ['user', 'team'],
          },
          role: {
            type: 'string',
          },
          source: {
            $ref: '#/$defs/sourceRef',
          },
        },
      },
      participantCurrent: {
        type: 'object',
        required: ['type', 'participantId', 'role'],
        properties: {
          type: {
            type: 'string',
          },
          participantId: {
            type: 'integer',
          },
          role: {
            type: 'string',
          },
        },
      },
    },
  },
};

/**
 * Workspace participants on the platform
 * (`/orgs/{orgId}/workspaces/{workspaceId}/participants`): the wire shapes and
 * decoder, the list, the writes (add a member or a team, change a role,
 * remove), and a participant → the live one.
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { contextOf } from '../../api/call-helpers.js';
import { paginate } from '../../api/paginate.js';
import { segment, workspacePath } from '../../api/request-path.js';
import { decodeMember, type Fields } from '../../api/response-shape.js';
import { opt } from '../../api/decoders/optional.js';
import type { OrgRoleDto } from '../../api/dto.js';
import { operations } from '../../api/operations.js';
import type { OperationsContext } from '../../api/call-helpers.js';

import { ApiError } from '../../api/errors.js';
import type { ActualParticipant } from './model.js';
import { emailKey } from '../../model/resources.js';

export type ParticipantTypeDto = string; // MEMBER | TEAM | COLLABORATOR

export interface ParticipantResponseDto {
  participantId: number;
  type: ParticipantTypeDto;
  memberId?: number | null;
  userName?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  orgRole?: OrgRoleDto | null;
  teamId?: number | null;
  teamName?: string | null;
  wspRole: string;
}

/**
 * Workspace participants (ParticipantResponseDto). Team rows send `null` for
 * every member field and member rows `null` for the team fields.
 */
export function decodeParticipant(f: Fields): ParticipantResponseDto {
  return {
    participantId: f.number('participantId'),
    type: f.string('type'),
    ...opt('memberId', f.optNumber('memberId')),
    ...opt('userName', f.optString('userName')),
    ...opt('email', f.optString('email')),
    ...opt('firstName', f.optString('firstName')),
    ...opt('lastName', f.optString('lastName')),
    ...opt('orgRole', f.optString('orgRole')),
    ...opt('teamId', f.optNumber('teamId')),
    ...opt('teamName', f.optString('teamName')),
    wspRole: f.string('wspRole'),
  };
}

export interface ParticipantReads {
  listParticipants(orgId: number, workspaceId: number): Promise<ParticipantResponseDto[]>;
}

const participantsPath = (orgId: number, workspaceId: number): string =>
  `${workspacePath(orgId, workspaceId)}/participants`;

/** The participants kind's own read endpoints. */
export const participantReads = operations(
  'participants (reads)',
  ({ transport: t, pageSize }: OperationsContext): ParticipantReads => {
    return {
      listParticipants: (orgId, workspaceId) =>
        paginate(t, participantsPath(orgId, workspaceId), {}, 'participants', decodeParticipant, pageSize),
    };
  },
);

/** Exactly one of the three. */
export interface AddParticipantRequest {
  memberId?: number;
  teamId?: number;
  userNameOrEmail?: string;
}

export interface ParticipantWrites {
  addParticipant(
    orgId: number,
    workspaceId: number,
    body: AddParticipantRequest,
  ): Promise<ParticipantResponseDto>;
  updateParticipantRole(
    orgId: number,
    workspaceId: number,
    participantId: number,
    role: string,
  ): Promise<void>;
  deleteParticipant(orgId: number, workspaceId: number, participantId: number): Promise<void>;
}

/** The participants kind's own write endpoints. */
export const participantWrites = operations(
  'participants (writes)',
  ({ transport: t }: OperationsContext): ParticipantWrites => {
    return {
      async addParticipant(orgId, workspaceId, body) {
        const result = await t.call({
          method: 'PUT',
          path: `${participantsPath(orgId, workspaceId)}/add`,
          body,
          replaySafe: false,
        });
        return decodeMember(result.body, 'participant', contextOf(result), decodeParticipant);
      },
      async updateParticipantRole(orgId, workspaceId, participantId, role) {
        await t.call({
          method: 'PUT',
          path: `${participantsPath(orgId, workspaceId)}/${segment(participantId)}/role`,
          body: { role },
        });
      },
      async deleteParticipant(orgId, workspaceId, participantId) {
        await t.call({
          method: 'DELETE',
          path: `${participantsPath(orgId, workspaceId)}/${segment(participantId)}`,
        });
      },
    };
  },
);

/**
 * DTO → actual participant. `MEMBER`/`COLLABORATOR`/`TEAM` → `member`/
 * `collaborator`/`team`; an unknown type is classified by what the row
 * carries (a team id → team; else a user, a collaborator when its org role
 * says so), never a failure. A row with neither a team nor a user identity
 * cannot be matched to anything and is an invalid response.
 */
function invalid(path: string, detail: string): ApiError {
  return new ApiError(
    'invalid-response',
    'GET',
    path,
    200,
    undefined,
    `GET ${path} failed: unexpected response (200): ${detail}`,
  );
}

/** `path` names the list the row came from, for the error. */
export function mapParticipant(dto: ParticipantResponseDto, path: string): ActualParticipant {
  const type = dto.type.toUpperCase();
  const isTeam =
    type === 'TEAM' || (type !== 'MEMBER' && type !== 'COLLABORATOR' && typeof dto.teamId === 'number');
  if (isTeam) {
    if (typeof dto.teamId !== 'number' || typeof dto.teamName !== 'string') {
      throw invalid(path, `team participant ${dto.participantId} has no teamId/teamName`);
    }
    return {
      type: 'team',
      participantId: dto.participantId,
      teamId: dto.teamId,
      teamName: dto.teamName,
      role: dto.wspRole,
    };
  }
  if (typeof dto.memberId !== 'number' || typeof dto.email !== 'string') {
    throw invalid(path, `participant ${dto.participantId} has no memberId/email`);
  }
  const collaborator =
    type === 'COLLABORATOR' || (type !== 'MEMBER' && dto.orgRole?.toLowerCase() === 'collaborator');
  return {
    type: collaborator ? 'collaborator' : 'member',
    participantId: dto.participantId,
    memberId: dto.memberId,
    userName: typeof dto.userName === 'string' ? dto.userName : dto.email,
    email: emailKey(dto.email),
    role: dto.wspRole,
  };
}

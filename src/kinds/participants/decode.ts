/**
 * DTO → actual participant. `MEMBER`/`COLLABORATOR`/`TEAM` → `member`/
 * `collaborator`/`team`; an unknown type is classified by what the row
 * carries (a team id → team; else a user, a collaborator when its org role
 * says so), never a failure. A row with neither a team nor a user identity
 * cannot be matched to anything and is an invalid response.
 */
import type { ParticipantResponseDto } from '../../api/workspace-operations.js';
import { ApiError } from '../../api/errors.js';
import type { ActualParticipant } from './model.js';
import { emailKey } from '../../model/resources.js';

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

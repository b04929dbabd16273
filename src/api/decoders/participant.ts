/**
 * Workspace participants (ParticipantResponseDto). Team rows send `null` for
 * every member field and member rows `null` for the team fields.
 */
import type { ParticipantResponseDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

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

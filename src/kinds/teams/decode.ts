/** A team and its members as the API lists them → the live team (with its IdP group, when delegated). */
import type { MemberDbDto, TeamDbDto } from '../../api/org-operations.js';
import type { ActualTeam, ActualTeamMember } from './model.js';
import { emailKey } from '../../model/resources.js';
import { text } from '../kit/live-text.js';

export function mapTeamMember(dto: MemberDbDto): ActualTeamMember {
  return { memberId: dto.memberId, email: emailKey(dto.email) };
}

export function mapTeam(dto: TeamDbDto, members?: readonly ActualTeamMember[]): ActualTeam {
  const description = text(dto.description);
  return {
    teamId: dto.teamId,
    name: dto.name,
    ...(description === undefined ? {} : { description }),
    ...(dto.idpGroupId === undefined ? {} : { idpGroupId: dto.idpGroupId }),
    ...(dto.idpGroupName === undefined ? {} : { idpGroupName: dto.idpGroupName }),
    ...(members === undefined ? {} : { members }),
  };
}

/** DTO → actual state for the token's user, org members, teams and workspaces. */
import type { MemberDbDto, TeamDbDto, UserResponseDto, WorkspaceDbDto } from '../api/dto.js';
import type {
  ActualMember,
  ActualTeam,
  ActualTeamMember,
  ActualUser,
  ActualWorkspace,
} from '../model/actual.js';
import { emailKey, type Visibility } from '../model/resources.js';

/** `PRIVATE`/`SHARED` → `private`/`shared`; a value the tool does not know is kept, lower-cased. */
export function mapVisibility(visibility: string): Visibility {
  // Unknown visibilities are shown as they are rather than failing the read.
  return visibility.toLowerCase() as Visibility;
}

/** A string field, or `undefined` when absent or null. */
export function text(value: string | null | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function mapUser(dto: UserResponseDto): ActualUser {
  return { id: dto.id, userName: dto.userName, email: emailKey(dto.email) };
}

export function mapMember(dto: MemberDbDto): ActualMember {
  return {
    memberId: dto.memberId,
    ...(dto.userId === undefined ? {} : { userId: dto.userId }),
    userName: dto.userName,
    email: emailKey(dto.email),
    role: dto.role,
  };
}

export function mapTeamMember(dto: MemberDbDto): ActualTeamMember {
  return { memberId: dto.memberId, email: emailKey(dto.email) };
}

export function mapTeam(dto: TeamDbDto, members?: readonly ActualTeamMember[]): ActualTeam {
  const description = text(dto.description);
  return {
    teamId: dto.teamId,
    name: dto.name,
    ...(description === undefined ? {} : { description }),
    ...(members === undefined ? {} : { members }),
  };
}

/** A workspace without its collections (the reader adds those it read). */
export function mapWorkspace(dto: WorkspaceDbDto): ActualWorkspace {
  const description = text(dto.description);
  return {
    id: dto.id,
    name: dto.name,
    fullName: dto.fullName,
    ...(description === undefined ? {} : { description }),
    visibility: mapVisibility(dto.visibility),
  };
}

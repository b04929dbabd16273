/**
 * Organisation members on the platform (`/orgs/{orgId}/members`): the wire
 * shape and decoder (also a team member's), the list, the writes, and a member
 * → the live member.
 * The kind's endpoints are `operations` values (`src/api/operations.ts`):
 * callers bind them with `client.use(...)`.
 */
import { contextOf } from '../../api/call-helpers.js';
import { paginate } from '../../api/paginate.js';
import { orgPath, segment } from '../../api/request-path.js';
import type { Fields } from '../../api/response-shape.js';
import { decodeMember } from '../../api/response-shape.js';
import { opt } from '../../api/decoders/optional.js';
import type { OrgRoleDto } from '../../api/dto.js';
import { operations } from '../../api/operations.js';
import type { OperationsContext } from '../../api/call-helpers.js';

import type { ActualMember } from './model.js';
import { emailKey } from '../../model/resources.js';

/** Real list rows carry `memberId` and no `userId`. */
export interface MemberDbDto {
  memberId: number;
  userId?: number;
  userName: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  avatar?: string | null;
  role: OrgRoleDto;
}

/**
 * Org and team members (MemberDbDto). Real rows carry `memberId` and no
 * `userId` (the spec lists both); `userId` is kept only when sent. A row
 * without a user name (none recorded, but the spec does not require one) is
 * named by its email.
 */
export function decodeOrgMember(f: Fields): MemberDbDto {
  const email = f.string('email');
  return {
    memberId: f.number('memberId'),
    ...opt('userId', f.optNumber('userId')),
    userName: f.optString('userName') ?? email,
    email,
    ...opt('firstName', f.optString('firstName')),
    ...opt('lastName', f.optString('lastName')),
    role: f.string('role'),
  };
}

export interface MemberReads {
  listMembers(orgId: number): Promise<MemberDbDto[]>;
}

/** The members kind's own read endpoints. */
export const memberReads = operations(
  'members (reads)',
  ({ transport: t, pageSize }: OperationsContext): MemberReads => {
    return {
      listMembers: (orgId) =>
        paginate(t, `${orgPath(orgId)}/members`, {}, 'members', decodeOrgMember, pageSize),
    };
  },
);

export interface MemberWrites {
  /** PUT /orgs/{orgId}/members/add {user}. */
  addMember(orgId: number, email: string): Promise<MemberDbDto>;
  updateMemberRole(orgId: number, memberId: number, role: string): Promise<void>;
  deleteMember(orgId: number, memberId: number): Promise<void>;
}

/** The members kind's own write endpoints. */
export const memberWrites = operations(
  'members (writes)',
  ({ transport: t }: OperationsContext): MemberWrites => {
    return {
      async addMember(orgId, email) {
        const result = await t.call({
          method: 'PUT',
          path: `${orgPath(orgId)}/members/add`,
          body: { user: email },
          replaySafe: false,
        });
        return decodeMember(result.body, 'member', contextOf(result), decodeOrgMember);
      },
      async updateMemberRole(orgId, memberId, role) {
        await t.call({
          method: 'PUT',
          path: `${orgPath(orgId)}/members/${segment(memberId)}/role`,
          body: { role },
        });
      },
      async deleteMember(orgId, memberId) {
        await t.call({ method: 'DELETE', path: `${orgPath(orgId)}/members/${segment(memberId)}` });
      },
    };
  },
);

/** An org member as the API lists it → the live member. */
export function mapMember(dto: MemberDbDto): ActualMember {
  return {
    memberId: dto.memberId,
    ...(dto.userId === undefined ? {} : { userId: dto.userId }),
    userName: dto.userName,
    email: emailKey(dto.email),
    role: dto.role,
  };
}

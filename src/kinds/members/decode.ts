/** An org member as the API lists it → the live member. */
import type { MemberDbDto } from '../../api/org-operations.js';
import type { ActualMember } from './model.js';
import { emailKey } from '../../model/resources.js';

export function mapMember(dto: MemberDbDto): ActualMember {
  return {
    memberId: dto.memberId,
    ...(dto.userId === undefined ? {} : { userId: dto.userId }),
    userName: dto.userName,
    email: emailKey(dto.email),
    role: dto.role,
  };
}

/**
 * Org and team members (MemberDbDto). Real rows carry `memberId` and no
 * `userId` (the spec lists both); `userId` is kept only when sent. A row
 * without a user name (none recorded, but the spec does not require one) is
 * named by its email.
 */
import type { MemberDbDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export function decodeMember(f: Fields): MemberDbDto {
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

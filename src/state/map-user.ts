/** The token's own user, from `GET /user-info`. */
import type { UserResponseDto } from '../api/user-operations.js';
import type { ActualUser } from '../model/actual.js';
import { emailKey } from '../model/resources.js';

export function mapUser(dto: UserResponseDto): ActualUser {
  return { id: dto.id, userName: dto.userName, email: emailKey(dto.email) };
}

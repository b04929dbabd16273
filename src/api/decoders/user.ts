/** `GET /user-info`: the token's own user. */
import type { DescribeUserResponse, UserResponseDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export function decodeUser(f: Fields): UserResponseDto {
  return {
    id: f.number('id'),
    userName: f.string('userName'),
    email: f.string('email'),
    ...opt('firstName', f.optString('firstName')),
    ...opt('lastName', f.optString('lastName')),
  };
}

/** The whole body: `{user, defaultWorkspaceId?, needConsent?}`. */
export function decodeUserInfo(body: Fields): DescribeUserResponse {
  return {
    user: decodeUser(body.object('user')),
    ...opt('defaultWorkspaceId', body.optNumber('defaultWorkspaceId')),
    ...opt('needConsent', body.optBoolean('needConsent')),
  };
}

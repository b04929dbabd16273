/** The token's own user (`/user-info`): read by the live-state reader, not by any kind. */
import { contextOf, type OperationsContext } from './call-helpers.js';
import { opt } from './decoders/optional.js';
import { operations } from './operations.js';
import { Fields } from './response-shape.js';

export interface UserResponseDto {
  id: number;
  userName: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
}

export interface DescribeUserResponse {
  user: UserResponseDto;
  defaultWorkspaceId?: number | null;
  needConsent?: boolean;
}

/** `GET /user-info`: the token's own user. */
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

export interface UserReads {
  getUserInfo(): Promise<DescribeUserResponse>;
}

/** Who the token is (`GET /user-info`): no kind's, the state reader's. */
export const userReads = operations(
  'user info (reads)',
  ({ transport: t }: OperationsContext): UserReads => ({
    async getUserInfo() {
      const result = await t.call({ method: 'GET', path: '/user-info' });
      return decodeUserInfo(Fields.body(result.body, contextOf(result)));
    },
  }),
);

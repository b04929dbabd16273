/** `GET /user-info`: who the token belongs to. */
import { ok, type EmulatorEnv } from '../env.js';
import type { EmulatorKind } from '../kind.js';
import type { Route } from '../router.js';
import type { JsonObject } from '../json.js';
import type { UserRecord } from '../store.js';
import { orNull } from '../wire.js';

/** UserResponseDto's user. */
export function userDto(user: UserRecord): JsonObject {
  return {
    avatar: null,
    dateCreated: user.dateCreated,
    deleted: false,
    description: null,
    email: user.email,
    firstName: orNull(user.firstName),
    id: user.id,
    lastAccess: user.dateCreated,
    lastName: orNull(user.lastName),
    lastUpdated: user.dateCreated,
    marketingConsent: false,
    notification: null,
    options: { maxRuns: null },
    organization: null,
    termsOfUseConsent: true,
    trusted: true,
    userName: user.userName,
  };
}

function userRoutes(_env: EmulatorEnv): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/user-info',
      handler: (ctx) => ok({ user: userDto(ctx.user), needConsent: false }),
    },
  ];
}

/** The users are the store's container (records.ts): routes only. */
export const usersKind: EmulatorKind = { routes: userRoutes };

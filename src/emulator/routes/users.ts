/** `GET /user-info`: who the token belongs to. */
import { ok, type EmulatorEnv } from '../env.js';
import type { Route } from '../router.js';
import { userDto } from '../wire.js';

export function userRoutes(_env: EmulatorEnv): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/user-info',
      handler: (ctx) => ok({ user: userDto(ctx.user), needConsent: false }),
    },
  ];
}

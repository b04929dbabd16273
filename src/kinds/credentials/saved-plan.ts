/** A saved plan's precondition of a credential: its secret key fields count only as present, never by value. */
import { SENSITIVE, secretKeyFields } from '../../model/secret-fields.js';
import { byNameInWorkspace } from '../kit/precondition.js';
import type { ResourcePrecondition } from '../kind-saved-plan.js';

export const credentialPrecondition: ResourcePrecondition = {
  locate: byNameInWorkspace('credentials'),
  view: (live) => {
    const { provider, keys } = live as { provider?: unknown; keys?: Readonly<Record<string, unknown>> };
    if (typeof provider !== 'string' || keys === undefined) return live;
    const secret = secretKeyFields(provider);
    return {
      ...live,
      keys: Object.fromEntries(
        Object.entries(keys).map(([k, v]) => [k, secret.includes(k) && v !== undefined ? SENSITIVE : v]),
      ),
    };
  },
};

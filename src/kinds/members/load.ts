/** Members in the organisation file: unique by email, stored lower-cased. */
import { emailKey } from '../../model/resources.js';
import { collectionLoad } from '../kind-load.js';
import { byEmail } from '../kit/load-identity.js';

export const membersLoad = collectionLoad({
  file: 'organization',
  key: 'members',
  resource: 'member',
  what: 'member',
  identity: (m) => byEmail(m.email, 'email'),
  normalise: (m, from) => ({ email: emailKey(m.email), role: m.role, source: from.source }),
});

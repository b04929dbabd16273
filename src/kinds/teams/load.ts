/** Teams in the organisation file: unique by name, their member emails unique and stored lower-cased. */
import { emailKey } from '../../model/resources.js';
import { collectionLoad } from '../kind-load.js';
import { opt } from '../../api/decoders/optional.js';
import { byEmail, byName } from '../kit/load-identity.js';

export const teamsLoad = collectionLoad({
  file: 'organization',
  key: 'teams',
  resource: 'team',
  what: 'team',
  identity: byName,
  nested: (t) => [
    {
      field: 'members',
      what: `member of team ${t.name}`,
      items: t.members,
      identity: (email) => byEmail(email, ''),
    },
  ],
  normalise: (t, from) => ({
    name: t.name,
    ...opt('description', t.description),
    ...opt('members', t.members?.map(emailKey)),
    source: from.source,
  }),
});

/**
 * Credentials (list rows and `GET /credentials/{id}`). The provider is
 * `provider`; rows in the 2021 shape name it `discriminator` instead (and
 * `keys.discriminator` always repeats it): the first one present is the
 * provider, mapped here once. A row may carry no `keys` at all (the list
 * leaves them out for some providers): `keys` is then undefined, not `{}`, so
 * a reader can tell "no key fields returned" from "no key fields".
 */
import type { Credentials } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export function decodeCredentials(f: Fields): Credentials & { id: string } {
  const keys = f.optObject('keys');
  const provider =
    f.optString('provider') ?? f.optString('discriminator') ?? keys?.optString('discriminator');
  return {
    id: f.string('id'),
    name: f.string('name'),
    provider: provider ?? f.fail('provider', "a string (nor is 'discriminator')"),
    ...opt('description', f.optString('description')),
    ...opt('baseUrl', f.optString('baseUrl')),
    ...opt('category', f.optString('category')),
    ...opt('keys', keys?.copy()),
  };
}

/** The identities most collections use in the configuration files: a name, or an email compared trimmed and lower-cased. */
import { emailKey } from '../../model/resources.js';
import type { Identity } from '../kind-load.js';

/** Unique by `name`, reported at the item's `name`. */
export function byName(item: { readonly name: string }): Identity {
  return { key: item.name, field: 'name', label: item.name };
}

/** Unique by email (trimmed, lower-cased), reported at `field` (`''`: the entry itself). */
export function byEmail(email: string, field: string): Identity {
  return { key: emailKey(email), field, label: email.trim() };
}

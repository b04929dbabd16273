/**
 * Duplicates: each kind's list in a file is unique by the identity its load
 * facet gives (a name, or an email compared trimmed and lower-cased), and so
 * are the lists inside an item it names; the organisation's protected users
 * are unique by email.
 */
import type { Kind } from '../../kinds/kind.js';
import type { ConfigFile } from '../../kinds/kind-load.js';
import { emailKey } from '../../model/resources.js';
import { itemsOf, loadsOf } from '../collections.js';
import { filesOf, reportDuplicates, type Rule } from './rule.js';

/** Repeats in the kinds' lists of every `file` of the configuration (kinds in registry order). */
export function collectionDuplicates(kinds: readonly Kind[], file: ConfigFile): Rule {
  const loads = loadsOf(kinds, file);
  return (ctx) => {
    for (const loaded of ctx.orgs.flatMap((org) => filesOf(org, file))) {
      for (const load of loads) {
        const items = itemsOf(loaded.written, load.key);
        reportDuplicates(ctx, loaded, `/${load.key}`, items, load.identity, load.what);
        if (load.nested === undefined) continue;
        const nestedOf = load.nested;
        (items ?? []).forEach((item, index) => {
          for (const list of nestedOf(item)) {
            const pointer = `/${load.key}/${String(index)}/${list.field}`;
            reportDuplicates(ctx, loaded, pointer, list.items, list.identity, list.what);
          }
        });
      }
    }
  };
}

export const protectedUserDuplicates: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    const file = org.organization;
    if (file === undefined) continue;
    reportDuplicates(
      ctx,
      file,
      '/policy/protectedUsers',
      file.written.policy?.protectedUsers,
      (email) => ({ key: emailKey(email), field: '', label: email.trim() }),
      'protected user',
    );
  }
};

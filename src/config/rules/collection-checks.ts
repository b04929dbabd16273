/**
 * The kinds' own rules over their lists (`checks` of a load facet): what a
 * schema cannot express about one list, such as at most one primary compute
 * environment in a workspace. Each runs on every file that declares the
 * list, with the file and the organisation file in view.
 */
import type { Kind } from '../../kinds/kind.js';
import type { ListCheck } from '../../kinds/kind-load.js';
import { itemsOf, loadsOf } from '../collections.js';
import { pointerOf } from '../../formats/json-pointer.js';
import { filesOf, type Rule } from './rule.js';

export function collectionChecks(kinds: readonly Kind[]): Rule {
  const loads = loadsOf(kinds).filter((load) => load.checks !== undefined);
  return (ctx) => {
    for (const load of loads) {
      for (const org of ctx.orgs) {
        for (const file of filesOf(org, load.file)) {
          const items = itemsOf(file.written, load.key);
          if (items === undefined) continue;
          const list: ListCheck<unknown, unknown> = {
            items,
            file: file.written,
            filePath: file.ref.absolutePath,
            fileDisplay: file.ref.display,
            organization: org.organization?.written,
            listPointer: pointerOf([load.key]),
            pointer: (index, ...fields) => pointerOf([load.key, index, ...fields]),
            line: (pointer) => file.locate(pointer).line,
            report: (pointer, message) => {
              ctx.report(file, pointer, message);
            },
          };
          for (const check of load.checks ?? []) check(list);
        }
      }
    }
  };
}

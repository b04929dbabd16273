/**
 * References resolve: a field of an item that names another kind's item
 * (declared `checkedOnLoad` on the resource's references) names one declared
 * in the same workspace file, or in the organisation file when the target
 * lives there. It is checked only when the target list is declared: an
 * unmanaged one is looked up on the platform at plan time. Once found, the
 * referring kind may check that the target suits the item (`suits`).
 */
import type { Kind } from '../../kinds/kind.js';
import type { KindLoad } from '../../kinds/kind-load.js';
import { fieldOf, itemsOf, loadsOf } from '../collections.js';
import type { LoadedFile } from '../load-file.js';
import { filesOf, type OrgConfig, type Rule } from './rule.js';

/** A reference still holding an unset `${VAR}` (validate mode) cannot be checked offline. */
const unresolved = (name: string): boolean => name.includes('${');

const listed = (names: readonly string[]): string => (names.length === 0 ? 'none' : names.join(', '));

/** The names a reference field holds, each with its pointer. */
function namesAt(value: unknown, pointer: string): { readonly name: string; readonly pointer: string }[] {
  if (typeof value === 'string') return [{ name: value, pointer }];
  if (!Array.isArray(value)) return [];
  return (value as readonly unknown[]).flatMap((name, i) =>
    typeof name === 'string' ? [{ name, pointer: `${pointer}/${String(i)}` }] : [],
  );
}

interface ReferenceCheck {
  readonly from: KindLoad;
  readonly field: string;
  readonly to: KindLoad;
}

/**
 * The references marked `checkedOnLoad` of the kinds' listed resources;
 * throws when one names a resource no kind lists in the files (a mistake in
 * a kind's declaration, not in the user's files).
 */
export function referenceChecks(kinds: readonly Kind[]): readonly ReferenceCheck[] {
  const loads = loadsOf(kinds);
  const specs = kinds.flatMap((kind) => kind.resources);
  return loads.flatMap((from) =>
    (specs.find((spec) => spec.kind === from.resource)?.references ?? []).flatMap((reference) => {
      if (reference.checkedOnLoad !== true) return [];
      const to = loads.find((load) => load.resource === reference.to);
      if (to === undefined) {
        throw new Error(
          `${from.resource}.${reference.field} is checked on load, but no kind lists ${reference.to} in the files`,
        );
      }
      return [{ from, field: reference.field, to }];
    }),
  );
}

/** The file holding the target list for a referring file, and how messages name it. */
function targetFile(
  check: ReferenceCheck,
  org: OrgConfig,
  referrer: LoadedFile<unknown>,
): { readonly file: LoadedFile<unknown>; readonly where: string } | undefined {
  if (check.to.file === check.from.file) return { file: referrer, where: `this ${check.to.file}` };
  // Only the organisation file is shared: a workspace's list is out of reach of other files.
  if (check.to.file !== 'organization' || org.organization === undefined) return undefined;
  return { file: org.organization, where: `${org.name}/organization.yaml` };
}

export function referencesResolve(kinds: readonly Kind[]): Rule {
  const checks = referenceChecks(kinds);
  return (ctx) => {
    for (const check of checks) {
      for (const org of ctx.orgs) {
        for (const referrer of filesOf(org, check.from.file)) {
          const target = targetFile(check, org, referrer);
          const targets = target === undefined ? undefined : itemsOf(target.file.written, check.to.key);
          if (target === undefined || targets === undefined) continue;
          const labelOf = (item: unknown): string | undefined => check.to.identity(item)?.label;
          (itemsOf(referrer.written, check.from.key) ?? []).forEach((item, index) => {
            const itemPointer = `/${check.from.key}/${String(index)}/${check.field}`;
            // The field holds one name, or a list of names (each checked at its own pointer).
            for (const { name, pointer } of namesAt(fieldOf(item, check.field), itemPointer)) {
              if (unresolved(name)) continue;
              const found = targets.find((candidate) => labelOf(candidate) === name);
              if (found === undefined) {
                const declared = targets.flatMap((candidate) => labelOf(candidate) ?? []);
                ctx.report(
                  referrer,
                  pointer,
                  `${check.field} '${name}' is not a ${check.to.what} of ${target.where} (declared: ${listed(declared)})`,
                );
                continue;
              }
              const problem = check.from.suits?.[check.field]?.(item, found);
              if (problem !== undefined) ctx.report(referrer, pointer, problem);
            }
          });
        }
      }
    }
  };
}

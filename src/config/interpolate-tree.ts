/**
 * Interpolates every string of a parsed file (SPEC 3.4), except values under a
 * verbatim key (scripts, config text) and secret fields (kept as their
 * `${VAR}` reference: they become `SecretRef`s, never values). Pure: reports
 * findings with JSON pointers; the loader turns them into diagnostics.
 */
import { secretKeyFields } from '../model/secret-fields.js';
import { interpolateString } from './interpolate.js';
import { pointerOf } from './json-pointer.js';
import type { FileKind } from './schema-validator.js';

export type InterpolationFinding =
  | { readonly kind: 'malformed'; readonly pointer: string; readonly text: string }
  | { readonly kind: 'unset'; readonly pointer: string; readonly name: string };

export interface TreeInterpolation {
  readonly value: unknown;
  readonly findings: readonly InterpolationFinding[];
}

export interface TreeOptions {
  readonly variables: ReadonlyMap<string, string>;
  readonly verbatimKeys: ReadonlySet<string>;
  /** True for a path whose string is a secret reference (left as written). */
  readonly isSecret: (path: readonly (string | number)[]) => boolean;
}

export function interpolateTree(value: unknown, options: TreeOptions): TreeInterpolation {
  const findings: InterpolationFinding[] = [];
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      const key = path.at(-1);
      if ((typeof key === 'string' && options.verbatimKeys.has(key)) || options.isSecret(path)) return node;
      const result = interpolateString(node, options.variables);
      const pointer = pointerOf(path);
      for (const text of result.malformed) findings.push({ kind: 'malformed', pointer, text });
      for (const name of result.unset) findings.push({ kind: 'unset', pointer, name });
      return result.value;
    }
    if (Array.isArray(node)) return node.map((item: unknown, i) => walk(item, [...path, i]));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    return node;
  };
  return { value: walk(value, []), findings };
}

/** Secret paths of a file: a credential's provider-specific secret keys, and a secret's `value`. */
export function secretPathsOf(
  kind: FileKind,
  root: unknown,
): (path: readonly (string | number)[]) => boolean {
  if (kind === 'organization') return () => false;
  return (path) => {
    if (path.length === 3 && path[0] === 'secrets' && path[2] === 'value') return true;
    if (path.length !== 4 || path[0] !== 'credentials' || path[2] !== 'keys') return false;
    const credential = credentialAt(root, path[1]);
    const provider = credential?.provider;
    return typeof provider === 'string' && secretKeyFields(provider).includes(String(path[3]));
  };
}

function credentialAt(root: unknown, index: string | number | undefined): { provider?: unknown } | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  const list = (root as { credentials?: unknown }).credentials;
  if (!Array.isArray(list)) return undefined;
  const item: unknown = list[Number(index)];
  return typeof item === 'object' && item !== null ? item : undefined;
}

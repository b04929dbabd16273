/**
 * Where `${NAME}` may appear in a parsed file, and what each string becomes.
 * Pure: reports problems with JSON pointers; the loader turns them into
 * diagnostics.
 *
 * - verbatim fields (the schema's `x-verbatim` keys: scripts, config text)
 *   are left exactly as written;
 * - secret fields (a credential's provider-specific secret keys, a secret's
 *   `value`) must be a single `${NAME}` and become a `SecretRef`;
 * - any other direct field of a credential's `keys` is a literal or a single
 *   `${NAME}` (then a `SecretRef` too);
 * - everywhere else a reference is an error, and `$${` reads as `${`.
 *
 * Values are never resolved here: a `SecretRef` is resolved from the
 * workspace's own variables at the last moment before a request.
 */
import type { SecretRef } from '../model/resources.js';
import { secretKeyFields } from '../model/secret-fields.js';
import { literalOf, malformedMessage, scanReferences } from './interpolate.js';
import { pointerOf } from './json-pointer.js';
import type { FileKind } from './schema-validator.js';

export const OUTSIDE_MESSAGE =
  'variables are resolved only in credential keys and secret values; write `$${` for a literal `${`';
export const LITERAL_SECRET_MESSAGE =
  'secrets must not be committed: write a single ${NAME} reference and set NAME for this workspace in SEQERA_SYNC_VARS';
export const KEY_FIELD_MESSAGE =
  'a credential key field is a literal or a single ${NAME} reference (write `$${` for a literal `${`)';

export interface ReferenceFinding {
  readonly pointer: string;
  readonly message: string;
}

/** Where a `${NAME}` is found: the variable and the JSON pointer of its field. */
export interface ReferenceUse {
  readonly name: string;
  readonly pointer: string;
}

export interface TreeCheck {
  /** The value with literals unescaped and references turned into `SecretRef`s. */
  readonly value: unknown;
  readonly findings: readonly ReferenceFinding[];
  readonly references: readonly ReferenceUse[];
}

export interface TreeOptions {
  readonly verbatimKeys: ReadonlySet<string>;
  /** True for a path whose string must be a single reference. */
  readonly isSecret: (path: readonly (string | number)[]) => boolean;
  /** True for a path whose string may be a single reference (a credential's key field). */
  readonly isKeyField: (path: readonly (string | number)[]) => boolean;
}

type Role = 'secret' | 'key' | 'other';

export function checkReferences(value: unknown, options: TreeOptions): TreeCheck {
  const findings: ReferenceFinding[] = [];
  const references: ReferenceUse[] = [];
  const string = (text: string, path: readonly (string | number)[], role: Role): unknown => {
    const pointer = pointerOf(path);
    const pieces = scanReferences(text);
    const malformed = pieces.filter((p) => p.kind === 'malformed');
    if (malformed.length > 0) {
      for (const piece of malformed) {
        // A secret field's text may be the secret itself, mistyped: it is never quoted back.
        const message =
          role === 'secret'
            ? `${String(path.at(-1))}: malformed variable reference: ${piece.reason}; write a single \${NAME}`
            : malformedMessage(piece);
        findings.push({ pointer, message });
      }
      return text;
    }
    const [first] = pieces;
    if (role !== 'other' && pieces.length === 1 && first?.kind === 'reference') {
      references.push({ name: first.name, pointer });
      const ref: SecretRef = { secretRef: first.name };
      return ref;
    }
    const hasReference = pieces.some((p) => p.kind === 'reference');
    if (role === 'secret')
      findings.push({ pointer, message: `${String(path.at(-1))}: ${LITERAL_SECRET_MESSAGE}` });
    else if (hasReference)
      findings.push({ pointer, message: role === 'key' ? KEY_FIELD_MESSAGE : OUTSIDE_MESSAGE });
    return hasReference ? text : literalOf(pieces);
  };
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      const key = path.at(-1);
      if (typeof key === 'string' && options.verbatimKeys.has(key)) return node;
      const role: Role = options.isSecret(path) ? 'secret' : options.isKeyField(path) ? 'key' : 'other';
      return string(node, path, role);
    }
    if (Array.isArray(node)) return node.map((item: unknown, i) => walk(item, [...path, i]));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    return node;
  };
  return { value: walk(value, []), findings, references };
}

/** True for a direct field of a credential's `keys` in a workspace file. */
export function keyFieldPathsOf(kind: FileKind): (path: readonly (string | number)[]) => boolean {
  if (kind === 'organization') return () => false;
  return (path) => path.length === 4 && path[0] === 'credentials' && path[2] === 'keys';
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

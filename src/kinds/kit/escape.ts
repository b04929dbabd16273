/**
 * Escaping live values so that `${NAME}` interpolation (src/formats/interpolate.ts) gives them
 * back exactly: every `${` in an interpolated string becomes `$${` (a literal
 * `${`). Strings under a verbatim key (scripts, config text: never
 * interpolated) and secret fields (the export's own `${VAR}` references) are
 * left as they are. Object keys are never interpolated, so never escaped.
 * The walk mirrors the loader's (`src/formats/interpolate-tree.ts`): a string
 * is verbatim when the key it sits under (not an array index) is verbatim.
 */

/** `a${b}` → `a$${b}`: interpolating the result gives the input back. */
export function escapeInterpolation(text: string): string {
  // A function replacer: in a replacement string `$$` would mean one `$`.
  return text.replaceAll('${', () => '$${');
}

export interface EscapeOptions {
  /** Keys whose string values are never interpolated (schema `x-verbatim`). */
  readonly verbatimKeys: ReadonlySet<string>;
  /** True for a path whose string is a secret reference (left as written). */
  readonly isSecret: (path: readonly (string | number)[]) => boolean;
}

/** A copy of `value` with every interpolated string escaped. */
export function escapeTree<T>(value: T, options: EscapeOptions): T {
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'string') {
      const key = path.at(-1);
      if ((typeof key === 'string' && options.verbatimKeys.has(key)) || options.isSecret(path)) return node;
      return escapeInterpolation(node);
    }
    if (Array.isArray(node)) return node.map((item: unknown, i) => walk(item, [...path, i]));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    return node;
  };
  return walk(value, []) as T;
}

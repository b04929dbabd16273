/**
 * Diagnostics: what validation (schema and semantic) reports. Every diagnostic
 * names the file, the 1-based line and column, and the JSON pointer of the value
 * it is about, so a user can jump straight to it and CI can annotate it.
 */
export type Severity = 'error' | 'warning';

/** Where a value was written: file (relative to the config dir's parent, as given), line, column, pointer. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** JSON pointer inside the file, e.g. `/participants/2/role`. */
  readonly pointer: string;
}

export interface Diagnostic extends SourceRef {
  readonly severity: Severity;
  readonly message: string;
}

/** Result of loading: never throws for bad input, collects every diagnostic. */
export type Loaded<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * How field values read in the human formats (text and markdown): strings
 * quoted, arrays and objects as compact JSON, long values cut with `…`, and
 * anything secret as `(sensitive)` (`(sensitive, from ${NAME})` when it
 * comes from a variable). Secret means: a change marked
 * `sensitive`, any `SecretRef` (at any depth), and the secret fields each
 * kind's view declares (a credential's secret keys, a pipeline secret's value).
 * These checks are deliberately redundant with the planner's `sensitive`
 * flag: a renderer must never print a secret even if a plan carries one.
 */
import type { FieldChange, PlanAction } from '../model/plan.js';
import { isSecretRef } from '../model/resources.js';
import { SENSITIVE } from '../model/secret-fields.js';
import { specOf } from '../kinds/graph.js';
import { isNestedChange, nestedChangeLines } from './nested-diff.js';

/** Longest rendered value, in characters (before quoting and escaping). */
export const MAX_VALUE_CHARS = 100;

/** Characters of shared prefix kept before the first difference of two long strings. */
const DIFF_CONTEXT_CHARS = 20;

/** Secret key field names inside an action's values (a credential's provider's secret keys; none for most kinds). */
export function secretFieldsOf(action: PlanAction): readonly string[] {
  return specOf(action.kind).view.secretFields?.(action) ?? [];
}

/** True when this change's values must not be shown. */
export function isSensitiveChange(action: PlanAction, change: FieldChange): boolean {
  if (change.sensitive === true || isSecretRef(change.from) || isSecretRef(change.to)) return true;
  const path = change.field.split('.');
  const always = specOf(action.kind).view.sensitiveFields;
  if (always !== undefined) return always.includes(path[0] ?? '');
  const keyName = path[0] === 'keys' ? path[1] : path[0];
  return keyName !== undefined && secretFieldsOf(action).includes(keyName);
}

/** Replaces SecretRefs (anywhere) and the given secret field names (at any depth) by `(sensitive)`. */
function redact(value: unknown, secretFields: readonly string[]): unknown {
  if (isSecretRef(value)) return SENSITIVE;
  if (Array.isArray(value)) return value.map((item) => redact(item, secretFields));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = secretFields.includes(key) && item !== undefined ? SENSITIVE : redact(item, secretFields);
    }
    return out;
  }
  return value;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A quoted window of `text` starting at `start`, with `…` where it was cut. */
function quoteWindow(text: string, start: number, max: number): string {
  const end = Math.min(text.length, start + max);
  const body = JSON.stringify(text.slice(start, end)).slice(1, -1);
  return `"${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}"`;
}

/** `(sensitive, from ${NAME})` for a value that comes from a variable, else `(sensitive)`. */
export function sensitiveFrom(value: unknown): string {
  return isSecretRef(value) ? `(sensitive, from \${${value.secretRef}})` : SENSITIVE;
}

/** One value, readable and bounded: `"text"`, `42`, `true`, `["a","b"]`, `(none)` when absent. */
export function formatValue(value: unknown, max = MAX_VALUE_CHARS): string {
  if (value === undefined) return '(none)';
  if (value === SENSITIVE || isSecretRef(value)) return sensitiveFrom(value);
  if (typeof value === 'string') return quoteWindow(value, 0, max);
  const text = JSON.stringify(redact(value, [])) as string | undefined;
  return cut(text ?? `(${typeof value})`, max);
}

/**
 * `old → new` for two values. Two long strings are shown from just before
 * their first difference, so a change deep in a script stays visible.
 */
function formatPair(from: unknown, to: unknown): string {
  if (
    typeof from === 'string' &&
    typeof to === 'string' &&
    from !== SENSITIVE &&
    to !== SENSITIVE &&
    (from.length > MAX_VALUE_CHARS || to.length > MAX_VALUE_CHARS)
  ) {
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    const start = Math.max(0, common - DIFF_CONTEXT_CHARS);
    return `${quoteWindow(from, start, MAX_VALUE_CHARS)} → ${quoteWindow(to, start, MAX_VALUE_CHARS)}`;
  }
  return `${formatValue(from)} → ${formatValue(to)}`;
}

/**
 * One change as lines: `field: new` for a create, `field: old` for a
 * delete, `field: old → new` otherwise, `field: (sensitive)` for secrets.
 * An object value is shown key by key (see nested-diff.ts): `field: {`,
 * one `+`/`~`/`-` line per key that differs, the unchanged ones folded, `}`.
 */
export function formatChange(action: PlanAction, change: FieldChange): string[] {
  if (isSensitiveChange(action, change))
    return [`${change.field}: ${sensitiveFrom(change.to ?? change.from)}`];
  const secretFields = secretFieldsOf(action);
  const from = redact(change.from, secretFields);
  const to = redact(change.to, secretFields);
  const mode = action.type === 'create' || action.type === 'delete' ? action.type : 'update';
  if (isNestedChange(mode === 'create' ? undefined : from, mode === 'delete' ? undefined : to)) {
    return nestedChangeLines(change.field, from, to, mode, {
      value: (value) => formatValue(value),
      pair: formatPair,
    });
  }
  if (mode === 'create') return [`${change.field}: ${formatValue(to)}`];
  if (mode === 'delete') return [`${change.field}: ${formatValue(from)}`];
  return [`${change.field}: ${formatPair(from, to)}`];
}

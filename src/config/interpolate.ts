/**
 * `${NAME}` interpolation of one string (SPEC 3.4). Pure: the caller supplies
 * the variables and decides what an unset variable means (a warning for
 * `validate`, an error for `plan`).
 *
 * - `${NAME}` with NAME = `[A-Z_][A-Z0-9_]*` is replaced by the variable;
 * - `$${` is a literal `${`;
 * - a `$` not followed by `{` is literal (`$TW_AGENT_WORK` stays as written);
 * - any other `${` (lower case, `${task.cpus}`, no closing brace) is malformed.
 */
import { VARIABLE_NAME } from './variables.js';

export interface InterpolationResult {
  /** The interpolated text; unset variables are left as `${NAME}`. */
  readonly value: string;
  /** Referenced variables that have no value, in order of first use. */
  readonly unset: readonly string[];
  /** Malformed references, as written (e.g. `${task.cpus}`), in order. */
  readonly malformed: readonly string[];
}

export function interpolateString(text: string, variables: ReadonlyMap<string, string>): InterpolationResult {
  let value = '';
  const unset: string[] = [];
  const malformed: string[] = [];
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      value += text.slice(i);
      break;
    }
    value += text.slice(i, dollar);
    if (text.startsWith('$${', dollar)) {
      value += '${';
      i = dollar + 3;
    } else if (text.startsWith('${', dollar)) {
      const close = text.indexOf('}', dollar + 2);
      const name = close < 0 ? undefined : text.slice(dollar + 2, close);
      if (name === undefined || !VARIABLE_NAME.test(name)) {
        malformed.push(close < 0 ? truncate(text.slice(dollar)) : text.slice(dollar, close + 1));
        value += text.slice(dollar, close < 0 ? text.length : close + 1);
        i = close < 0 ? text.length : close + 1;
      } else {
        const resolved = variables.get(name);
        if (resolved === undefined) {
          if (!unset.includes(name)) unset.push(name);
          value += `\${${name}}`;
        } else {
          value += resolved;
        }
        i = close + 1;
      }
    } else {
      value += '$';
      i = dollar + 1;
    }
  }
  return { value, unset, malformed };
}

/** The variable name of a whole-string `${NAME}` reference, else undefined. */
export function singleReference(text: string): string | undefined {
  const match = /^\$\{([A-Z_][A-Z0-9_]*)\}$/.exec(text);
  return match?.[1];
}

function truncate(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

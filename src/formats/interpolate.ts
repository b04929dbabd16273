/**
 * `${NAME}` references in one string. Pure: splits the text into literal
 * text, references and malformed references; the tree checker decides where
 * each is allowed.
 *
 * - `${NAME}` with NAME = `[A-Z_][A-Z0-9_]*` is a reference;
 * - `$${` is a literal `${`;
 * - a `$` not followed by `{` is literal (`$TW_AGENT_WORK` stays as written);
 * - any other `${` (`${}`, `${ausgen-key}`, `${task.cpus}`, no closing brace) is malformed.
 */

/** A variable name: `[A-Z_][A-Z0-9_]*`. */
export const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]*$/;

export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'reference'; readonly name: string }
  | {
      readonly kind: 'malformed';
      readonly text: string;
      /** What is wrong, with a suggestion built from the text. */
      readonly problem: string;
      /** What is wrong, quoting nothing of the text. */
      readonly reason: string;
    };

/** Longest malformed reference quoted back in a message. */
const MAX_QUOTED = 40;

/** The pieces of `text`, in order; adjacent literal text is merged and `$${` already reads `${`. */
export function scanReferences(text: string): readonly Piece[] {
  const pieces: Piece[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal !== '') pieces.push({ kind: 'text', text: literal });
    literal = '';
  };
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      literal += text.slice(i);
      break;
    }
    literal += text.slice(i, dollar);
    if (text.startsWith('$${', dollar)) {
      literal += '${';
      i = dollar + 3;
    } else if (text.startsWith('${', dollar)) {
      const close = text.indexOf('}', dollar + 2);
      flush();
      if (close < 0) {
        pieces.push({
          kind: 'malformed',
          text: cut(text.slice(dollar)),
          problem: unclosedProblem,
          reason: unclosedProblem,
        });
        i = text.length;
      } else {
        const name = text.slice(dollar + 2, close);
        if (VARIABLE_NAME.test(name)) pieces.push({ kind: 'reference', name });
        else
          pieces.push({
            kind: 'malformed',
            text: cut(text.slice(dollar, close + 1)),
            problem: nameProblem(name),
            reason: name === '' ? 'the name is empty' : NAME_RULE,
          });
        i = close + 1;
      }
    } else {
      literal += '$';
      i = dollar + 1;
    }
  }
  flush();
  return pieces;
}

const unclosedProblem = 'it has no closing }';
const NAME_RULE = 'a name is A-Z, 0-9 and _, not starting with a digit';

function nameProblem(name: string): string {
  if (name === '') return 'the name is empty';
  const suggestion = name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  const fixed = /^[0-9]/.test(suggestion) ? `_${suggestion}` : suggestion;
  return `${NAME_RULE} (e.g. \${${fixed}})`;
}

/** The message of a malformed reference. */
export function malformedMessage(piece: { readonly text: string; readonly problem: string }): string {
  return `malformed variable reference '${piece.text}': ${piece.problem}; write $\${ for a literal \${`;
}

/** The text with `$${` read as `${` (only meaningful when it holds no reference). */
export function literalOf(pieces: readonly Piece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}

/** The variable name of a whole-string `${NAME}` reference, else undefined. */
export function singleReference(text: string): string | undefined {
  const match = /^\$\{([A-Z_][A-Z0-9_]*)\}$/.exec(text);
  return match?.[1];
}

function cut(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

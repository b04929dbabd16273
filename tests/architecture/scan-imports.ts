/**
 * The module specifiers a TypeScript file imports, found by a small lexer
 * rather than the compiler (loading `typescript` alone takes seconds on a
 * busy machine). The lexer skips comments and reads string, template and
 * regular-expression literals whole, so text inside them is never taken for
 * an import; then a few token patterns cover every form of import:
 * `from '<spec>'` (import and export declarations, type-only or not),
 * `import '<spec>'` (side effects only), `import('<spec>')` (dynamic
 * imports and `import('<spec>').T` types) and `import x = require('<spec>')`.
 * (`declare module '<spec>'` blocks, found only in declaration files, are
 * not read.)
 */

/**
 * A word (identifier, keyword or number), one punctuation character, the
 * value of a string literal, or anything else (template and regular
 * expression literals); `text` is empty for the last kind. One shape for
 * all kinds keeps the scan fast.
 */
interface Token {
  readonly kind: 'word' | 'punct' | 'string' | 'other';
  readonly text: string;
}

const OTHER: Token = { kind: 'other', text: '' };

/** Keywords after which a `/` starts a regular expression, not a division. */
const regexAfterWords = new Set([
  'await',
  'case',
  'delete',
  'do',
  'else',
  'in',
  'instanceof',
  'new',
  'of',
  'return',
  'throw',
  'typeof',
  'void',
  'yield',
]);

/** Letters, digits, `_`, `$` and anything beyond ASCII (by char code, for speed). */
function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code >= 128
  );
}

/** Space, tab, line breaks, form feed, vertical tab. */
function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function regexMayStart(previous: Token | undefined): boolean {
  if (previous === undefined) return true;
  switch (previous.kind) {
    case 'word':
      return regexAfterWords.has(previous.text);
    case 'punct':
      return previous.text !== ')' && previous.text !== ']' && previous.text !== '}';
    case 'string':
    case 'other':
      return false;
  }
}

/** Splits TypeScript source into the tokens the import patterns need. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  /** For each open `{`: whether it opened a template's `${` (true) or a block (false). */
  const braces: boolean[] = [];
  let at = 0;
  /** Reads a template from just after a backtick or a `}` that closes `${`. */
  const readTemplate = (): void => {
    while (at < text.length) {
      const char = text[at];
      if (char === '\\') at += 2;
      else if (char === '`') {
        at += 1;
        tokens.push(OTHER);
        return;
      } else if (char === '$' && text[at + 1] === '{') {
        at += 2;
        braces.push(true);
        tokens.push({ kind: 'punct', text: '(' });
        return;
      } else at += 1;
    }
  };
  while (at < text.length) {
    const code = text.charCodeAt(at);
    const char = text[at] ?? '';
    const next = text[at + 1];
    if (isSpaceCode(code)) {
      at += 1;
    } else if (char === '/' && next === '/') {
      const end = text.indexOf('\n', at);
      at = end === -1 ? text.length : end;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', at + 2);
      at = end === -1 ? text.length : end + 2;
    } else if (char === '"' || char === "'") {
      const start = at + 1;
      let escaped = false;
      at = start;
      while (at < text.length && text[at] !== char && text[at] !== '\n') {
        if (text[at] === '\\') {
          escaped = true;
          at += 1;
        }
        at += 1;
      }
      const raw = text.slice(start, at);
      at += 1;
      // `\x` is read as `x`: exact for the escapes a module name may hold.
      tokens.push({ kind: 'string', text: escaped ? raw.replace(/\\(.)/g, '$1') : raw });
    } else if (char === '`') {
      at += 1;
      readTemplate();
    } else if (char === '/' && regexMayStart(tokens[tokens.length - 1])) {
      let inClass = false;
      at += 1;
      while (at < text.length && text[at] !== '\n') {
        const inner = text[at];
        if (inner === '\\') at += 1;
        else if (inner === '[') inClass = true;
        else if (inner === ']') inClass = false;
        else if (inner === '/' && !inClass) break;
        at += 1;
      }
      at += 1;
      while (at < text.length && isWordCode(text.charCodeAt(at))) at += 1;
      tokens.push(OTHER);
    } else if (isWordCode(code)) {
      const start = at;
      while (at < text.length && isWordCode(text.charCodeAt(at))) at += 1;
      tokens.push({ kind: 'word', text: text.slice(start, at) });
    } else {
      at += 1;
      if (char === '{') braces.push(false);
      if (char === '}' && braces.pop() === true) {
        tokens.push(OTHER);
        readTemplate();
      } else {
        tokens.push({ kind: 'punct', text: char });
      }
    }
  }
  return tokens;
}

/** Whether the `require` at `index` is the right side of `import x = require(...)`. */
function isImportEquals(tokens: readonly Token[], index: number): boolean {
  const [equals, name, keyword, before] = [1, 2, 3, 4].map((back) => tokens[index - back]);
  if (equals?.kind !== 'punct' || equals.text !== '=' || name?.kind !== 'word' || keyword?.kind !== 'word')
    return false;
  return (
    keyword.text === 'import' ||
    (keyword.text === 'type' && before?.kind === 'word' && before.text === 'import')
  );
}

/** The module specifiers `text` imports, in order of appearance. */
export function importSpecifiers(text: string): string[] {
  const tokens = tokenize(text);
  const found: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (
      token.kind !== 'word' ||
      !(token.text === 'from' || token.text === 'import' || token.text === 'require')
    ) {
      continue;
    }
    const previous = tokens[index - 1];
    if (previous?.kind === 'punct' && previous.text === '.') continue;
    const next = tokens[index + 1];
    if (token.text !== 'require' && next?.kind === 'string') {
      found.push(next.text);
      continue;
    }
    const argument = tokens[index + 2];
    if (next?.kind !== 'punct' || next.text !== '(' || argument?.kind !== 'string') continue;
    if (token.text === 'import' || isImportEquals(tokens, index)) found.push(argument.text);
  }
  return found;
}

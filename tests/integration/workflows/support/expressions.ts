/**
 * A small evaluator for the GitHub Actions expressions the workflows use
 * (`${{ secrets.X }}`, `${{ vars.X || 'default' }}`, `steps.plan.outputs.exit-code == '0'`,
 * `always() && !cancelled()`, …), so the integration test substitutes the same
 * expressions the runner would, from test values, instead of hand-copied env.
 *
 * Semantics follow GitHub's documentation: `||`/`&&` return an operand, `==`
 * compares strings case-insensitively and coerces mismatched types to numbers,
 * a missing property is `null` (printed as ''). Unknown contexts, unknown step
 * or job ids and unsupported syntax throw, so a changed workflow fails loudly
 * rather than being evaluated wrongly.
 */

export type ExprValue = string | number | boolean | null | { readonly [key: string]: ExprValue };

export interface StatusFunctions {
  /** Every earlier step (or needed job) succeeded. */
  readonly success: boolean;
  /** An earlier step (or needed job) failed. */
  readonly failure: boolean;
}

export interface EvalContext {
  /** Context roots (`github`, `secrets`, `vars`, `inputs`, `steps`, `needs`, `env`, `matrix`, …). */
  readonly contexts: Readonly<Record<string, ExprValue>>;
  /** Roots where a missing property is `null` (as on GitHub) rather than a test error. */
  readonly lenientRoots: ReadonlySet<string>;
  readonly status: StatusFunctions;
}

type Token =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'ident'; readonly value: string }
  | { readonly kind: 'op'; readonly value: string };

const OPERATORS = ['==', '!=', '&&', '||', '<=', '>=', '!', '(', ')', ',', '.', '<', '>'] as const;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new Error(`unterminated string in expression: ${source}`);
        if (source.charAt(i) === "'") {
          if (source.charAt(i + 1) === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += source.charAt(i);
        i++;
      }
      tokens.push({ kind: 'str', value });
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(source.slice(i));
    if (num !== null) {
      tokens.push({ kind: 'num', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i));
    if (ident !== null) {
      tokens.push({ kind: 'ident', value: ident[0] });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op === undefined) throw new Error(`unsupported character '${ch}' in expression: ${source}`);
    tokens.push({ kind: 'op', value: op });
    i += op.length;
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
    private readonly ctx: EvalContext,
  ) {}

  parse(): ExprValue {
    const value = this.or();
    if (this.pos !== this.tokens.length) this.fail('unexpected trailing tokens');
    return value;
  }

  private peekOp(value: string): boolean {
    const t = this.tokens[this.pos];
    return t?.kind === 'op' && t.value === value;
  }

  private expectOp(value: string): void {
    if (!this.peekOp(value)) this.fail(`expected '${value}'`);
    this.pos++;
  }

  private fail(message: string): never {
    throw new Error(`${message} at token ${String(this.pos)} in expression: ${this.source}`);
  }

  private or(): ExprValue {
    let left = this.and();
    while (this.peekOp('||')) {
      this.pos++;
      const right = this.and();
      left = truthy(left) ? left : right;
    }
    return left;
  }

  private and(): ExprValue {
    let left = this.unary();
    while (this.peekOp('&&')) {
      this.pos++;
      const right = this.unary();
      left = truthy(left) ? right : left;
    }
    return left;
  }

  private unary(): ExprValue {
    if (this.peekOp('!')) {
      this.pos++;
      return !truthy(this.unary());
    }
    return this.comparison();
  }

  private comparison(): ExprValue {
    const left = this.primary();
    if (this.peekOp('==') || this.peekOp('!=')) {
      const negate = this.peekOp('!=');
      this.pos++;
      const right = this.primary();
      const equal = looseEquals(left, right);
      return negate ? !equal : equal;
    }
    if (['<', '>', '<=', '>='].some((op) => this.peekOp(op)))
      this.fail('ordering operators are not supported');
    return left;
  }

  private primary(): ExprValue {
    const token = this.tokens[this.pos];
    if (token === undefined) this.fail('unexpected end');
    if (token.kind === 'str' || token.kind === 'num') {
      this.pos++;
      return token.value;
    }
    if (token.kind === 'op') {
      if (token.value !== '(') this.fail(`unexpected '${token.value}'`);
      this.pos++;
      const inner = this.or();
      this.expectOp(')');
      return inner;
    }
    this.pos++;
    if (token.value === 'true') return true;
    if (token.value === 'false') return false;
    if (token.value === 'null') return null;
    if (this.peekOp('(')) return this.call(token.value);
    return this.path(token.value);
  }

  private call(name: string): ExprValue {
    if (!['always', 'cancelled', 'success', 'failure'].includes(name))
      this.fail(`unsupported function ${name}()`);
    this.expectOp('(');
    this.expectOp(')');
    switch (name) {
      case 'always':
        return true;
      case 'cancelled':
        return false;
      case 'success':
        return this.ctx.status.success;
      case 'failure':
        return this.ctx.status.failure;
      default:
        return this.fail(`unsupported function ${name}()`);
    }
  }

  private path(root: string): ExprValue {
    if (!(root in this.ctx.contexts)) this.fail(`unknown context '${root}'`);
    let value: ExprValue = this.ctx.contexts[root] ?? null;
    const walked = [root];
    let lenient = this.ctx.lenientRoots.has(root);
    while (this.peekOp('.')) {
      this.pos++;
      const segment = this.tokens[this.pos];
      if (segment?.kind !== 'ident') this.fail('expected a property name after "."');
      this.pos++;
      walked.push(segment.value);
      if (value === null || typeof value !== 'object') {
        value = null;
        continue;
      }
      if (!(segment.value in value)) {
        if (!lenient) this.fail(`the test context has no '${walked.join('.')}'`);
        value = null;
        continue;
      }
      value = value[segment.value] ?? null;
      // Outputs of a step or job are open-ended: a missing one is null, as on GitHub.
      if (segment.value === 'outputs') lenient = true;
    }
    return value;
  }
}

export function truthy(value: ExprValue): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value !== '';
  return true;
}

function toNumber(value: ExprValue): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
  return Number.NaN;
}

function looseEquals(a: ExprValue, b: ExprValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === 'object' || typeof b === 'object') return a === b;
  if (typeof a === typeof b) return a === b;
  return toNumber(a) === toNumber(b);
}

/** Evaluates one expression (the text between `${{` and `}}`, or an `if:` condition). */
export function evaluate(expression: string, ctx: EvalContext): ExprValue {
  const source = stripWrapper(expression);
  return new Parser(tokenize(source), source, ctx).parse();
}

function stripWrapper(expression: string): string {
  const trimmed = expression.trim();
  const m = /^\$\{\{([\s\S]*)\}\}$/.exec(trimmed);
  return m?.[1] !== undefined && !m[1].includes('${{') ? m[1].trim() : trimmed;
}

/** How GitHub prints a value substituted into a string. */
export function stringify(value: ExprValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Replaces every `${{ … }}` in `text`. */
export function substitute(text: string, ctx: EvalContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, inner: string) => stringify(evaluate(inner, ctx)));
}

/** True when the condition calls a status function (else GitHub wraps it in `success() && (…)`). */
export function usesStatusFunction(condition: string): boolean {
  return /\b(always|success|failure|cancelled)\s*\(/.test(condition);
}

/** Evaluates a step's or job's `if:` (undefined means `success()`). */
export function evaluateCondition(condition: string | undefined, ctx: EvalContext): boolean {
  if (condition === undefined) return ctx.status.success;
  const source = stripWrapper(condition);
  if (!usesStatusFunction(source)) return ctx.status.success && truthy(evaluate(source, ctx));
  return truthy(evaluate(source, ctx));
}

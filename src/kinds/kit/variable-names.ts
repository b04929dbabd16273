/**
 * Predictable `${VAR}` names for the secret fields an export writes:
 *
 *   credential key   <WORKSPACE>_<CREDENTIAL>_<FIELD>   ausgen / aws-main / secretKey → AUSGEN_AWS_MAIN_SECRET_KEY
 *   pipeline secret  <WORKSPACE>_<SECRET>               ausgen / SENTIEON_LICENSE     → AUSGEN_SENTIEON_LICENSE
 *
 * Each part is upper snake case (camelCase split at the case change, any run
 * of other characters one `_`); a name that would start with a digit gets a
 * leading `_`. Names are allocated in a fixed order (workspaces by name, then
 * credentials by name and their fields, then secrets by name), and when two
 * different fields would get the same name, the later one gets `_2`, `_3`, ...
 * so that one variable never stands for two secrets.
 */

/** `aws-main` → `AWS_MAIN`, `secretKey` → `SECRET_KEY`, `SENTIEON_LICENSE` stays. */
export function upperSnake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** The base name of a variable from its parts (no collision suffix). */
export function variableBaseName(parts: readonly string[]): string {
  const name = parts
    .map(upperSnake)
    .filter((part) => part !== '')
    .join('_');
  if (name === '') return 'SECRET';
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Hands out unique variable names, in call order. */
export class VariableNames {
  private readonly used = new Set<string>();

  /** A fresh name for `parts`: the base name, or the base name with `_2`, `_3`, ... when taken. */
  allocate(parts: readonly string[]): string {
    const base = variableBaseName(parts);
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}_${n}`;
    this.used.add(name);
    return name;
  }
}

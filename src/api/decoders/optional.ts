/** `{ [key]: value }` when the value is defined, else `{}`: decoded objects carry no `undefined` fields. */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

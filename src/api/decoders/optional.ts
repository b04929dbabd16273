/**
 * `{ [key]: value }` when the value is defined, else `{}`: decoded objects carry no `undefined` fields.
 * Shared by the decoders of the operations files and the kinds' mappers (`src/kinds/`).
 */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

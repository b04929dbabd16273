/** Small helpers shared by the kinds' decoders (API answer → live object). */

/** A string field, or `undefined` when absent or null. */
export function text(value: string | null | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

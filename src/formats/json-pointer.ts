/** JSON pointers (RFC 6901) as used in diagnostics: `/participants/2/role`. */

export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The last segment of a pointer, or undefined for the root. */
export function lastSegment(pointer: string): string | undefined {
  return segmentsOf(pointer).at(-1);
}

/**
 * Compares the shape of two JSON values: the key sets of objects and which
 * values are null, recursively. Lists are compared item by item against the
 * recorded items: each emulated item is matched with the recorded item it
 * differs least from (a participants list holds member rows and team rows of
 * different shapes). Values themselves are not compared.
 */

export interface ShapeDifference {
  /** Dotted path in the body (`members[].userId`; list items as `[]`). */
  readonly path: string;
  /** What differs, for a person reading the test failure. */
  readonly what: string;
}

function kind(value: unknown): 'null' | 'array' | 'object' | 'scalar' | 'absent' {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : 'scalar';
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

export function shapeDifferences(recorded: unknown, emulated: unknown, path = ''): ShapeDifference[] {
  const r = kind(recorded);
  const e = kind(emulated);
  if (r === 'null' || e === 'null') {
    return r === e
      ? []
      : [
          {
            path,
            what:
              r === 'null'
                ? `null in the recording, ${e} from the emulator`
                : `${r} in the recording, null from the emulator`,
          },
        ];
  }
  if (r !== e) return [{ path, what: `${r} in the recording, ${e} from the emulator` }];
  if (r === 'object') {
    const rec = recorded as Record<string, unknown>;
    const emu = emulated as Record<string, unknown>;
    const out: ShapeDifference[] = [];
    for (const key of Object.keys(rec)) {
      if (!(key in emu))
        out.push({ path: join(path, key), what: 'sent by the platform, not by the emulator' });
      else out.push(...shapeDifferences(rec[key], emu[key], join(path, key)));
    }
    for (const key of Object.keys(emu)) {
      if (!(key in rec))
        out.push({ path: join(path, key), what: 'sent by the emulator, not by the platform' });
    }
    return out;
  }
  if (r === 'array') {
    const rec = recorded as unknown[];
    const emu = emulated as unknown[];
    const at = `${path}[]`;
    if (rec.length === 0 || emu.length === 0) return [];
    const out = new Map<string, ShapeDifference>();
    for (const item of emu) {
      let best: ShapeDifference[] | undefined;
      for (const candidate of rec) {
        const diff = shapeDifferences(candidate, item, at);
        if (best === undefined || diff.length < best.length) best = diff;
      }
      for (const d of best ?? []) out.set(`${d.path} ${d.what}`, d);
    }
    return [...out.values()];
  }
  return [];
}

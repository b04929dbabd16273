/**
 * Changes between an earlier report and this one, per person × workspace:
 * `granted` (a row that was not there), `revoked` (a row that is gone) and
 * `changed` (another effective role, or the same role through other
 * sources), each with the sources that appeared or went away. Pending rows
 * are not access yet: they take part in neither side.
 */
import {
  sourceLabel,
  type AccessChange,
  type AccessReport,
  type AccessRow,
  type AccessSource,
} from './model.js';

function key(row: Pick<AccessRow, 'email' | 'workspace'>): string {
  return `${row.email}\u0000${row.workspace}`;
}

function sourceKey(source: AccessSource): string {
  return `${sourceLabel(source)}\u0000${source.role}`;
}

function minus(a: readonly AccessSource[], b: readonly AccessSource[]): AccessSource[] {
  const keys = new Set(b.map(sourceKey));
  return a.filter((s) => !keys.has(sourceKey(s)));
}

function compareChanges(a: AccessChange, b: AccessChange): number {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The changes from `previous` to `current` (sorted by email, then workspace). */
export function diffRows(previous: readonly AccessRow[], current: readonly AccessRow[]): AccessChange[] {
  const before = new Map(previous.filter((r) => !r.pending).map((r) => [key(r), r]));
  const after = new Map(current.filter((r) => !r.pending).map((r) => [key(r), r]));
  const changes: AccessChange[] = [];
  for (const [k, now] of after) {
    const was = before.get(k);
    if (was === undefined) {
      changes.push({
        change: 'granted',
        email: now.email,
        workspace: now.workspace,
        to: now.role,
        sourcesAdded: now.sources,
        sourcesRemoved: [],
      });
      continue;
    }
    const added = minus(now.sources, was.sources);
    const removed = minus(was.sources, now.sources);
    if (was.role !== now.role || added.length > 0 || removed.length > 0) {
      changes.push({
        change: 'changed',
        email: now.email,
        workspace: now.workspace,
        from: was.role,
        to: now.role,
        sourcesAdded: added,
        sourcesRemoved: removed,
      });
    }
  }
  for (const [k, was] of before) {
    if (after.has(k)) continue;
    changes.push({
      change: 'revoked',
      email: was.email,
      workspace: was.workspace,
      from: was.role,
      sourcesAdded: [],
      sourcesRemoved: was.sources,
    });
  }
  return changes.sort(compareChanges);
}

/** `current` with the changes since `previous` (same organisation, checked by the caller). */
export function withChanges(current: AccessReport, previous: AccessReport): AccessReport {
  const changes = diffRows(previous.rows, current.rows);
  const count = (kind: AccessChange['change']): number => changes.filter((c) => c.change === kind).length;
  return {
    ...current,
    previousGeneratedAt: previous.generatedAt,
    summary: {
      ...current.summary,
      changes: { granted: count('granted'), revoked: count('revoked'), changed: count('changed') },
    },
    changes,
  };
}

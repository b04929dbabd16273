/**
 * The one stable topological order the kinds' declarations are read with
 * (resources by `after`, readers and exporters by `uses`): each item comes
 * after the items it depends on, ties keep the given order, and a
 * dependency on an id that is not among the items is ignored. When the
 * dependencies form a cycle, `cycleError` receives the ids left unordered.
 */
export function dependencyOrder<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  dependenciesOf: (item: T) => readonly string[],
  cycleError: (left: readonly string[]) => Error,
): T[] {
  const ids = new Set(items.map(idOf));
  const done = new Set<string>();
  const ordered: T[] = [];
  while (ordered.length < items.length) {
    const next = items.find(
      (item) => !done.has(idOf(item)) && dependenciesOf(item).every((dep) => done.has(dep) || !ids.has(dep)),
    );
    if (next === undefined) throw cycleError(items.map(idOf).filter((id) => !done.has(id)));
    done.add(idOf(next));
    ordered.push(next);
  }
  return ordered;
}

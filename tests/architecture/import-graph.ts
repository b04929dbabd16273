/**
 * The file-level import graph of a source tree, built from the files' text
 * (no compiler): every static `import`/`export ... from`,
 * `import type`, `import()` expression and `import('...')` type is an edge.
 * Type-only imports count: a cycle through types is still a cycle in the
 * design. Pure: the caller reads the files.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { importSpecifiers } from './scan-imports.js';

/** An import of one source file by another, both as paths like `src/cli/main.ts`. */
export interface FileEdge {
  readonly from: string;
  readonly to: string;
}

/** An import of something outside the tree: an npm package or a node built-in. */
export interface PackageImport {
  readonly from: string;
  /** As written, except that built-ins are always spelled `node:<name>`. */
  readonly specifier: string;
}

/** A relative import that names no file of the tree. */
export interface UnresolvedImport {
  readonly from: string;
  readonly specifier: string;
}

export interface ImportGraph {
  readonly files: readonly string[];
  readonly edges: readonly FileEdge[];
  readonly packages: readonly PackageImport[];
  readonly unresolved: readonly UnresolvedImport[];
}

const builtins = new Set(builtinModules);

function packageSpecifier(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const [head = specifier] = specifier.split('/');
  return builtins.has(head) ? `node:${specifier}` : specifier;
}

/** The files an ESM specifier may denote under `nodenext` resolution, most likely first. */
function candidates(target: string): string[] {
  const swapped = target
    .replace(/\.js$/, '.ts')
    .replace(/\.mjs$/, '.mts')
    .replace(/\.cjs$/, '.cts');
  return [swapped, target, `${target}.ts`, `${target}/index.ts`];
}

/**
 * Builds the graph of `sources` (path → text, paths relative to the
 * repository, `/`-separated). `otherFiles` are files of the tree that import
 * nothing but may be imported (JSON data, for instance).
 */
export function buildImportGraph(
  sources: ReadonlyMap<string, string>,
  otherFiles: Iterable<string> = [],
): ImportGraph {
  const known = new Set([...sources.keys(), ...otherFiles]);
  const edges: FileEdge[] = [];
  const packages: PackageImport[] = [];
  const unresolved: UnresolvedImport[] = [];
  for (const [from, text] of sources) {
    for (const specifier of importSpecifiers(text)) {
      if (!specifier.startsWith('.')) {
        packages.push({ from, specifier: packageSpecifier(specifier) });
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(from), specifier));
      const to = candidates(target).find((path) => known.has(path));
      if (to === undefined) unresolved.push({ from, specifier });
      else edges.push({ from, to });
    }
  }
  return { files: [...known].sort(), edges, packages, unresolved };
}

/** Files that import one another in a ring, and one concrete ring among them. */
export interface ImportCycle {
  /** The shortest cycle through the group's first file, starting and ending with it. */
  readonly path: readonly string[];
  /** Every file of the strongly connected group (more than the path when rings overlap). */
  readonly files: readonly string[];
}

/** The import cycles of the graph: one per strongly connected group of files. */
export function findCycles(graph: Pick<ImportGraph, 'files' | 'edges'>): ImportCycle[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of graph.edges) {
    const targets = next.get(from) ?? [];
    if (!targets.includes(to)) targets.push(to);
    next.set(from, targets);
  }
  for (const targets of next.values()) targets.sort();
  return stronglyConnected(graph.files, next)
    .filter((group) => group.length > 1 || (next.get(group[0] ?? '') ?? []).includes(group[0] ?? ''))
    .map((group) => ({ path: shortestCycle(group, next), files: group }))
    .sort((a, b) => (a.files[0] ?? '').localeCompare(b.files[0] ?? ''));
}

/** `a.ts -> b.ts -> a.ts`, and the whole group when the ring is not all of it. */
export function describeCycle(cycle: ImportCycle): string {
  const ring = cycle.path.join(' -> ');
  if (cycle.files.length <= cycle.path.length - 1) return ring;
  return `${ring} (one ring among ${cycle.files.length} files that import one another: ${cycle.files.join(', ')})`;
}

/** Tarjan's algorithm, iterative so that a deep tree cannot overflow the stack. */
function stronglyConnected(
  files: readonly string[],
  next: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const root of files) {
    if (index.has(root)) continue;
    const work: { node: string; child: number }[] = [{ node: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = next.get(frame.node) ?? [];
      if (frame.child < targets.length) {
        const target = targets[frame.child]!;
        frame.child += 1;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, child: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group.sort());
      }
    }
  }
  return groups;
}

/** Breadth-first search inside the group from its first file back to itself. */
function shortestCycle(group: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[] {
  const start = group[0]!;
  const inGroup = new Set(group);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head]!;
    for (const target of next.get(node) ?? []) {
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (inGroup.has(target) && !cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

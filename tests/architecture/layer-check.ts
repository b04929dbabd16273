/**
 * Applies a layers table (see `layers.ts`) to an import graph: every import
 * that crosses from one top-level folder of the source tree to another must
 * be declared, and so must every package a folder imports. Pure.
 */
import type { ImportGraph } from './import-graph.js';

/** What one top-level folder of the source tree may import. */
export interface LayerRule {
  /**
   * The folder is pure: it may import no IO module (`ioModules`) and reads
   * neither the process nor the clock (the latter two are lint rules).
   */
  readonly pure?: boolean;
  /**
   * The other folders it may import (its own is always allowed): a folder
   * name, `root` for the files directly in the tree's root, or one file as
   * `folder/file.ts` when only that file of the folder may be imported.
   */
  readonly mayImport: readonly string[];
  /**
   * The npm packages and node built-ins (spelled `node:<name>`) it may
   * import; an entry also covers its subpaths (`node:fs` covers
   * `node:fs/promises`, `ajv` covers `ajv/dist/2020.js`).
   */
  readonly packages: readonly string[];
}

export type LayersTable = Readonly<Record<string, LayerRule>>;

/** The name of the files directly in the tree's root, as a row of the table. */
export const ROOT_LAYER = 'root';

/** Modules that do IO, parse argv or read the machine: pure folders import none of them. */
export const ioModules: readonly string[] = [
  'axios',
  'commander',
  'node:child_process',
  'node:cluster',
  'node:dgram',
  'node:dns',
  'node:fs',
  'node:http',
  'node:http2',
  'node:https',
  'node:net',
  'node:os',
  'node:process',
  'node:readline',
  'node:tls',
  'node:tty',
  'node:v8',
  'node:worker_threads',
];

export interface LayerCheckOptions {
  /** The tree's root folder as it prefixes the graph's paths, e.g. `src`. */
  readonly root: string;
  /** Where the table lives, named in the messages so a reader knows where to declare an edge. */
  readonly tableFile: string;
}

function covers(entry: string, specifier: string): boolean {
  return specifier === entry || specifier.startsWith(`${entry}/`);
}

/**
 * The folder of the tree a file belongs to (`root` for a file directly in it),
 * or undefined for a file outside the tree.
 */
export function layerOf(file: string, root: string): string | undefined {
  if (!file.startsWith(`${root}/`)) return undefined;
  const rest = file.slice(root.length + 1).split('/');
  return rest.length === 1 ? ROOT_LAYER : rest[0];
}

/**
 * The entry of `rule` that lets a file import `to` (a path inside the tree,
 * in folder `toLayer`): the folder itself, or that one file.
 */
function allowingEntry(rule: LayerRule, to: string, toLayer: string, root: string): string | undefined {
  const inFolder = to.slice(root.length + 1);
  return (
    rule.mayImport.find((entry) => entry === toLayer) ?? rule.mayImport.find((entry) => entry === inFolder)
  );
}

/** Mistakes in the table itself: rows it names that do not exist, contradictions. */
export function checkTable(table: LayersTable, graph: ImportGraph, options: LayerCheckOptions): string[] {
  const problems: string[] = [];
  const files = new Set(graph.files.map((file) => file.slice(options.root.length + 1)));
  for (const [layer, rule] of Object.entries(table)) {
    for (const entry of rule.mayImport) {
      if (entry === layer) {
        problems.push(
          `${options.tableFile}: "${layer}" lists itself in mayImport; a folder may always import itself.`,
        );
      } else if (entry.includes('/')) {
        if (!files.has(entry)) {
          problems.push(
            `${options.tableFile}: "${layer}" may import "${entry}", which is not a file of ${options.root}/; remove the entry.`,
          );
        }
      } else if (!(entry in table)) {
        problems.push(
          `${options.tableFile}: "${layer}" may import "${entry}", which has no row of its own; declare the folder or fix the name.`,
        );
      }
    }
    if (rule.pure === true) {
      for (const entry of rule.packages) {
        if (ioModules.some((io) => covers(io, entry))) {
          problems.push(
            `${options.tableFile}: "${layer}" is pure but lists the IO module "${entry}" in packages; a pure folder does no IO.`,
          );
        }
      }
    }
  }
  return problems;
}

/**
 * Every import of the graph the table does not allow, one message each,
 * naming the importing file, what it imports and the rule broken.
 */
export function checkLayers(table: LayersTable, graph: ImportGraph, options: LayerCheckOptions): string[] {
  const { root, tableFile } = options;
  const violations: string[] = [];
  const undeclared = new Set<string>();
  const usedFileEntries = new Set<string>();
  const ruleFor = (file: string): [string, LayerRule] | undefined => {
    const layer = layerOf(file, root);
    if (layer === undefined) return undefined;
    const rule = table[layer];
    if (rule === undefined) {
      if (!undeclared.has(layer)) {
        undeclared.add(layer);
        violations.push(
          `${file}: folder "${layer}" has no row in ${tableFile}; add one saying which folders and packages it may import.`,
        );
      }
      return undefined;
    }
    return [layer, rule];
  };
  for (const file of graph.files) ruleFor(file);
  for (const { from, to } of graph.edges) {
    const source = ruleFor(from);
    if (source === undefined) continue;
    const [fromLayer, rule] = source;
    const toLayer = layerOf(to, root);
    if (toLayer === undefined) {
      violations.push(
        `${from} imports ${to}: a file of ${root}/ imports only files of ${root}/ and packages.`,
      );
    } else if (toLayer !== fromLayer) {
      const entry = allowingEntry(rule, to, toLayer, root);
      if (entry === undefined) {
        violations.push(
          `${from} imports ${to}: folder "${fromLayer}" may not import folder "${toLayer}". ` +
            `If the dependency is intended, add "${toLayer}" to ${fromLayer}.mayImport in ${tableFile}.`,
        );
      } else if (entry.includes('/')) {
        usedFileEntries.add(`${fromLayer} ${entry}`);
      }
    }
  }
  // A one-file entry is a tolerated exception: once nothing needs it, it goes.
  for (const [layer, rule] of Object.entries(table)) {
    for (const entry of rule.mayImport) {
      if (entry.includes('/') && !usedFileEntries.has(`${layer} ${entry}`)) {
        violations.push(
          `${tableFile}: "${layer}" may import the file "${entry}", but none of its files does; remove the entry.`,
        );
      }
    }
  }
  for (const { from, specifier } of graph.packages) {
    const source = ruleFor(from);
    if (source === undefined) continue;
    const [fromLayer, rule] = source;
    if (rule.pure === true && ioModules.some((io) => covers(io, specifier))) {
      violations.push(
        `${from} imports "${specifier}": folder "${fromLayer}" is pure (pure: true in ${tableFile}) and may not import ` +
          `IO modules; do the IO in an impure folder and pass the data in.`,
      );
    } else if (!rule.packages.some((entry) => covers(entry, specifier))) {
      violations.push(
        `${from} imports "${specifier}": the package is not in ${fromLayer}.packages. ` +
          `If the dependency is intended, add it there in ${tableFile}.`,
      );
    }
  }
  for (const { from, specifier } of graph.unresolved) {
    violations.push(`${from} imports "${specifier}", which names no file of ${root}/.`);
  }
  return violations;
}

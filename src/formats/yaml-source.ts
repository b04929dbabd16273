/**
 * Parses one YAML file safely and keeps every node's position, so any JSON
 * pointer into the parsed value maps back to a line and column.
 *
 * Refused, each as a positioned problem (never an exception): syntax errors,
 * duplicate keys, more than one document, explicit tags other than the core
 * schema's (`!!str`, `!!int`, ...) and any other YAML warning, alias expansion beyond
 * `MAX_ALIAS_COUNT` (billion-laughs), an alias inside its own anchor (a cycle),
 * mapping keys that are not scalars, the keys `__proto__`, `constructor` and
 * `prototype` (which would reach or shadow an object's prototype instead of
 * being data), and strings holding a NUL character (e.g. from a `"\0"` escape). The size bound is the caller's (it must
 * hold before the text is read).
 */
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { pointerOf, segmentsOf } from './json-pointer.js';

/** YAML problems reported per file at most (a malformed file must not flood the output). */
export const MAX_PROBLEMS = 20;

/** Alias expansions allowed per document before parsing is refused. */
export const MAX_ALIAS_COUNT = 100;

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlProblem extends Position {
  readonly message: string;
}

/** Where a pointer's node is: `key` = the key naming it (for "unknown key"), `value` = the value. */
export type Anchor = 'key' | 'value';

export interface ParsedYaml {
  readonly value: unknown;
  /** Position of the node at `pointer`; the deepest existing ancestor when it does not exist. */
  readonly locate: (pointer: string, anchor?: Anchor) => Position;
}

export type YamlParseResult =
  | { readonly ok: true; readonly parsed: ParsedYaml }
  | { readonly ok: false; readonly problems: readonly YamlProblem[] };

function parseWithPositions(text: string): { readonly doc: Document; readonly lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    resolveKnownTags: false, // !!binary, !!set, !!timestamp ... become unresolved tags, refused below
  });
  return { doc, lineCounter };
}

export function parseYaml(text: string): YamlParseResult {
  const { doc, lineCounter } = parseWithPositions(text);
  const at = (offset: number): Position => positionAt(lineCounter, offset);
  // Warnings are errors here: with the core schema every tag outside it (`!include`, `!!binary`, ...) is one.
  const problems: YamlProblem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    ...at(e.pos[0]),
    message: yamlMessage(e.code, e.message),
  }));
  problems.push(...structuralProblems(doc, at));
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return {
      ok: false,
      problems: [
        {
          ...at(firstAliasOffset(doc)),
          message: `too many alias expansions (over ${MAX_ALIAS_COUNT}): anchors and aliases are bounded to prevent alias bombs`,
        },
      ],
    };
  }
  return { ok: true, parsed: { value, locate: indexedLocator(text, doc, lineCounter) } };
}

/** Where one node is, as offsets: its value, the key naming it (in a mapping), and whether the value is empty. */
interface NodeOffsets {
  readonly value: number;
  readonly key: number | undefined;
  readonly empty: boolean;
}

/**
 * Pointers this deep or shallower (the file, its lists, their items: what
 * every desired item's source position needs) are indexed when the file is
 * parsed; deeper ones only matter for diagnostics, which are rare.
 */
const INDEXED_DEPTH = 2;

/**
 * A `locate` that does not keep the document (many times the size of the
 * value: a config of a thousand files would otherwise hold every document in
 * memory at once). Offsets of nodes down to `INDEXED_DEPTH` are indexed now;
 * a deeper pointer parses the text again, once, and indexes it all.
 */
function indexedLocator(text: string, doc: Document, lineCounter: LineCounter): ParsedYaml['locate'] {
  // Built in its own function: a closure created here must not share a scope with `doc`.
  return locatorOver(text, nodeOffsets(doc, INDEXED_DEPTH), lineCounter);
}

function nodeOffsets(doc: Document, maxDepth: number): Map<string, NodeOffsets> {
  const index = new Map<string, NodeOffsets>();
  const record = (pointer: string, depth: number, node: unknown, keyNode: Node | undefined): void => {
    const range = (node as Partial<Node> | null | undefined)?.range;
    index.set(pointer, {
      value: range?.[0] ?? 0,
      key: keyNode?.range?.[0],
      // An empty value (`key:`) has a zero-width node after the key.
      empty: isScalar(node) && range != null && range[0] === range[1],
    });
    if (depth === maxDepth) return;
    const target = isAlias(node) ? node.resolve(doc) : node;
    if (isMap(target)) {
      for (const pair of target.items) {
        if (!isScalar(pair.key)) continue;
        const child: unknown = pair.value ?? pair.key;
        record(`${pointer}${pointerOf([String(pair.key.value)])}`, depth + 1, child, pair.key);
      }
    } else if (isSeq(target)) {
      target.items.forEach((item, i) => {
        if (item !== null && item !== undefined)
          record(`${pointer}/${String(i)}`, depth + 1, item, undefined);
      });
    }
  };
  record('', 0, doc.contents, undefined);
  return index;
}

function locatorOver(
  text: string,
  shallow: ReadonlyMap<string, NodeOffsets>,
  lineCounter: LineCounter,
): ParsedYaml['locate'] {
  let full: ReadonlyMap<string, NodeOffsets> | undefined;
  return (pointer, anchor = 'value') => {
    let segments = segmentsOf(pointer);
    const index = segments.length <= INDEXED_DEPTH ? shallow : (full ??= fullIndex(text));
    let found = index.get(pointer);
    while (found === undefined && segments.length > 0) {
      segments = segments.slice(0, -1);
      found = index.get(pointerOf(segments));
    }
    const offsets = found ?? { value: 0, key: undefined, empty: false };
    const offset =
      (anchor === 'key' || offsets.empty) && offsets.key !== undefined ? offsets.key : offsets.value;
    return positionAt(lineCounter, offset);
  };
}

/** 1-based line and column of a character offset. */
function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function fullIndex(text: string): Map<string, NodeOffsets> {
  return nodeOffsets(parseWithPositions(text).doc, Infinity);
}

/** Keys that name an object's prototype machinery rather than data. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Problems the parser accepts but the config cannot hold: an alias to an
 * anchor that contains it (a cyclic value), a non-scalar mapping key (which
 * would be stringified, with a process warning), a prototype key, and a NUL
 * character in a string.
 */
function structuralProblems(doc: Document, at: (offset: number) => Position): YamlProblem[] {
  const found: YamlProblem[] = [];
  visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      if (target !== undefined && path.includes(target)) {
        found.push({
          ...at(node.range?.[0] ?? 0),
          message: `alias *${node.source} refers to an anchor that contains it: recursive aliases are refused`,
        });
      }
    },
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('\u0000')) {
        found.push({ ...at(node.range?.[0] ?? 0), message: 'a string may not contain a NUL character' });
      }
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        found.push({
          ...at(pair.key.range?.[0] ?? 0),
          message: `key '${String(pair.key.value)}' is not allowed: it is not a configuration key and would change how the file is read`,
        });
      }
      if (pair.key !== null && typeof pair.key === 'object' && !isScalar(pair.key) && !isAlias(pair.key)) {
        const range = (pair.key as Node).range;
        found.push({
          ...at(range?.[0] ?? 0),
          message: 'mapping keys must be plain strings, not lists or maps',
        });
      }
    },
  });
  return found;
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate key: each key may appear only once in a mapping';
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = /tag: (\S+)/.exec(message)?.[1] ?? 'tag';
    return `tag '${tag}' is not allowed (custom YAML tags are refused)`;
  }
  return `invalid YAML: ${message.split('\n')[0] ?? message}`;
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * Parses one YAML file safely and keeps every node's position, so any JSON
 * pointer into the parsed value maps back to a line and column.
 *
 * Refused, each as a positioned problem (never an exception): syntax errors,
 * duplicate keys, more than one document, explicit tags other than the core
 * schema's (`!!str`, `!!int`, ...) and any other YAML warning, alias expansion beyond
 * `MAX_ALIAS_COUNT` (billion-laughs), an alias inside its own anchor (a cycle),
 * and mapping keys that are not scalars. The size bound is the caller's (it must
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
import { segmentsOf } from './json-pointer.js';

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

export function parseYaml(text: string): YamlParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    resolveKnownTags: false, // !!binary, !!set, !!timestamp ... become unresolved tags, refused below
  });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
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
  return {
    ok: true,
    parsed: { value, locate: (pointer, anchor = 'value') => at(offsetOf(doc, pointer, anchor)) },
  };
}

/**
 * Problems the parser accepts but the config cannot hold: an alias to an
 * anchor that contains it (a cyclic value) and a non-scalar mapping key
 * (which would be stringified, with a process warning).
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
    Pair(_key, pair) {
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

function offsetOf(doc: Document, pointer: string, anchor: Anchor): number {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of segmentsOf(pointer)) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (pair === undefined) break;
      keyNode = isScalar(pair.key) ? pair.key : undefined;
      node = pair.value ?? pair.key;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(segment)];
      if (item === undefined || item === null) break;
      keyNode = undefined;
      node = item;
    } else {
      break;
    }
  }
  // An empty value (`key:`) has a zero-width node after the key: point at the key instead.
  const emptyValue = isScalar(node) && node.range != null && node.range[0] === node.range[1];
  const target = (anchor === 'key' || emptyValue) && keyNode !== undefined ? keyNode : node;
  const range = (target as Partial<Node> | null | undefined)?.range;
  return range?.[0] ?? 0;
}

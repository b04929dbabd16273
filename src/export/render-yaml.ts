/**
 * Written file content → YAML text in the example estate's style (and stable
 * under the repository's Prettier settings, so adopted files pass
 * `format:check`): the `# yaml-language-server: $schema=...` line first,
 * keys in the order given, block style, except one-line flow maps for the
 * short list items under the keys the kinds' export facets name in
 * `flowItems` (`{ email: x, role: y }`) and flow sequences for short lists
 * of scalars (`[a, b]`); multi-line strings
 * as literal blocks; no line folding. The text is parsed back and compared
 * with the content before it is returned: what is written reads back as given.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import type { FileKind } from '../formats/schema-validator.js';
import { SyncError } from '../errors.js';
import { sameData } from '../kinds/kit/stable-json.js';
import { EXPORT_LAYOUT } from './export-layout.js';

/** Collections whose items are written as one-line flow maps (when short). */
const FLOW_ITEM_KEYS = EXPORT_LAYOUT.flowItemKeys;
/** Longest line a flow collection may make (Prettier's printWidth is 110). */
const MAX_FLOW_LINE = 100;

const TO_STRING = {
  lineWidth: 0,
  minContentWidth: 0,
  singleQuote: true,
  blockQuote: 'literal',
  flowCollectionPadding: true,
  indentSeq: true,
} as const;

export function schemaComment(kind: FileKind): string {
  return `# yaml-language-server: $schema=../../schemas/${kind}.schema.json`;
}

/** The file's text. Throws (a bug) when it would not read back as `content`. */
export function renderYaml(kind: FileKind, content: unknown): string {
  const doc = new Document(content);
  visit(doc, {
    Pair(_, pair, path) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if (!isSeq(value)) return;
      const indent = 2 * path.filter((node) => isMap(node) || isSeq(node)).length;
      if (FLOW_ITEM_KEYS.has(key)) {
        for (const item of value.items) {
          if (isMap(item) && isShortFlat(item, indent + 4)) item.flow = true;
        }
      }
      if (value.items.length > 0 && isShortFlat(value, indent + key.length + 2)) value.flow = true;
    },
  });
  const text = tightenFlowSequences(doc.toString(TO_STRING));
  const back = parseDocument(text);
  if (back.errors.length > 0 || !sameData(back.toJS(), content)) {
    throw new SyncError('internal: the exported YAML does not read back as the exported value');
  }
  return `${schemaComment(kind)}\n${text}`;
}

/** A collection of scalars whose one-line flow form fits the line budget from `offset`. */
function isShortFlat(node: Node, offset: number): boolean {
  const items = isMap(node)
    ? node.items.flatMap((pair) => [pair.key, pair.value])
    : isSeq(node)
      ? node.items
      : [];
  if (!items.every((item) => isScalar(item) && !String(item.value).includes('\n'))) return false;
  const length = items.reduce<number>(
    (sum, item) => sum + String(isScalar(item) ? item.value : '').length + 4,
    4,
  );
  return offset + length <= MAX_FLOW_LINE;
}

/** `[ a, b ]` → `[a, b]` (Prettier's style for flow sequences; flow maps keep their padding). */
function tightenFlowSequences(text: string): string {
  const doc = parseDocument(text);
  const edits: { readonly start: number; readonly end: number }[] = [];
  visit(doc, {
    Seq(_, seq) {
      const range = seq.range;
      if (!seq.flow || seq.items.length === 0 || range === null || range === undefined) return;
      const [start, end] = range;
      const source = text.slice(start, end).trimEnd();
      if (source.startsWith('[ ') && source.endsWith(' ]') && !source.includes('\n')) {
        edits.push({ start, end: start + source.length });
      }
    },
  });
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const inner = out.slice(edit.start + 2, edit.end - 2);
    out = `${out.slice(0, edit.start)}[${inner}]${out.slice(edit.end)}`;
  }
  return out;
}

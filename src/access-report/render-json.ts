/**
 * The JSON format: the report value as it is (`schemas/access-report.schema.json`),
 * keys in a fixed order and arrays already sorted by the builder, so two
 * reports of the same platform differ only in `generatedAt`. Written in
 * pieces, element by element for the long arrays, with the same text
 * `JSON.stringify(report, null, 2)` gives.
 */
import type { AccessReport } from './model.js';

/** Top-level arrays written element by element. */
const STREAMED = new Set(['people', 'workspaces', 'rows', 'changes']);
const ELEMENTS_PER_CHUNK = 500;

function indented(value: unknown, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}

/** The document in pieces (see `renderJson` for the whole). */
export function* jsonChunks(report: AccessReport): Generator<string> {
  const entries = Object.entries(report);
  yield '{\n';
  for (const [index, [key, value]] of entries.entries()) {
    const comma = index < entries.length - 1 ? ',' : '';
    if (STREAMED.has(key) && Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      const items = value as readonly unknown[];
      for (let i = 0; i < items.length; i += ELEMENTS_PER_CHUNK) {
        const end = Math.min(i + ELEMENTS_PER_CHUNK, items.length);
        const parts: string[] = [];
        for (let j = i; j < end; j++)
          parts.push(`    ${indented(items[j], 4)}${j < items.length - 1 ? ',' : ''}\n`);
        yield parts.join('');
      }
      yield `  ]${comma}\n`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indented(value, 2)}${comma}\n`;
    }
  }
  yield '}\n';
}

export function renderJson(report: AccessReport): string {
  return [...jsonChunks(report)].join('');
}

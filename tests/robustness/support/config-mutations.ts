/**
 * Mutations of configuration files for the config fuzzer: text-level damage
 * (truncation, binary bytes, BOMs, CRLF, tabs, unicode, YAML specials,
 * aliases and alias bombs, deep nesting, huge strings) and structure-level
 * changes (random keys, wrong types, duplicate items, dangling references),
 * all drawn from a seeded generator so a case is reproducible from its index.
 */
import { parseDocument, stringify } from 'yaml';
import type { Rng } from './random.js';

/** One file of a config dir: its path below the dir (`<org>/<name>.yaml`) and its content. */
export interface CorpusFile {
  readonly path: string;
  /** A string, or raw bytes for cases that are not valid UTF-8. */
  readonly content: string | Uint8Array;
}

/** A mutated config dir, and the names of the mutations that made it. */
export interface MutatedCase {
  readonly files: readonly CorpusFile[];
  readonly mutations: readonly string[];
}

const HUGE = 200 * 1024;

/** Characters that break naive text handling. */
const UNICODE = [
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\ufeff', // BOM / zero-width no-break space
  '\u2028', // line separator
  '\u2029', // paragraph separator
  '\u0085', // next line
  '\u00a0', // no-break space
  '\u0301', // combining acute accent
  'é',
  'ß',
  'İ',
  'ﬁ',
  '中文',
  'עברית',
  'العربية',
  '😀',
  '👩‍🔬',
  '🏳️‍🌈',
  '\u{1f600}\u{1f3fd}',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '\ud800', // lone high surrogate (written as U+FFFD)
  '\udfff', // lone low surrogate
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\ufffd',
  '\uffff',
];

/** `${`-related text that a string value may hold. */
const DOLLAR = [
  '${',
  '$${',
  '${}',
  '${ X }',
  '${lower}',
  '${1ABC}',
  '${A-B}',
  '${UNSET_FUZZ_VAR}',
  '${FUZZ_SET}',
  '$${FUZZ_SET}',
  '$$${FUZZ_SET}',
  '${FUZZ_SET}${FUZZ_SET}',
  '${${FUZZ_SET}}',
  '${FUZZ_SET',
  '${FUZZ_SET}}',
  '$',
  '$$',
  '$FUZZ_SET',
  '${{FUZZ_SET}}',
  '${\u200bFUZZ_SET}',
  '${FUZZ_SET:-default}',
];

/** Plain scalars YAML may read as something other than a string. */
const NUMBERISH = [
  '0',
  '-0',
  '007',
  '0x1F',
  '0o17',
  '0b101',
  '1e3',
  '1_000',
  '+12',
  '.5',
  '1.',
  '.inf',
  '-.Inf',
  '.nan',
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'False',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '2024-01-01',
  '2024-01-01T00:00:00Z',
  '12:30:00',
  '1:20',
  '9007199254740993',
  '1e400',
  '-1',
  "'42'",
  '"42"',
];

/** Lines of YAML syntax dropped into a file. */
const YAML_SPECIALS = [
  '---',
  '...',
  '--- !!map',
  '%YAML 1.1',
  '%TAG ! tag:example.org,2024:',
  '? complex key',
  '? [a, b]\n: value',
  '<<: *anchor',
  '<<: {fullName: merged}',
  'key: &anchor value',
  'alias: *anchor',
  'alias: *nowhere',
  'tagged: !include other.yaml',
  'tagged: !!binary aGVsbG8=',
  'tagged: !!set {a, b}',
  'tagged: !!omap [a: 1]',
  'tagged: !!timestamp 2024-01-01',
  'tagged: !!python/object:os.system ls',
  'tagged: !<tag:yaml.org,2002:str> text',
  'block: |',
  'folded: >-',
  'flow: {a: [b, {c: d}]',
  'flow: [a, b',
  'quoted: "unterminated',
  "quoted: 'unterminated",
  '"quoted key": 1',
  '- item',
  '  - nested item',
  '@reserved',
  '`reserved',
  '&a &b double anchor',
  '*a: alias as key',
  '# comment',
  ': no key',
  'key: value: again',
  'key:value',
  'key:\tvalue',
];

/** Keys an object may be given (prototype names, empty, unicode, near-misses of real keys). */
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '$ref',
  '$schema',
  '',
  ' ',
  'name ',
  'Name',
  'NAME',
  'fullname',
  'full_name',
  'visiblity',
  'participant',
  'credential',
  'computeEnvironment',
  'pipeline',
  'secret',
  'members',
  'teams',
  'policy',
  'ignore',
  'prune',
  'state',
  'maintainers',
  'config',
  'keys',
  'launch',
  'params',
  'discriminator',
  'id',
  'workspaceId',
  'role',
  'email',
  'team',
  'primary',
  'platform',
  'provider',
  'value',
  'ключ',
  '键',
  '🔑',
  '\u202ename',
  'na\u200bme',
  '0',
  '1',
  'null',
  'true',
];

export function mutationNames(): readonly string[] {
  return [...Object.keys(TEXT_MUTATIONS), ...Object.keys(TREE_MUTATIONS), ...Object.keys(WHOLE_MUTATIONS)];
}

function randomUnicode(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += rng.pick(UNICODE);
  return out;
}

function hugeString(rng: Rng): string {
  const unit = rng.pick(['x', 'ab', 'é', '😀', '\u200b', 'lorem ipsum ', '${FUZZ_SET}', '\\n']);
  return unit.repeat(Math.ceil(HUGE / unit.length)).slice(0, HUGE + rng.int(0, 64));
}

/** A scalar that YAML will keep as text when double-quoted. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/** Random scalar text for a value position (not always valid YAML by design). */
function weirdScalarText(rng: Rng): string {
  switch (rng.int(0, 7)) {
    case 0:
      return rng.pick(NUMBERISH);
    case 1:
      return rng.pick(DOLLAR);
    case 2:
      return quoted(rng.pick(DOLLAR));
    case 3:
      return quoted(randomUnicode(rng, rng.int(1, 12)));
    case 4:
      return randomUnicode(rng, rng.int(1, 6));
    case 5:
      return rng.chance(0.15) ? quoted(hugeString(rng)) : quoted('y'.repeat(rng.int(40, 400)));
    case 6:
      return rng.pick(['[]', '{}', '[a, b]', '{a: 1}', '""', "''", '|', '>', '-', '?', ':', '&x', '*x']);
    default:
      return quoted(`${rng.pick(NUMBERISH)}${rng.pick(DOLLAR)}`);
  }
}

/** A random JSON-like value for structure-level mutations. */
function weirdValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, depth > 2 ? 5 : 8)) {
    case 0:
      return rng.pick([0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1, Infinity, -Infinity, NaN]);
    case 1:
      return rng.pick([true, false, null]);
    case 2:
      return rng.pick(DOLLAR);
    case 3:
      return rng.pick(NUMBERISH);
    case 4:
      return randomUnicode(rng, rng.int(1, 20));
    case 5:
      return rng.chance(0.1) ? hugeString(rng) : '';
    case 6:
      return Array.from({ length: rng.int(0, 4) }, () => weirdValue(rng, depth + 1));
    case 7:
      return Object.fromEntries(
        Array.from({ length: rng.int(0, 4) }, () => [rng.pick(KEYS), weirdValue(rng, depth + 1)]),
      );
    default:
      return deepValue(rng, rng.int(10, 80));
  }
}

function deepValue(rng: Rng, depth: number): unknown {
  let value: unknown = rng.pick(['leaf', 1, null, '${FUZZ_SET}']);
  for (let i = 0; i < depth; i++) value = rng.chance(0.5) ? [value] : { [rng.pick(KEYS)]: value };
  return value;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function insertAt(text: string, offset: number, piece: string): string {
  return text.slice(0, offset) + piece + text.slice(offset);
}

type TextMutation = (text: string, rng: Rng) => string;

/** Nesting depths of `deep-flow-nesting`; the soak run adds 10,000. */
const deepFlowDepths = process.env.SEQERA_SYNC_SOAK === '1' ? [50, 500, 2_000, 10_000] : [50, 500, 2_000];

/** Mutations of the raw text (the result need not be valid YAML). */
const TEXT_MUTATIONS: Readonly<Record<string, TextMutation>> = {
  truncate: (text, rng) => text.slice(0, rng.int(0, text.length)),
  'truncate-mid-line': (text, rng) => {
    const starts = lineStarts(text);
    const start = rng.pick(starts);
    return text.slice(0, Math.min(text.length, start + rng.int(1, 12)));
  },
  'delete-range': (text, rng) => {
    const from = rng.int(0, text.length);
    return text.slice(0, from) + text.slice(Math.min(text.length, from + rng.int(1, 80)));
  },
  'insert-binary': (text, rng) => {
    let piece = '';
    for (let i = rng.int(1, 16); i > 0; i--) piece += String.fromCharCode(rng.int(0, 31));
    return insertAt(text, rng.int(0, text.length), piece);
  },
  'insert-nul': (text, rng) => insertAt(text, rng.int(0, text.length), '\0'.repeat(rng.int(1, 4))),
  'insert-unicode': (text, rng) => insertAt(text, rng.int(0, text.length), randomUnicode(rng, rng.int(1, 8))),
  'flip-char': (text, rng) => {
    if (text.length === 0) return String.fromCharCode(rng.int(0, 0xffff));
    const at = rng.int(0, text.length - 1);
    return text.slice(0, at) + String.fromCharCode(rng.int(0, 0x3ff)) + text.slice(at + 1);
  },
  'duplicate-line': (text, rng) => {
    const lines = text.split('\n');
    const at = rng.int(0, Math.max(0, lines.length - 1));
    lines.splice(at + rng.int(0, 3), 0, lines[at] ?? '');
    return lines.join('\n');
  },
  'swap-lines': (text, rng) => {
    const lines = text.split('\n');
    const a = rng.int(0, Math.max(0, lines.length - 1));
    const b = rng.int(0, Math.max(0, lines.length - 1));
    [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
    return lines.join('\n');
  },
  'shuffle-indent': (text, rng) =>
    text
      .split('\n')
      .map((line) => (rng.chance(0.2) ? ' '.repeat(rng.int(0, 9)) + line.trimStart() : line))
      .join('\n'),
  tabs: (text, rng) =>
    text
      .split('\n')
      .map((line) => (rng.chance(0.5) ? line.replace(/^( {2})+/, (m) => '\t'.repeat(m.length / 2)) : line))
      .join('\n'),
  'tab-after-colon': (text) => text.replace(/: /g, ':\t'),
  crlf: (text) => text.replace(/\r?\n/g, '\r\n'),
  'cr-only': (text) => text.replace(/\r?\n/g, '\r'),
  'unicode-line-separators': (text, rng) => text.replace(/\n/g, () => (rng.chance(0.3) ? '\u2028' : '\n')),
  bom: (text) => `\ufeff${text}`,
  'double-bom': (text) => `\ufeff\ufeff${text}`,
  'bom-mid-file': (text, rng) => insertAt(text, rng.pick(lineStarts(text)), '\ufeff'),
  'replace-value': (text, rng) => {
    const lines = text.split('\n');
    const candidates = lines.flatMap((line, i) => (/:\s+\S/.test(line) ? [i] : []));
    if (candidates.length === 0) return `${text}\nfuzz: ${weirdScalarText(rng)}`;
    const i = rng.pick(candidates);
    lines[i] = (lines[i] ?? '').replace(/:\s+.*$/, `: ${weirdScalarText(rng)}`);
    return lines.join('\n');
  },
  'append-to-value': (text, rng) => {
    const lines = text.split('\n');
    const candidates = lines.flatMap((line, i) => (/:\s+[^\s{[|>'"]\S*\s*$/.test(line) ? [i] : []));
    if (candidates.length === 0) return text;
    const i = rng.pick(candidates);
    lines[i] = `${lines[i] ?? ''}${rng.pick([...DOLLAR, ...UNICODE])}`;
    return lines.join('\n');
  },
  'insert-yaml-special': (text, rng) => {
    const starts = lineStarts(text);
    const indent = ' '.repeat(rng.pick([0, 0, 2, 4]));
    return insertAt(text, rng.pick(starts), `${indent}${rng.pick(YAML_SPECIALS)}\n`);
  },
  'anchor-and-alias': (text, rng) => {
    const lines = text.split('\n');
    const candidates = lines.flatMap((line, i) => (/^\s*[\w-]+:\s+\S/.test(line) ? [i] : []));
    if (candidates.length < 2) return `${text}\na: &a 1\nb: *a\n`;
    const from = rng.pick(candidates);
    const to = rng.pick(candidates);
    lines[from] = (lines[from] ?? '').replace(/:\s+/, ': &fz ');
    lines[to] = (lines[to] ?? '').replace(/:\s+.*$/, rng.chance(0.7) ? ': *fz' : ': *undefined_anchor');
    return lines.join('\n');
  },
  'alias-bomb': (text, rng) => {
    const width = rng.int(2, 12);
    const depth = rng.int(3, 12);
    const row = (name: string, of: string): string =>
      `${name}: &${name} [${Array(width).fill(of).join(', ')}]`;
    const rows = [row('l0', 'lol')];
    for (let i = 1; i <= depth; i++) rows.push(row(`l${i}`, `*l${i - 1}`));
    const key = rng.pick(['fullName', 'description', 'fuzz', 'participants']);
    return `${text.trimEnd()}\n${rows.join('\n')}\n${key}: *l${depth}\n`;
  },
  'self-referencing-merge': (text) => `${text.trimEnd()}\nloop: &loop\n  <<: *loop\n`,
  'deep-flow-nesting': (text, rng) => {
    // 10,000 levels (50 KB) are allowed for, but a malformed one costs seconds (see the suite's report).
    const depth = rng.pick(deepFlowDepths);
    const open = rng.chance(0.5) ? '['.repeat(depth) : '{a: '.repeat(depth);
    const close = open.startsWith('[') ? ']'.repeat(depth) : '}'.repeat(depth);
    return `${text.trimEnd()}\nfuzz: ${open}x${rng.chance(0.8) ? close : ''}\n`;
  },
  'deep-block-nesting': (text, rng) => {
    const depth = rng.pick([50, 300, 1_500]);
    const lines = Array.from(
      { length: depth },
      (_, i) => `${' '.repeat(i)}${rng.chance(0.5) ? '- ' : `k${i}:`}`,
    );
    return `${text.trimEnd()}\nfuzz:\n${lines.map((l) => ` ${l}`).join('\n')} leaf\n`;
  },
  'huge-string': (text, rng) => {
    const lines = text.split('\n');
    const candidates = lines.flatMap((line, i) => (/^\s*[\w-]+:\s+\S/.test(line) ? [i] : []));
    const value = rng.chance(0.5) ? quoted(hugeString(rng)) : hugeString(rng).replace(/[:#\n]/g, 'x');
    if (candidates.length === 0) return `${text}\ndescription: ${value}\n`;
    const i = rng.pick(candidates);
    lines[i] = (lines[i] ?? '').replace(/:\s+.*$/, `: ${value}`);
    return lines.join('\n');
  },
  'huge-key': (text, rng) =>
    `${hugeString(rng)
      .replace(/[:#\n\s]/g, 'k')
      .slice(0, 70_000)}: 1\n${text}`,
  'huge-comment': (text, rng) => `# ${hugeString(rng).replace(/\n/g, ' ')}\n${text}`,
  'many-lines': (text, rng) => `${text.trimEnd()}\n${'\n'.repeat(rng.int(1_000, 30_000))}fuzz: 1\n`,
  'duplicate-key': (text, rng) => {
    const lines = text.split('\n');
    const candidates = lines.flatMap((line, i) => (/^[\w-]+:/.test(line) ? [i] : []));
    if (candidates.length === 0) return `${text}\nname: a\nname: b\n`;
    const i = rng.pick(candidates);
    const key = /^([\w-]+):/.exec(lines[i] ?? '')?.[1] ?? 'name';
    return `${text.trimEnd()}\n${key}: ${weirdScalarText(rng)}\n`;
  },
  'empty-file': () => '',
  'only-whitespace': (_text, rng) =>
    rng.pick([' ', '\n\n', '\t', '\r\n', '\ufeff', '#', '---', '...', '~', '""']),
  'not-a-mapping': (_text, rng) =>
    rng.pick(['- a\n- b\n', 'just a string\n', '42\n', 'null\n', '[1, 2]\n', '"x"\n']),
  'two-documents': (text) => `${text.trimEnd()}\n---\n${text}`,
};

type TreeMutation = (root: unknown, rng: Rng) => unknown;

interface Slot {
  readonly parent: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

function slotsOf(root: unknown): Slot[] {
  const slots: Slot[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 40) return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        slots.push({ parent: node, key: i });
        walk(child, depth + 1);
      });
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        slots.push({ parent: record, key });
        walk(record[key], depth + 1);
      }
    }
  };
  walk(root, 0);
  return slots;
}

function containersOf(root: unknown): (Record<string, unknown> | unknown[])[] {
  const out: (Record<string, unknown> | unknown[])[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 40 || typeof node !== 'object' || node === null) return;
    out.push(node as Record<string, unknown> | unknown[]);
    for (const child of Object.values(node)) walk(child, depth + 1);
  };
  walk(root, 0);
  return out;
}

function getSlot(slot: Slot): unknown {
  return Array.isArray(slot.parent) ? slot.parent[slot.key as number] : slot.parent[slot.key as string];
}

function setSlot(slot: Slot, value: unknown): void {
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = value;
  else
    Object.defineProperty(slot.parent, slot.key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/** Names (the `name` of any mapping) found in the tree, for reference mutations. */
function namesIn(root: unknown): string[] {
  return containersOf(root).flatMap((c) => {
    const name = Array.isArray(c) ? undefined : c.name;
    return typeof name === 'string' ? [name] : [];
  });
}

/** Mutations of the parsed value; the result is written back as YAML. */
const TREE_MUTATIONS: Readonly<Record<string, TreeMutation>> = {
  'add-random-key': (root, rng) => {
    const containers = containersOf(root).filter((c) => !Array.isArray(c));
    const target = containers.length === 0 ? undefined : (rng.pick(containers) as Record<string, unknown>);
    if (target === undefined) return { [rng.pick(KEYS)]: weirdValue(rng) };
    Object.defineProperty(target, rng.pick(KEYS), {
      value: weirdValue(rng),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return root;
  },
  'wrong-type': (root, rng) => {
    const slots = slotsOf(root);
    if (slots.length === 0) return weirdValue(rng);
    setSlot(rng.pick(slots), weirdValue(rng));
    return root;
  },
  'stringify-value': (root, rng) => {
    const slots = slotsOf(root);
    if (slots.length === 0) return root;
    const slot = rng.pick(slots);
    setSlot(slot, JSON.stringify(getSlot(slot) ?? null));
    return root;
  },
  'delete-key': (root, rng) => {
    const slots = slotsOf(root).filter((s) => !Array.isArray(s.parent));
    if (slots.length === 0) return root;
    const slot = rng.pick(slots);
    Reflect.deleteProperty(slot.parent, slot.key);
    return root;
  },
  'rename-key': (root, rng) => {
    const slots = slotsOf(root).filter((s) => !Array.isArray(s.parent));
    if (slots.length === 0) return root;
    const slot = rng.pick(slots);
    const value = getSlot(slot);
    const parent = slot.parent as Record<string, unknown>;
    const key = String(slot.key);
    Reflect.deleteProperty(parent, key);
    const renamed = rng.pick([
      key.toUpperCase(),
      `${key}s`,
      key.slice(1),
      `${key}\u200b`,
      ` ${key}`,
      rng.pick(KEYS),
    ]);
    Object.defineProperty(parent, renamed, { value, enumerable: true, writable: true, configurable: true });
    return root;
  },
  'duplicate-item': (root, rng) => {
    const arrays = containersOf(root).filter((c): c is unknown[] => Array.isArray(c) && c.length > 0);
    if (arrays.length === 0) return root;
    const list = rng.pick(arrays);
    list.splice(rng.int(0, list.length), 0, structuredClone(rng.pick(list)));
    return root;
  },
  'empty-collection': (root, rng) => {
    const slots = slotsOf(root).filter((s) => typeof getSlot(s) === 'object');
    if (slots.length === 0) return root;
    setSlot(rng.pick(slots), rng.pick([[], {}, null, '']));
    return root;
  },
  'dangle-reference': (root, rng) => {
    const names = namesIn(root);
    const slots = slotsOf(root).filter((s) => {
      const v = getSlot(s);
      return typeof v === 'string' && names.includes(v);
    });
    if (slots.length === 0) return root;
    setSlot(
      rng.pick(slots),
      rng.pick(['nowhere', '', 'ÅÄÖ', `${rng.pick(names)}\u200b`, rng.pick(names).toUpperCase()]),
    );
    return root;
  },
  'rename-resource': (root, rng) => {
    const named = containersOf(root).filter(
      (c): c is Record<string, unknown> => !Array.isArray(c) && typeof c.name === 'string',
    );
    if (named.length === 0) return root;
    const target = rng.pick(named);
    target.name = rng.pick([
      weirdValue(rng),
      `${String(target.name)}-2`,
      'a',
      'x'.repeat(rng.int(38, 300)),
      'bad--name',
      '-lead',
      'trail_',
      String(target.name).toUpperCase(),
      randomUnicode(rng, 3),
    ]);
    return root;
  },
  'number-as-string': (root, rng) => {
    const slots = slotsOf(root).filter(
      (s) => typeof getSlot(s) === 'number' || typeof getSlot(s) === 'boolean',
    );
    if (slots.length === 0) return root;
    const slot = rng.pick(slots);
    setSlot(slot, String(getSlot(slot)));
    return root;
  },
  'string-as-number': (root, rng) => {
    const slots = slotsOf(root).filter((s) => typeof getSlot(s) === 'string');
    if (slots.length === 0) return root;
    setSlot(rng.pick(slots), rng.pick([0, 1, -1, 3.14, 1e21, true, false, null]));
    return root;
  },
  'deep-nesting-value': (root, rng) => {
    const slots = slotsOf(root);
    const value = deepValue(rng, rng.int(20, 100));
    if (slots.length === 0) return { fuzz: value };
    setSlot(rng.pick(slots), value);
    return root;
  },
  'many-items': (root, rng) => {
    const arrays = containersOf(root).filter((c): c is unknown[] => Array.isArray(c) && c.length > 0);
    if (arrays.length === 0) return root;
    const list = rng.pick(arrays);
    const model = rng.pick(list);
    const count = rng.int(20, 300);
    for (let i = 0; i < count; i++) {
      const copy = structuredClone(model);
      if (typeof copy === 'object' && copy !== null && !Array.isArray(copy)) {
        const record = copy as Record<string, unknown>;
        if (typeof record.name === 'string') record.name = `${record.name}-${i}`;
        if (typeof record.email === 'string') record.email = `u${i}.${record.email}`;
      }
      list.push(copy);
    }
    return root;
  },
  'dollar-in-strings': (root, rng) => {
    const slots = slotsOf(root).filter((s) => typeof getSlot(s) === 'string');
    for (const slot of slots)
      if (rng.chance(0.3)) setSlot(slot, `${String(getSlot(slot))}${rng.pick(DOLLAR)}`);
    return root;
  },
  'unicode-in-strings': (root, rng) => {
    const slots = slotsOf(root).filter((s) => typeof getSlot(s) === 'string');
    for (const slot of slots) {
      if (rng.chance(0.3)) {
        const text = String(getSlot(slot));
        const at = rng.int(0, text.length);
        setSlot(slot, insertAt(text, at, randomUnicode(rng, rng.int(1, 3))));
      }
    }
    return root;
  },
};

type WholeMutation = (files: CorpusFile[], target: number, rng: Rng) => void;

/** Mutations of the file set (names, encodings, sizes). */
const WHOLE_MUTATIONS: Readonly<Record<string, WholeMutation>> = {
  'rename-file': (files, target, rng) => {
    const file = files[target];
    if (file === undefined) return;
    const dir = file.path.split('/')[0] ?? 'org';
    const base = rng.pick([
      'Ünïcödé',
      'emoji-😀',
      'with space',
      'x'.repeat(rng.int(40, 200)),
      '-',
      'a',
      'organization.yaml',
      'rtl-\u202eesrever',
      'zw\u200bsp',
      '..hidden',
      'UPPER',
    ]);
    files[target] = { ...file, path: `${dir}/${base}.yaml` };
  },
  'invalid-utf8': (files, target, rng) => {
    const file = files[target];
    if (file === undefined) return;
    const bytes = Buffer.from(typeof file.content === 'string' ? file.content : Buffer.from(file.content));
    const junk = rng.pick([
      [0xff],
      [0xfe, 0xff],
      [0xc3],
      [0xe2, 0x82],
      [0xf0, 0x9f, 0x98],
      [0xed, 0xa0, 0x80],
      [0xc0, 0xaf],
      [0x80, 0x80, 0x80],
    ]);
    const at = rng.int(0, bytes.length);
    files[target] = {
      ...file,
      content: Buffer.concat([bytes.subarray(0, at), Buffer.from(junk), bytes.subarray(at)]),
    };
  },
  'utf16-encoding': (files, target) => {
    const file = files[target];
    if (file === undefined || typeof file.content !== 'string') return;
    files[target] = {
      ...file,
      content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file.content, 'utf16le')]),
    };
  },
  'random-bytes': (files, target, rng) => {
    const file = files[target];
    if (file === undefined) return;
    const bytes = new Uint8Array(rng.int(1, 4096));
    for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(0, 255);
    files[target] = { ...file, content: bytes };
  },
  'over-size-limit': (files, target, rng) => {
    const file = files[target];
    if (file === undefined || typeof file.content !== 'string') return;
    files[target] = { ...file, content: `${file.content}\n# ${'p'.repeat(1024 * 1024 + rng.int(0, 16))}\n` };
  },
  'drop-file': (files, target) => {
    if (files.length > 1) files.splice(target, 1);
  },
  'extra-copy': (files, target, rng) => {
    const file = files[target];
    if (file === undefined) return;
    const dir = file.path.split('/')[0] ?? 'org';
    files.push({ ...file, path: `${dir}/copy-${rng.int(0, 99)}.yaml` });
  },
};

/** Applies one tree mutation through a YAML round trip; falls back to a text mutation when the text does not parse. */
function mutateTree(text: string, name: string, rng: Rng): string | undefined {
  // Deeply nested text is left to the text mutations: a round trip through the
  // YAML library could overflow the stack, and whether it does depends on the
  // JIT, which would make the case irreproducible.
  if (nestingDepth(text) > 60) return undefined;
  // logLevel 'error': the generator's own parse must not emit process warnings (the suite counts the tool's).
  const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'error' });
  if (doc.errors.length > 0) return undefined;
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return undefined;
  }
  if (isCyclic(root)) return undefined; // a merge key that refers to itself
  const mutated = TREE_MUTATIONS[name]?.(root, rng);
  // A mix of block and flow output, and quoted or plain scalars, as people write them.
  const options = {
    aliasDuplicateObjects: false,
    lineWidth: rng.pick([0, 80]),
    defaultStringType: rng.pick(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const),
    collectionStyle: rng.pick(['any', 'block', 'flow'] as const),
  };
  return stringify(mutated, options);
}

/** Deepest bracket or indentation nesting of a YAML text (a cheap upper bound of its tree depth). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const ch of text) {
    if (ch === '[' || ch === '{') deepest = Math.max(deepest, ++depth);
    else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  for (const line of text.split('\n'))
    deepest = Math.max(deepest, (line.length - line.trimStart().length) / 2);
  return deepest;
}

/** True when a parsed value refers to itself (checked without recursion). */
function isCyclic(root: unknown): boolean {
  const stack: { node: unknown; ancestors: Set<unknown> }[] = [{ node: root, ancestors: new Set() }];
  while (stack.length > 0) {
    const { node, ancestors } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (ancestors.has(node)) return true;
    const next = new Set(ancestors).add(node);
    for (const child of Object.values(node)) stack.push({ node: child, ancestors: next });
  }
  return false;
}

/**
 * Mutates one (sometimes two) files of a corpus: 1–4 mutations drawn from the
 * text, tree and file-set families.
 */
export function mutateCorpus(
  corpus: readonly CorpusFile[],
  rng: Rng,
  exclude: ReadonlySet<string> = new Set(),
): MutatedCase {
  const allowed = (family: Readonly<Record<string, unknown>>): string[] =>
    Object.keys(family).filter((name) => !exclude.has(name));
  const whole = allowed(WHOLE_MUTATIONS);
  const tree = allowed(TREE_MUTATIONS);
  const text = allowed(TEXT_MUTATIONS);
  const files = [...corpus];
  const mutations: string[] = [];
  const rounds = rng.int(1, 4);
  const targets = [rng.int(0, files.length - 1)];
  if (files.length > 1 && rng.chance(0.15)) targets.push(rng.int(0, files.length - 1));
  for (const target of targets) {
    for (let round = 0; round < rounds; round++) {
      const file = files[target];
      if (file === undefined) break;
      const family = rng.int(0, 99);
      if (family < 8 && whole.length > 0) {
        const name = rng.pick(whole);
        WHOLE_MUTATIONS[name]?.(files, target, rng);
        mutations.push(`${file.path}:${name}`);
        continue;
      }
      if (typeof file.content !== 'string') continue;
      if (family < 50 && tree.length > 0) {
        const name = rng.pick(tree);
        const out = mutateTree(file.content, name, rng);
        if (out !== undefined) {
          files[target] = { ...file, content: out };
          mutations.push(`${file.path}:${name}`);
          continue;
        }
      }
      if (text.length === 0) continue;
      const name = rng.pick(text);
      files[target] = { ...file, content: TEXT_MUTATIONS[name]?.(file.content, rng) ?? file.content };
      mutations.push(`${file.path}:${name}`);
    }
  }
  return { files, mutations };
}

import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_COUNT, MAX_PROBLEMS, parseYaml } from '../../../src/formats/yaml-source.js';

function parsed(text: string) {
  const result = parseYaml(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.parsed;
}

function problems(text: string) {
  const result = parseYaml(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseYaml', () => {
  const doc = parsed(
    [
      '# yaml-language-server: $schema=../../schemas/workspace.schema.json',
      'name: ws',
      'participants:',
      '  - email: a@example.org',
      '    role: admin',
      '  - { team: t, role: view }',
      'empty:',
      'odd/key~x: 1',
    ].join('\n'),
  );

  it('maps pointers to 1-based line and column, of the value or of its key', () => {
    expect(doc.locate('')).toEqual({ line: 2, column: 1 });
    expect(doc.locate('/name')).toEqual({ line: 2, column: 7 });
    expect(doc.locate('/name', 'key')).toEqual({ line: 2, column: 1 });
    expect(doc.locate('/participants/0')).toEqual({ line: 4, column: 5 });
    expect(doc.locate('/participants/0/role')).toEqual({ line: 5, column: 11 });
    expect(doc.locate('/participants/1/role')).toEqual({ line: 6, column: 22 });
    expect(doc.locate('/odd~1key~0x', 'key')).toEqual({ line: 8, column: 1 });
  });

  it('points at the key for an empty value and at the nearest ancestor for a missing node', () => {
    expect(doc.locate('/empty')).toEqual({ line: 7, column: 1 });
    expect(doc.locate('/participants/1/missing')).toEqual({ line: 6, column: 5 });
    expect(doc.locate('/participants/9')).toEqual({ line: 4, column: 3 });
  });

  it('follows aliases to their anchor', () => {
    const aliased = parsed('base: &b { region: x }\nuse: *b\n');
    expect(aliased.value).toEqual({ base: { region: 'x' }, use: { region: 'x' } });
    expect(aliased.locate('/use/region')).toEqual({ line: 1, column: 20 });
    const deep = parsed('base: &b\n  config:\n    region: x\nuse: *b\n');
    expect(deep.locate('/use/config/region')).toEqual({ line: 3, column: 13 });
    expect(deep.locate('/use/config/region', 'key')).toEqual({ line: 3, column: 5 });
  });

  it('locates deep pointers (parsed again on demand) as precisely as shallow ones', () => {
    const nested = parsed(
      ['computeEnvironments:', '  - name: a', '    config:', '      forge:', '        minCpus: 0', ''].join(
        '\n',
      ),
    );
    expect(nested.locate('/computeEnvironments/0')).toEqual({ line: 2, column: 5 });
    expect(nested.locate('/computeEnvironments/0/config/forge/minCpus')).toEqual({ line: 5, column: 18 });
    expect(nested.locate('/computeEnvironments/0/config/forge/minCpus', 'key')).toEqual({
      line: 5,
      column: 9,
    });
    expect(nested.locate('/computeEnvironments/0/config/forge/missing/deeper')).toEqual({
      line: 5,
      column: 9,
    });
    expect(nested.locate('/computeEnvironments/0/name')).toEqual({ line: 2, column: 11 });
  });

  it('refuses duplicate keys, several documents and non-core tags, with positions', () => {
    expect(problems('a: 1\nb: 2\na: 3\n')).toEqual([
      { line: 3, column: 1, message: expect.stringContaining('duplicate key') as unknown },
    ]);
    expect(problems('a: 1\n---\nb: 2\n')[0]).toMatchObject({ line: 2, column: 1 });
    expect(problems('a: !!binary aGVsbG8=\n')).toEqual([
      {
        line: 1,
        column: 4,
        message: "tag 'tag:yaml.org,2002:binary' is not allowed (custom YAML tags are refused)",
      },
    ]);
    expect(problems('a: !!set { x }\n')[0]?.message).toContain('is not allowed');
  });

  it('accepts explicit core tags', () => {
    expect(parsed('a: !!str 12\nb: !!int "3"\n').value).toEqual({ a: '12', b: 3 });
  });

  it('bounds alias expansion (billion laughs)', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const started = Date.now();
    const [problem] = problems(lines.join('\n'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(problem).toMatchObject({ line: 2, column: 8 });
    expect(problem?.message).toContain(`over ${MAX_ALIAS_COUNT}`);
  });

  it('reports a syntax error at its position', () => {
    expect(problems('a: [1, 2\nb: 3\n')[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('invalid YAML') as unknown,
    });
    expect(problems('a:\n  b: 1\n c: 2\n')[0]).toMatchObject({ line: 3 });
  });
});

describe('parseYaml refuses what the config cannot hold (found by the config fuzzer)', () => {
  it('refuses an alias inside its own anchor, at the alias, instead of overflowing the stack', () => {
    expect(problems('name: ws\nloop: &x [*x]\n')).toEqual([
      { line: 2, column: 11, message: expect.stringContaining('recursive aliases are refused') },
    ]);
    expect(problems('name: ws\nloop: &l\n  <<: *l\n')[0]).toMatchObject({
      line: 3,
      message: expect.stringContaining('*l refers to an anchor that contains it'),
    });
  });

  it('refuses a list or map as a mapping key, at the key (no stringified key, no process warning)', () => {
    const warnings: unknown[] = [];
    const onWarning = (w: unknown): void => {
      warnings.push(w);
    };
    process.on('warning', onWarning);
    try {
      expect(problems('name: ws\n? [a, b]\n: value\n')).toEqual([
        { line: 2, column: 3, message: 'mapping keys must be plain strings, not lists or maps' },
      ]);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('reports at most MAX_PROBLEMS problems for one malformed file', () => {
    const flood = Array.from({ length: 200 }, (_, i) => `k${i}: {a: `).join('\n');
    const found = problems(flood);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(MAX_PROBLEMS);
  });
});

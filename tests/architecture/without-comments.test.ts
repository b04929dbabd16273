import { describe, expect, it } from 'vitest';
import { withoutComments } from './without-comments.js';

describe('withoutComments', () => {
  it('drops line, block and doc comments', () => {
    const code = withoutComments('/** credential */\nconst a = 1; // labels\n/* pipelines */ const b = 2;\n');
    expect(code).not.toMatch(/credential|labels|pipelines/);
    expect(code).toMatch(/const a = 1;/);
    expect(code).toMatch(/const b = 2;/);
  });

  it('keeps what only looks like a comment inside a string, a template or a regular expression', () => {
    const code = withoutComments(
      "const u = 'https://x/credentials';\nconst t = `a // labels ${u} /* pipelines */`;\nconst r = /\\/\\/ secrets/;\n",
    );
    expect(code).toContain('https://x/credentials');
    expect(code).toContain('// labels');
    expect(code).toContain('/* pipelines */');
    expect(code).toContain('secrets');
  });
});

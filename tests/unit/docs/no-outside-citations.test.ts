/**
 * Comments in `src/` (and its folder READMEs) state their rule, or point at a
 * file of this repository. They never cite a document a reader of the code
 * does not have: the product specification's sections ("SPEC 4.5"), the API
 * reference's ("REFERENCE §8"), the style guide ("STYLE.md", "STYLE 3.8"),
 * the reference's citation keys ("DOCS") or an issue ("issue 14").
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

const CITATIONS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /\bSPEC\b/, what: 'the product specification' },
  { pattern: /\bREFERENCE\b/, what: 'the API reference' },
  { pattern: /§/, what: 'a section of an outside document' },
  { pattern: /\bSTYLE(?:\.md\b|\s+\d)/, what: 'the style guide' },
  { pattern: /\bDOCS\b/, what: "the API reference's citation key" },
  { pattern: /\bissues?\s+#?\d+/i, what: 'an issue' },
  { pattern: /\.\.\/shared\/(?!seqera-api\/recorded\/)/, what: 'a file outside the repository' },
];

/** What a comment or document cites from outside the repository (empty when nothing). */
function outsideCitations(text: string): string[] {
  const flat = text.replace(/\s*\n\s*(?:\*(?!\/)|\/\/)?\s*/g, ' ');
  return CITATIONS.filter((c) => c.pattern.test(flat)).map((c) => c.what);
}

/** Every comment of a TypeScript source, with its 1-based line (code and strings are not comments). */
function commentsOf(fileName: string, text: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found = new Map<number, string>();
  const visit = (node: ts.Node): void => {
    const ranges = [
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
    ];
    for (const range of ranges) found.set(range.pos, text.slice(range.pos, range.end));
    for (const child of node.getChildren(source)) {
      if (child.kind < ts.SyntaxKind.FirstJSDocNode || child.kind > ts.SyntaxKind.LastJSDocNode) visit(child);
    }
  };
  visit(source);
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([pos, comment]) => ({ line: source.getLineAndCharacterOfPosition(pos).line + 1, text: comment }));
}

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const SRC = join(REPO_ROOT, 'src');

describe('outsideCitations', () => {
  it('finds citations of outside documents, also across a line break', () => {
    expect(outsideCitations('/** Order of creates (SPEC 4.5). */')).toEqual(['the product specification']);
    expect(outsideCitations('// breaks the CE, REFERENCE §8')).toEqual([
      'the API reference',
      'a section of an outside document',
    ]);
    expect(outsideCitations('/**\n * nothing else (see STYLE\n * 3.8)\n */')).toEqual(['the style guide']);
    expect(outsideCitations('/** (STYLE.md) */')).toEqual(['the style guide']);
    expect(outsideCitations('/** page size (DOCS parameter tables) */')).toEqual([
      "the API reference's citation key",
    ]);
    expect(outsideCitations('/** The estate (issue\n * 8): one org */')).toEqual(['an issue']);
    expect(outsideCitations('/** see ../shared/STYLE.md */')).toEqual([
      'the style guide',
      'a file outside the repository',
    ]);
  });

  it('lets a comment state a rule or point into the repository', () => {
    expect(outsideCitations('/** Deletions run in reverse order (src/model/README.md). */')).toEqual([]);
    expect(outsideCitations('/** Opens the drift issue; closes the issue on 0. */')).toEqual([]);
    expect(outsideCitations('/** The OpenAPI spec 1.187.0 schema `PipelineSecret.name`. */')).toEqual([]);
  });
});

describe('commentsOf', () => {
  it('returns comments with their lines, and no code or string', () => {
    const text = [
      '/** Header (SPEC 3). */',
      "const SPEC = 'REFERENCE §1';",
      'const pattern = /\\/\\/ not a comment/;',
      'function f(): void {',
      '  // inside (issue 8)',
      '}',
      'const t = `${SPEC} // in a template`; /* trailing */',
    ].join('\n');
    expect(commentsOf('x.ts', text)).toEqual([
      { line: 1, text: '/** Header (SPEC 3). */' },
      { line: 5, text: '// inside (issue 8)' },
      { line: 7, text: '/* trailing */' },
    ]);
  });
});

describe('src/ cites no document outside the repository', () => {
  it('in comments of its TypeScript files', async () => {
    const offences: string[] = [];
    for (const file of await filesUnder(SRC, '.ts')) {
      const text = await readFile(file, 'utf8');
      // A file whose whole text cites nothing has no comment that does: only the others are parsed.
      if (outsideCitations(text).length === 0) continue;
      for (const comment of commentsOf(file, text)) {
        for (const what of outsideCitations(comment.text)) {
          offences.push(`${relative(REPO_ROOT, file)}:${comment.line}: cites ${what}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('in its folder READMEs', async () => {
    const offences: string[] = [];
    for (const file of await filesUnder(SRC, 'README.md')) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, index) => {
        for (const what of outsideCitations(line)) {
          offences.push(`${relative(REPO_ROOT, file)}:${index + 1}: cites ${what}`);
        }
      });
    }
    expect(offences).toEqual([]);
  });
});

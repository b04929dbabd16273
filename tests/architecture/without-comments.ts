/**
 * A TypeScript source with its comments removed, read by the compiler (a
 * comment marker inside a string, a template or a regular expression is not
 * taken for a comment, as a regular expression over the text would).
 * Strings are kept: the architecture tests look for names in them. The code
 * comes back reprinted, so compare names and literals, not layout.
 */
import ts from 'typescript';

const printer = ts.createPrinter({ removeComments: true });

export function withoutComments(source: string, fileName = 'source.ts'): string {
  return printer.printFile(
    ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS),
  );
}

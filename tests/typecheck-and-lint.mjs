// `npm run typecheck-and-lint`: `npm run typecheck` and `npm run lint` in one
// process that builds the TypeScript program once. The compiler reports its
// diagnostics for `tsconfig.json`, then ESLint lints the repository with that
// same program for its typed rules (typescript-eslint's `programs` option)
// instead of building a second one through its project service: the type
// information is computed once, which is most of the cost of both checks.
// Same configuration, same rules, same files, same result as the two scripts
// (`--max-warnings 0`: any warning fails). `npm test` runs this.
import process from 'node:process';
import { ESLint } from 'eslint';
import ts from 'typescript';

const parsed = ts.getParsedCommandLineOfConfigFile(
  'tsconfig.json',
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);
if (parsed === undefined) throw new Error('cannot read tsconfig.json');

const program = ts.createProgram({
  rootNames: parsed.fileNames,
  options: parsed.options,
  projectReferences: parsed.projectReferences,
  configFileParsingDiagnostics: parsed.errors,
});
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) {
  const host = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => '\n',
  };
  process.stdout.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.stdout.write(`\ntypecheck: ${diagnostics.length} error(s)\n`);
}

const eslint = new ESLint({
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: false, programs: [program] } },
    },
  ],
});
const results = await eslint.lintFiles(['.']);
const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
if (problems > 0) {
  const formatter = await eslint.loadFormatter('stylish');
  process.stdout.write(await formatter.format(results));
}

process.exitCode = diagnostics.length > 0 || problems > 0 ? 1 : 0;

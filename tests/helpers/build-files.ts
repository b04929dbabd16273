/**
 * What `npm run build` compiles and where each file lands, read from
 * `tsconfig.build.json` by the TypeScript compiler itself (its include and
 * exclude globs, its rootDir → outDir mapping), without compiling anything.
 */
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './openapi-spec.js';

export const BUILD_CONFIG = join(REPO_ROOT, 'tsconfig.build.json');

export interface BuildFile {
  /** The source, relative to the repository (`src/bin.ts`). */
  readonly source: string;
  /** What the build writes for it, relative to the repository (`dist/bin.js`, `dist/bin.js.map`). */
  readonly outputs: readonly string[];
}

/** Repository-relative path with forward slashes, as package file lists spell them. */
function repoPath(absolute: string): string {
  return relative(REPO_ROOT, absolute).split(sep).join('/');
}

/** The build's root files (every source its globs select) and their outputs. */
export function buildFiles(configFile: string = BUILD_CONFIG): BuildFile[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (parsed === undefined) throw new Error(`cannot read ${configFile}`);
  if (parsed.errors.length > 0) {
    const messages = parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    throw new Error(`${configFile}: ${messages.join('; ')}`);
  }
  const ignoreCase = !ts.sys.useCaseSensitiveFileNames;
  return parsed.fileNames.map((file) => ({
    source: repoPath(file),
    outputs: ts.getOutputFileNames(parsed, file, ignoreCase).map(repoPath),
  }));
}

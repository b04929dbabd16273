// @ts-check
// The shipped CLI: `npm run build` bundles its two entry points (the CLI and
// the GitHub workflows' helper) with the libraries they use into a few files.
// A process then loads one file (the CLI) or a few (the helper) instead of some
// 700 modules, which were most of every start (every workflow step starts one
// or two). Modules the helper loads on demand (the saved plan's reader,
// the renderers) go to `dist/chunks/`. The licences of the bundled libraries
// are collected into `dist/THIRD-PARTY-LICENSES.md`.
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { defineConfig } from 'rolldown';

const NODE_MODULES = `${sep}node_modules${sep}`;

/** The folder and `package.json` of the package a bundled module belongs to (undefined for our sources). */
function packageOf(moduleId) {
  const at = moduleId.lastIndexOf(NODE_MODULES);
  if (at < 0) return undefined;
  const rest = moduleId.slice(at + NODE_MODULES.length).split(sep);
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  if (name === undefined) return undefined;
  const dir = join(moduleId.slice(0, at + NODE_MODULES.length), name);
  return { dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) };
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file === undefined ? undefined : readFileSync(join(dir, file), 'utf8').trim();
}

/** The packages bundled so far, across the builds (run one after the other, each writing the notices so far). */
const packages = new Map();

/** Emits THIRD-PARTY-LICENSES.md: each bundled package's name, version, licence and licence text. */
function thirdPartyLicences() {
  return {
    name: 'third-party-licences',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const found = packageOf(id);
          if (found !== undefined) packages.set(`${found.manifest.name}@${found.manifest.version}`, found);
        }
      }
      const sections = [...packages.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, { dir, manifest }]) => {
          const text =
            licenceText(dir) ?? `(no licence file; package.json says ${manifest.license ?? 'nothing'})`;
          return `## ${key}\n\nLicence: ${manifest.license ?? 'not stated'}\n\n\`\`\`\n${text}\n\`\`\`\n`;
        });
      this.emitFile({
        type: 'asset',
        fileName: 'THIRD-PARTY-LICENSES.md',
        source: `# Third-party software bundled in seqera-sync\n\n${sections.join('\n')}`,
      });
    },
  };
}

/**
 * One build per entry point, so that no chunk of one imports the other: an
 * entry's file runs its command when imported (a shared build placed modules
 * both need in `bin.js`, and the helper's chunks imported it). The helper's
 * on-demand modules (the saved plan's reader, the renderers) are its chunks.
 */
function entry(name, source) {
  return {
    input: { [name]: source },
    platform: 'node',
    // Node's built-ins stay imports; every library is bundled.
    external: [/^node:/],
    tsconfig: 'tsconfig.build.json',
    plugins: [thirdPartyLicences()],
    output: {
      dir: 'dist',
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
      comments: { legal: true },
    },
    logLevel: 'warn',
  };
}

export default defineConfig([entry('bin', 'src/bin.ts'), entry('github/cli', 'src/github/cli.ts')]);

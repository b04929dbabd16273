/**
 * The layering of `src/`, as an allowlist. Each top-level folder of `src/`
 * (and `root`, the files directly in `src/`) has one row saying which other
 * folders it may import (`mayImport`; a folder may always import itself, and
 * an entry `folder/file.ts` allows that one file only: a tolerated exception,
 * reported as stale once no import needs it) and which npm packages
 * and node built-ins it may import (`packages`, built-ins spelled
 * `node:<name>`, an entry covering its subpaths). `pure: true` marks the
 * functional core (model, planner, renderers): it may import no IO module
 * (the list is `ioModules` in `layer-check.ts`) and only what its row allows.
 * `layering.test.ts` reads every `.ts` file under `src/`, resolves its imports
 * (type-only and dynamic ones included) and fails on an edge or package not
 * declared here, on a folder with no row, and on any file-level import cycle.
 * To add a folder, add its row; to add a dependency, add it to the importing
 * folder's row, after checking that it points down the layers: the engines
 * (cli, usecases) sit on the stages (config, state, plan, apply, export,
 * render, saved-plan), which sit on the model and the API client; tools
 * (demo, bench) may use everything, nothing in the product uses them.
 */
import type { LayersTable } from './layer-check.js';

export const layers = {
  /** The domain types and their small pure helpers: imports nothing. */
  model: { pure: true, mayImport: [], packages: [] },
  /** The Seqera REST client: knows nothing about the domain. */
  api: { mayImport: [], packages: ['axios', 'node:http', 'p-limit'] },
  /**
   * `src/bin.ts` (wires the real process), `errors.ts` (exit codes),
   * `heap-tuning.ts`, `package-files.ts` (the package's own files).
   */
  root: {
    mayImport: ['model', 'api', 'cli'],
    packages: ['node:fs', 'node:path', 'node:readline', 'node:url', 'node:v8'],
  },
  /** The YAML files' formats: written shapes, positions, JSON Schema validators, where `${NAME}` may stand. */
  formats: {
    mayImport: ['model', 'root'],
    packages: ['ajv', 'node:crypto', 'node:fs', 'node:module', 'node:url', 'yaml'],
  },
  /** YAML files → validated desired state; each kind's lists read through the registry (`kinds`). */
  config: {
    mayImport: ['model', 'formats', 'kinds', 'secrets', 'root'],
    packages: ['node:fs', 'node:path', 'p-limit', 'yaml'],
  },
  /** Secret values and the fingerprints of credential keys. */
  secrets: { mayImport: ['model', 'formats', 'root'], packages: ['node:crypto', 'node:os', 'p-limit'] },
  /** Platform → actual state. */
  state: { mayImport: ['model', 'api', 'kinds', 'secrets'], packages: ['p-limit'] },
  /** The planner: desired + actual → plan. */
  plan: { pure: true, mayImport: ['model', 'kinds'], packages: ['yaml'] },
  /** Plan → text, Markdown, JSON. */
  render: { pure: true, mayImport: ['model', 'kinds'], packages: [] },
  /**
   * One module per resource kind (`src/kinds/<kind>/`), the registry, the
   * dependency graph and the kit of blocks kinds share. The stages (state,
   * plan, apply, export, render, saved-plan) and the loader (config) iterate
   * it; it imports no stage: a kind is below the engines that run it. It
   * takes the files' shapes and schemas from `formats`, never from the
   * loader that iterates it.
   */
  kinds: {
    mayImport: ['model', 'api', 'formats', 'secrets', 'root'],
    packages: ['node:crypto', 'node:fs', 'node:path', 'yaml'],
  },
  /** Plan → requests against the platform. */
  apply: {
    mayImport: ['model', 'api', 'kinds', 'config', 'render', 'secrets', 'root'],
    packages: ['node:crypto', 'p-limit'],
  },
  /** Platform → YAML files. */
  export: {
    mayImport: ['model', 'api', 'kinds', 'config', 'formats', 'render', 'state', 'root'],
    packages: ['node:fs', 'node:path', 'yaml'],
  },
  /** Plan files written by `plan --out` and read back by `apply`. */
  'saved-plan': {
    mayImport: ['model', 'kinds', 'config', 'plan', 'render', 'secrets', 'root'],
    packages: ['ajv', 'node:crypto', 'node:fs'],
  },
  /** Pull-request comments, drift issues, CODEOWNERS. */
  github: {
    mayImport: ['model', 'render', 'saved-plan', 'root'],
    packages: ['axios', 'node:crypto', 'node:fs', 'node:path', 'node:url', 'node:util'],
  },
  /** Who can do what, declared and live. */
  'access-report': {
    mayImport: ['model', 'api', 'kinds', 'config', 'root'],
    packages: ['ajv', 'node:crypto', 'node:fs', 'p-limit'],
  },
  /** The stand-in platform: shares no code with the client it is tested against. */
  emulator: {
    mayImport: ['root'],
    packages: ['ajv', 'node:crypto', 'node:fs', 'node:http', 'node:net', 'yaml'],
  },
  /**
   * The commands' use cases, with what they are given: the injected
   * dependencies (`deps.ts`), the global options' value, the version and the
   * config-progress line. The CLI sits above and imports them; they import
   * nothing from `cli/`.
   */
  usecases: {
    mayImport: ['model', 'api', 'config', 'plan', 'render', 'saved-plan', 'secrets', 'state', 'root'],
    packages: ['node:crypto', 'node:fs', 'node:path'],
  },
  /** The commander program and one file per command. */
  cli: {
    mayImport: [
      'model',
      'api',
      'config',
      'apply',
      'export',
      'github',
      'access-report',
      'emulator',
      'render',
      'saved-plan',
      'secrets',
      'usecases',
      'root',
    ],
    packages: ['commander', 'node:crypto', 'node:events', 'node:fs', 'node:path', 'yaml'],
  },
  /** Developer tools: they drive the CLI in-process against the emulator. */
  demo: {
    mayImport: ['model', 'api', 'cli', 'config', 'emulator', 'kinds', 'secrets', 'usecases', 'root'],
    packages: ['node:fs', 'node:path', 'node:url'],
  },
  bench: {
    mayImport: [
      'model',
      'api',
      'cli',
      'config',
      'demo',
      'emulator',
      'formats',
      'kinds',
      'secrets',
      'state',
      'usecases',
      'root',
    ],
    packages: ['node:child_process', 'node:fs', 'node:os', 'node:path', 'node:url', 'yaml'],
  },
} satisfies LayersTable;

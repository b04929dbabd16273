/**
 * Leak scan: `validate`, `plan` (text, markdown, json,
 * `--out FILE`, `--rotate-secrets`), `apply` (text and json reports, fresh
 * and saved plans), `export` (text and json, the YAML it writes), `--verbose`
 * runs and error paths (a bad token → 401, an unreachable endpoint, a stale
 * saved plan, an invalid config with a literal secret, a missing variable,
 * an unparsable SEQERA_SYNC_VARS) — every output (stdout, stderr, plan file,
 * report, exported files) is searched for every secret value and the token.
 *
 * Every variable holds a distinctive value, and so do unrelated environment
 * variables (`GITHUB_TOKEN`, another community's secret) and another
 * workspace's variable of the same name: none of them may appear in stdout,
 * stderr, a saved plan, a report, the markdown comment, or the bodies the
 * emulator received outside the secret fields themselves (and the unrelated
 * ones nowhere at all). A file that tries `description: "${GITHUB_TOKEN}"`
 * is refused without printing the value.
 *
 * Two layers (src/cli/redact.ts):
 * - as users run it: token and variables in TOWER_ACCESS_TOKEN / SEQERA_SYNC_VARS,
 *   so the CLI's redactor also works on the output;
 * - blind redactor: the variables in a `--vars-file` (the redactor knows only
 *   the environment) and the real token only inside an injected client (the
 *   environment holds a placeholder), so any value that reaches the output
 *   was printed by the code itself; plus the library functions (renderers,
 *   plan document, apply report, the client's verbose log, ApiError) called
 *   directly.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/api/client.js';
import type { ApiClientOptions } from '../../src/api/client-options.js';
import { applyPlan, renderApplyReport } from '../../src/apply/index.js';
import { loadDesiredState } from '../../src/config/load-desired-state.js';
import { parseVariables } from '../../src/secrets/variables.js';
import type { RequestLogEntry } from '../../src/emulator/request-log.js';
import { secretKeyFields } from '../../src/model/secret-fields.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/start-emulator.js';
import type { DesiredState } from '../../src/model/desired.js';
import { computePlan } from '../../src/plan/compute-plan.js';
import { renderJson, renderMarkdown, renderText } from '../../src/render/index.js';
import { computeKeysMatch } from '../../src/secrets/fingerprint.js';
import { readActualState } from '../../src/state/read-actual-state.js';
import { planDocumentFor } from '../../src/usecases/plan-document-io.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { caseRng, sizeFromEnv } from './support/random.js';

/** Seeded, so a run is reproducible; 16 hex digits keep every value distinctive. */
const LEAK_SEED = sizeFromEnv('SEQERA_SYNC_LEAK_SEED', 4_242, 4_242);
const rng = caseRng(LEAK_SEED, 0);
const random = (): string =>
  Array.from({ length: 16 }, () => '0123456789abcdef'.charAt(rng.int(0, 15))).join('');

/** Every secret value: distinctive, so any occurrence in an output is a leak. */
const SECRETS = {
  AWS_SECRET: `S3CR3T-aws-${random()}`,
  SSH_KEY: `S3CR3T-ssh-${random()}\n-----END OPENSSH PRIVATE KEY-----`,
  SSH_PASS: `S3CR3T-pass-${random()}`,
  GH_TOKEN: `S3CR3T-ghtoken-${random()}`,
  GH_PASSWORD: `S3CR3T-ghpass-${random()}`,
  LICENSE: `S3CR3T-license-${random()}`,
  REGISTRY_PASSWORD: `S3CR3T-registry-${random()}`,
} as const;
/** Unrelated environment variables (the runner's, another community's): never a source of values. */
const ENV_ONLY = {
  GITHUB_TOKEN: `S3CR3T-ghaction-${random()}`,
  GENOMICS_AWS_SECRET_KEY: `S3CR3T-othercommunity-${random()}`,
} as const;
/** Another workspace's variable (no file of it here), with a name vault also uses: never read for vault. */
const OTHER_WORKSPACE = { AWS_SECRET: `S3CR3T-otherws-${random()}` } as const;
/** Committed by mistake in a file: validation refuses it, and must not repeat it. */
const LITERAL = `S3CR3T-literal-${random()}`;
const TOKEN = `TOK-${random()}`;
const BAD_TOKEN = `TOK-BAD-${random()}`;
const TOKEN_EMAIL = 'leak-bot@example.org';

/** What may never appear, with the random part alone (a truncated value is a leak too). */
function needles(): { readonly label: string; readonly text: string }[] {
  const values: [string, string][] = [
    ...Object.entries(SECRETS),
    ...Object.entries(ENV_ONLY),
    ...Object.entries(OTHER_WORKSPACE).map(([k, v]): [string, string] => [`other workspace ${k}`, v]),
    ['LITERAL', LITERAL],
    ['TOKEN', TOKEN],
    ['BAD_TOKEN', BAD_TOKEN],
  ];
  return values.flatMap(([label, value]) => {
    const core = /[0-9a-f]{16}/.exec(value)?.[0];
    return [
      { label, text: value.split('\n')[0]! },
      ...(core === undefined ? [] : [{ label: `${label} (random part)`, text: core }]),
    ];
  });
}

/** Leaks of any secret or token in `text`, labelled with where it was found. */
function leaks(where: string, text: string): string[] {
  const found: string[] = [];
  for (const needle of needles()) {
    if (text.includes(needle.text)) {
      const at = text.indexOf(needle.text);
      found.push(
        `${where}: ${needle.label} in ...${JSON.stringify(text.slice(Math.max(0, at - 80), at + 40))}`,
      );
    }
  }
  return found;
}

const ORG = 'leakorg';

/** The variables as `SEQERA_SYNC_VARS` (or a `--vars-file`) holds them: each workspace's under its key. */
function varsJson(vault: Readonly<Record<string, string>> = SECRETS): string {
  return JSON.stringify({ [`${ORG}/vault`]: vault, [`${ORG}/other`]: OTHER_WORKSPACE });
}

/** Values that may never be sent to the platform at all. */
const NEVER_SENT = [...Object.values(ENV_ONLY), ...Object.values(OTHER_WORKSPACE), LITERAL];

/** A request body without the fields that legitimately carry a secret (credential secret keys, a secret's value). */
function nonSecretPart(entry: RequestLogEntry): unknown {
  const body = entry.body;
  if (typeof body !== 'object' || body === null) return body;
  if (/\/pipeline-secrets/.test(entry.path)) {
    const { value: _value, ...rest } = body as Record<string, unknown>;
    return rest;
  }
  const credentials = (body as { credentials?: { provider?: unknown; keys?: Record<string, unknown> } })
    .credentials;
  if (/\/credentials/.test(entry.path) && credentials?.keys !== undefined) {
    const secret = secretKeyFields(String(credentials.provider));
    const keys = Object.fromEntries(Object.entries(credentials.keys).filter(([k]) => !secret.includes(k)));
    return { ...body, credentials: { ...credentials, keys } };
  }
  return body;
}

const ORGANIZATION = `name: ${ORG}
fullName: Leak scan organisation
members:
  - { email: ${TOKEN_EMAIL}, role: owner }
  - { email: ana@example.org, role: member }
teams:
  - { name: admins, members: [ana@example.org] }
`;

const WORKSPACE = `name: vault
fullName: Vault workspace
visibility: shared
participants:
  - { email: ana@example.org, role: admin }
  - { team: admins, role: maintain }
credentials:
  - name: aws-main
    provider: aws
    description: AWS with a secret key
    keys: { accessKey: AKIALEAKSCAN, secretKey: '\${AWS_SECRET}' }
  - name: hpc
    provider: ssh
    keys: { privateKey: '\${SSH_KEY}', passphrase: '\${SSH_PASS}' }
  - name: gh
    provider: github
    description: a token the platform returns on read
    keys: { username: leaky, token: '\${GH_TOKEN}', password: '\${GH_PASSWORD}' }
  - name: registry
    provider: container-reg
    keys: { registry: quay.io, userName: leaky, password: '\${REGISTRY_PASSWORD}' }
computeEnvironments:
  - name: batch
    platform: aws-batch
    credentials: aws-main
    primary: true
    config: { region: ap-southeast-2, workDir: 's3://vault/work', forge: { type: SPOT, maxCpus: 16 } }
pipelines:
  - name: hello
    url: https://github.com/nextflow-io/hello
    computeEnvironment: batch
    workDir: s3://vault/work
    launch: { workspaceSecrets: [LICENSE] }
secrets:
  - { name: LICENSE, value: '\${LICENSE}' }
`;

function writeConfig(dir: string, workspace = WORKSPACE): void {
  mkdirSync(path.join(dir, ORG), { recursive: true });
  writeFileSync(path.join(dir, ORG, 'organization.yaml'), ORGANIZATION);
  writeFileSync(path.join(dir, ORG, 'vault.yaml'), workspace);
}

/** Every file below `dir`, as text. */
function filesBelow(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory()
      ? filesBelow(full)
      : [{ file: full, text: readFileSync(full, 'utf8') }];
  });
}

const SEED = {
  users: [
    { userName: 'leak-bot', email: TOKEN_EMAIL, token: TOKEN },
    { userName: 'ana', email: 'ana@example.org' },
  ],
  orgs: [
    {
      name: ORG,
      fullName: 'Leak scan organisation',
      members: [{ email: TOKEN_EMAIL, role: 'owner' as const }],
    },
  ],
};

describe('leak scan: no secret value or token in any output', () => {
  let root = '';
  let emulator: RunningEmulator | undefined;
  const found: string[] = [];
  /** Outputs scanned, for the summary (and to prove the scan saw something). */
  let scanned = 0;

  const scan = (where: string, ...texts: string[]): void => {
    scanned++;
    for (const text of texts) found.push(...leaks(where, text));
  };
  const scanRun = (where: string, result: CliResult): CliResult => {
    scan(where, result.stdout, result.stderr);
    return result;
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'seqera-sync-leak-'));
  });
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('the scanner finds a planted value (it can fail)', () => {
    expect(leaks('probe', `x ${SECRETS.LICENSE} y`)).not.toEqual([]);
    expect(leaks('probe', `x ${TOKEN.slice(4)} y`)).not.toEqual([]);
    expect(leaks('probe', 'nothing here')).toEqual([]);
  });

  for (const layer of ['as users run it', 'with the redactor blind'] as const) {
    it(`validate, plan, apply, export and error paths (${layer})`, async () => {
      found.length = 0;
      scanned = 0;
      const dir = path.join(root, layer.replace(/\W+/g, '-'));
      const config = path.join(dir, 'config');
      writeConfig(config);
      emulator = await startEmulator({ seed: SEED, ceCreateDelayMs: 10, ceDeleteDelayMs: 10 });
      const blind = layer === 'with the redactor blind';
      // Blind: the variables come from a --vars-file the redactor never sees.
      const writeVars = (name: string, vault: Readonly<Record<string, string>> = SECRETS): string[] => {
        if (!blind) return [];
        writeFileSync(path.join(dir, name), varsJson(vault));
        return ['--vars-file', name];
      };
      const varsArgs = writeVars('vars.json');
      const env: Record<string, string> = blind
        ? { TOWER_ACCESS_TOKEN: 'placeholder-token', ...ENV_ONLY }
        : { TOWER_ACCESS_TOKEN: TOKEN, SEQERA_SYNC_VARS: varsJson(), ...ENV_ONLY };
      // Blind: the client gets the real token from here, not from the environment the redactor reads.
      const makeClient = (token: string) => (options: ApiClientOptions) =>
        createApiClient({ ...options, token: blind ? token : options.token });
      const endpoint = emulator.endpoint;
      const cli = (args: readonly string[], options: { env?: Record<string, string>; token?: string } = {}) =>
        runCli(
          // validate works offline and refuses the options of the commands that talk to the platform
          [
            ...args,
            '--config-dir',
            config,
            ...(args[0] === 'validate' ? [] : ['--endpoint', endpoint, '--max-rps', '500']),
          ],
          {
            env: options.env ?? env,
            cwd: dir,
            makeClient: makeClient(options.token ?? TOKEN),
          },
        );
      /** `plan`/`apply` with the layer's variables (a --vars-file when blind). */
      const withVars = (
        args: readonly string[],
        options: { env?: Record<string, string>; token?: string } = {},
      ) => cli([...args, ...varsArgs], options);

      for (const format of ['text', 'github', 'json']) {
        const validated = scanRun(
          `validate --format ${format}`,
          await cli(['validate', '--format', format, '--verbose']),
        );
        expect(validated.code, validated.stderr).toBe(0);
      }
      for (const format of ['text', 'markdown', 'json']) {
        const planned = scanRun(
          `plan --format ${format}`,
          await withVars(['plan', '--format', format, '--verbose']),
        );
        expect(planned.code, planned.stderr).toBe(0);
        expect(planned.stderr).toMatch(/GET \/user-info/); // --verbose logged the requests
        // A value from a variable is named, never shown.
        expect(planned.stdout).toContain(
          format === 'json' ? '"secretRef": "AWS_SECRET"' : '(sensitive, from ${AWS_SECRET})',
        );
      }
      const saved = scanRun('plan --out', await withVars(['plan', '--out', 'plan.json', '--verbose']));
      expect(saved.code).toBe(0);
      scan('plan.json', readFileSync(path.join(dir, 'plan.json'), 'utf8'));

      const applied = scanRun('apply plan.json', await withVars(['apply', 'plan.json', '--verbose']));
      expect(applied.code, applied.stderr).toBe(0);
      for (const format of ['text', 'markdown', 'json']) {
        const rotation = scanRun(
          `plan --rotate-secrets --format ${format}`,
          await withVars(['plan', '--rotate-secrets', '--format', format]),
        );
        // The secrets were in what was rendered: shown as sensitive, never as values.
        if (format !== 'json') expect(rotation.stdout).toContain('(sensitive, from ${LICENSE})');
      }
      scanRun(
        'apply --rotate-secrets (text)',
        await withVars(['apply', '--yes', '--rotate-secrets', '--verbose']),
      );
      scanRun(
        'apply --yes --format json',
        await withVars(['apply', '--yes', '--format', 'json', '--verbose']),
      );

      // Export, twice (text and json), into fresh dirs; then every file it wrote.
      for (const format of ['text', 'json']) {
        const out = path.join(dir, `export-${format}`);
        const result = scanRun(
          `export --format ${format}`,
          await cli(['export', '--org', ORG, '--out-dir', out, '--format', format, '--verbose']),
        );
        expect(result.code, result.stderr).toBe(0);
        const files = filesBelow(out);
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) scan(`exported ${path.relative(dir, file.file)}`, file.text);
      }

      // Error paths.
      const stale = scanRun(
        'plan --out stale.json',
        await withVars(['plan', '--rotate-secrets', '--out', 'stale.json']),
      );
      expect(stale.code).toBe(0);
      scan('stale.json', readFileSync(path.join(dir, 'stale.json'), 'utf8'));
      const rotatedVault = { ...SECRETS, LICENSE: `${SECRETS.LICENSE}-rotated` };
      const changedArgs = writeVars('vars-rotated.json', rotatedVault);
      const changed = blind ? env : { ...env, SEQERA_SYNC_VARS: varsJson(rotatedVault) };
      const staleRun = scanRun(
        'apply stale.json (changed variables)',
        await cli(['apply', 'stale.json', '--verbose', ...changedArgs], { env: changed }),
      );
      expect(staleRun.code).toBe(1);
      expect(staleRun.stderr).toMatch(/stale/i);

      const badEnv = blind ? env : { ...env, TOWER_ACCESS_TOKEN: BAD_TOKEN };
      const badToken = scanRun(
        'plan with a bad token',
        await withVars(['plan', '--verbose'], { env: badEnv, token: BAD_TOKEN }),
      );
      expect(badToken.code).toBe(1);
      const unreachable = scanRun(
        'plan against an unreachable endpoint',
        await runCli(
          ['plan', '--config-dir', config, '--endpoint', 'http://127.0.0.1:9', '--verbose', ...varsArgs],
          {
            env,
            cwd: dir,
            makeClient: (options) =>
              createApiClient({
                ...options,
                token: blind ? TOKEN : options.token,
                retryBudgetMs: 500,
                timeoutMs: 500,
              }),
          },
        ),
      );
      expect(unreachable.code).toBe(1);

      const literalDir = path.join(dir, 'literal');
      writeConfig(literalDir, WORKSPACE.replace(`'\${SSH_PASS}'`, `'${LITERAL}'`));
      for (const format of ['text', 'github', 'json']) {
        const result = scanRun(
          `validate a literal secret --format ${format}`,
          await runCli(['validate', '--config-dir', literalDir, '--format', format, '--verbose'], { env }),
        );
        expect(result.code).toBe(1);
      }
      const literalPlan = scanRun(
        'plan with a literal secret',
        await runCli(['plan', '--config-dir', literalDir, '--endpoint', endpoint, '--verbose', ...varsArgs], {
          env,
          cwd: dir,
          makeClient: makeClient(TOKEN),
        }),
      );
      expect(literalPlan.code).toBe(1);

      // A file asking for an environment variable (or another workspace's) outside a secret field.
      const hostileDir = path.join(dir, 'hostile');
      writeConfig(
        hostileDir,
        WORKSPACE.replace(
          'fullName: Vault workspace',
          'fullName: Vault workspace\ndescription: "${GITHUB_TOKEN} ${GENOMICS_AWS_SECRET_KEY}"',
        ).replace('region: ap-southeast-2', "region: '${AWS_SECRET}'"),
      );
      // (validate works offline and refuses --endpoint)
      for (const args of [
        ['validate'],
        ['plan', '--format', 'markdown', '--endpoint', endpoint, ...varsArgs],
      ]) {
        const result = scanRun(
          `${args[0]!} with \${GITHUB_TOKEN} in a description`,
          await runCli([...args, '--config-dir', hostileDir], {
            env,
            cwd: dir,
            makeClient: makeClient(TOKEN),
          }),
        );
        expect(result.code).toBe(1);
        expect(result.stdout + result.stderr).toContain(
          'variables are resolved only in credential keys and secret values',
        );
      }

      const missingArgs = writeVars('vars-missing.json', { ...SECRETS, REGISTRY_PASSWORD: '' });
      const missing = blind
        ? env
        : { ...env, SEQERA_SYNC_VARS: varsJson({ ...SECRETS, REGISTRY_PASSWORD: '' }) };
      scanRun(
        'plan with a missing variable',
        await cli(['plan', '--verbose', ...missingArgs], { env: missing }),
      );
      const broken = `{"${ORG}/vault": {"AWS_SECRET": "${SECRETS.AWS_SECRET}", "LICENSE": "${SECRETS.LICENSE}"`;
      if (blind) writeFileSync(path.join(dir, 'vars-broken.json'), broken);
      const brokenVars = scanRun(
        'plan with an unparsable variables JSON',
        blind
          ? await cli(['plan', '--verbose', '--vars-file', 'vars-broken.json'])
          : await cli(['plan', '--verbose'], { env: { ...env, SEQERA_SYNC_VARS: broken } }),
      );
      expect(brokenVars.code).toBe(1);

      // What the platform received: secrets only in secret fields; unrelated values nowhere.
      const received = emulator.requestLog().filter((entry) => entry.body !== undefined);
      const everything = JSON.stringify(received.map((entry) => entry.body));
      expect(everything).toContain(SECRETS.AWS_SECRET); // the scan sees the bodies: the secret was sent, in its field
      for (const value of NEVER_SENT) expect(everything).not.toContain(value.split('\n')[0]);
      for (const entry of received) {
        scan(
          `emulator body ${entry.method} ${entry.path} (non-secret fields)`,
          JSON.stringify(nonSecretPart(entry)),
        );
      }

      console.info(`leak scan (${layer}): ${scanned} outputs searched for ${needles().length} values`);
      expect(found).toEqual([]);
    });
  }

  it('library functions, without the CLI: renderers, plan document, apply report, verbose log, ApiError', async () => {
    found.length = 0;
    const config = path.join(root, 'library');
    writeConfig(config);
    emulator = await startEmulator({ seed: SEED, ceCreateDelayMs: 10, ceDeleteDelayMs: 10 });
    const loaded = await loadDesiredState(config);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const desired: DesiredState = loaded.value;
    const variables = parseVariables(varsJson(), 'SEQERA_SYNC_VARS');
    const log: string[] = [];
    const client = createApiClient({
      endpoint: emulator.endpoint,
      token: TOKEN,
      maxRps: 500,
      verbose: true,
      log: (line) => log.push(line),
    });
    const planOnce = async (rotateSecrets: boolean) => {
      const actual = await readActualState(client, desired, { workspaceFilter: [] });
      const keysMatch = await computeKeysMatch(desired, actual, variables);
      const plan = computePlan(desired, actual, {
        options: { allowDeletions: false, allowWorkspaceDeletion: false, rotateSecrets },
        setVariables: new Map([...variables.scopes].map(([k, v]) => [k, new Set(v.keys())])),
        keysMatch,
        workspaceFilter: [],
      });
      const document = await planDocumentFor(
        { desired, actual, plan, client, variables },
        emulator!.endpoint,
      );
      scan('renderText', renderText(plan, { color: false }), renderText(plan, { color: true }));
      scan('renderMarkdown', renderMarkdown(plan));
      scan('renderJson(plan document)', renderJson(document));
      scan('inspect(plan)', inspect(plan, { depth: 20 }));
      return plan;
    };
    const first = await planOnce(false);
    expect(first.actions.length).toBeGreaterThan(0);
    const report = await applyPlan(first, client, { variables, waitTimeoutMs: 10_000, pollIntervalMs: 20 });
    expect(report.failed).toEqual([]);
    scan('renderApplyReport text', renderApplyReport(report, { format: 'text', color: false }));
    scan('renderApplyReport json', renderApplyReport(report, { format: 'json', color: false }));
    const rotation = await planOnce(true);
    expect(rotation.actions.some((a) => a.kind === 'secret')).toBe(true);
    const rotated = await applyPlan(rotation, client, {
      variables,
      waitTimeoutMs: 10_000,
      pollIntervalMs: 20,
    });
    scan('renderApplyReport (rotation)', renderApplyReport(rotated, { format: 'json', color: false }));
    expect(log.length).toBeGreaterThan(0);
    scan('client verbose log', log.join('\n'));

    // Errors keep no token: their message, and everything reachable from them.
    const failures: unknown[] = [];
    for (const options of [
      { endpoint: emulator.endpoint, token: BAD_TOKEN },
      { endpoint: 'http://127.0.0.1:9', token: TOKEN, retryBudgetMs: 300, timeoutMs: 300 },
    ]) {
      const errorLog: string[] = [];
      const failing = createApiClient({
        maxRps: 500,
        verbose: true,
        log: (l) => errorLog.push(l),
        ...options,
      });
      try {
        await readActualState(failing, desired, { workspaceFilter: [] });
        failures.push(new Error(`no error from ${options.endpoint}`));
      } catch (err) {
        failures.push(err);
      }
      scan(`verbose log against ${options.endpoint}`, errorLog.join('\n'));
    }
    for (const [i, err] of failures.entries()) {
      expect(err).toBeInstanceOf(Error);
      scan(`error ${i}: message`, String(err), (err as Error).stack ?? '');
      scan(`error ${i}: inspect`, inspect(err, { depth: 8, showHidden: true }));
      scan(`error ${i}: JSON`, JSON.stringify(err, Object.getOwnPropertyNames(err)));
    }
    expect(found).toEqual([]);
  });
});

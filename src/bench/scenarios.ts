/** The measured scenarios: which platform they start from, which command, which exit code is right. */
import { ORG_NAME } from './estate.js';

export const SCENARIO_IDS = [
  'plan-noop',
  'plan-drift',
  'plan-pr',
  'apply-empty',
  'apply-noop',
  'access-report',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export type PlatformKind = 'converged' | 'drifted' | 'empty';

export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  readonly platform: PlatformKind;
  readonly command: 'plan' | 'apply' | 'access-report';
  /** The tool's exit code when it behaves (plan --detailed-exitcode: 0 empty, 2 changes). */
  readonly expectedExit: number;
  /**
   * A pull request's plan: the estate with one workspace file changed,
   * planned with `--base-config-dir` the estate as it was.
   */
  readonly changeScoped?: boolean;
}

export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  'plan-noop': {
    id: 'plan-noop',
    title: 'plan, nothing changed',
    platform: 'converged',
    command: 'plan',
    expectedExit: 0,
  },
  'plan-drift': {
    id: 'plan-drift',
    title: 'plan, 10 % drift',
    platform: 'drifted',
    command: 'plan',
    expectedExit: 2,
  },
  'plan-pr': {
    id: 'plan-pr',
    title: 'PR plan, one workspace file changed',
    platform: 'converged',
    command: 'plan',
    expectedExit: 2,
    changeScoped: true,
  },
  'apply-empty': {
    id: 'apply-empty',
    title: 'apply from an empty org',
    platform: 'empty',
    command: 'apply',
    expectedExit: 0,
  },
  'apply-noop': {
    id: 'apply-noop',
    title: 'apply, nothing changed',
    platform: 'converged',
    command: 'apply',
    expectedExit: 0,
  },
  'access-report': {
    id: 'access-report',
    title: 'access report (HTML)',
    platform: 'converged',
    command: 'access-report',
    expectedExit: 0,
  },
};

/** Where the access-report scenario writes its HTML (relative to the run's folder). */
export const ACCESS_REPORT_OUT = 'access-report.html';

export function isScenarioId(value: string): value is ScenarioId {
  return (SCENARIO_IDS as readonly string[]).includes(value);
}

export interface CommandSettings {
  readonly configDir: string;
  readonly endpoint: string;
  readonly maxRps: number;
  readonly applyConcurrency: number;
  /** The base configuration of a change-scoped scenario. */
  readonly baseConfigDir?: string;
}

/** The CLI arguments of a scenario, as a user would type them. */
export function scenarioArgv(scenario: Scenario, settings: CommandSettings): string[] {
  const common = [
    '--config-dir',
    settings.configDir,
    '--endpoint',
    settings.endpoint,
    '--max-rps',
    String(settings.maxRps),
  ];
  const base =
    scenario.changeScoped === true && settings.baseConfigDir !== undefined
      ? ['--base-config-dir', settings.baseConfigDir]
      : [];
  if (scenario.command === 'access-report') {
    return ['access-report', '--org', ORG_NAME, ...common, '--out', ACCESS_REPORT_OUT];
  }
  return scenario.command === 'plan'
    ? ['plan', ...common, '--detailed-exitcode', ...base]
    : ['apply', ...common, '--yes', '--concurrency', String(settings.applyConcurrency)];
}

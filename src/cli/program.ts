/**
 * Builds the commander program: global options plus one subcommand per file in
 * `commands/`. Commands report their exit code through `setExit` and write
 * only through `deps`.
 */
import { Command } from 'commander';
import { registerAccessReportCommand } from './commands/access-report.js';
import { registerApplyCommand } from './commands/apply.js';
import { registerCodeownersCommand } from './commands/codeowners.js';
import { registerEmulatorCommand } from './commands/emulator.js';
import { registerExportCommand } from './commands/export.js';
import { registerNewCommand } from './commands/new.js';
import { registerPlanCommand } from './commands/plan.js';
import { registerValidateCommand } from './commands/validate.js';
import type { CliDeps } from '../usecases/deps.js';
import { addGlobalOptions, rejectUnusedGlobals } from './global-options.js';
import type { SetExit } from './set-exit.js';
import { VERSION } from '../usecases/version.js';

export function buildProgram(deps: CliDeps, setExit: SetExit): Command {
  const program = addGlobalOptions(
    new Command('seqera-sync')
      .description('Seqera Platform organisation workspaces as code: validate, plan, apply, detect drift.')
      .version(VERSION),
  );
  program.showHelpAfterError('(run seqera-sync --help for usage)');
  program.hook('preAction', (_program, actionCommand) => {
    rejectUnusedGlobals(actionCommand);
  });
  const register = [
    registerValidateCommand,
    registerPlanCommand,
    registerApplyCommand,
    registerExportCommand,
    registerNewCommand,
    registerCodeownersCommand,
    registerAccessReportCommand,
    registerEmulatorCommand,
  ];
  for (const add of register) addGlobalOptions(add(program, deps, setExit));
  return program;
}

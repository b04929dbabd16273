/** `seqera-sync plan`: NOT BUILT YET (placeholder for the issue that builds it). */
import type { Command } from 'commander';
import { SyncError } from '../../errors.js';
import type { CliDeps } from '../deps.js';
import type { SetExit } from '../program.js';

export function registerPlanCommand(program: Command, _deps: CliDeps, _setExit: SetExit): Command {
  return program
    .command('plan')
    .description('plan (not built yet)')
    .action(() => {
      throw new SyncError('seqera-sync plan is not built yet');
    });
}

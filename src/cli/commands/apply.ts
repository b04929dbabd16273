/** `seqera-sync apply`: NOT BUILT YET (placeholder for the issue that builds it). */
import type { Command } from 'commander';
import { SyncError } from '../../errors.js';
import type { CliDeps } from '../deps.js';
import type { SetExit } from '../program.js';

export function registerApplyCommand(program: Command, _deps: CliDeps, _setExit: SetExit): Command {
  return program
    .command('apply')
    .description('apply (not built yet)')
    .action(() => {
      throw new SyncError('seqera-sync apply is not built yet');
    });
}

/** How a command reports its exit code to the program that runs it. */
import type { ExitCode } from '../errors.js';

export type SetExit = (code: ExitCode) => void;

#!/usr/bin/env node
/** The only file that touches `process`: builds real deps and sets the exit code. */
import { createInterface } from 'node:readline/promises';
import { createApiClient } from './api/client.js';
import { run } from './cli/main.js';
import { tuneHeap } from './heap-tuning.js';

tuneHeap();

const deps = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  stdinIsTTY: process.stdin.isTTY,
  stdoutIsTTY: process.stdout.isTTY,
  stderrIsTTY: process.stderr.isTTY,
  confirm: async (question: string): Promise<boolean> => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await rl.question(`${question} `);
      return answer.trim().toLowerCase() === 'yes';
    } finally {
      rl.close();
    }
  },
  makeClient: createApiClient,
  onInterrupt: (handler: () => void): (() => void) => {
    let presses = 0;
    const listener = (): void => {
      presses++;
      // A second Ctrl+C stops at once, as the first one's message says.
      if (presses > 1) process.exit(130);
      handler();
    };
    process.on('SIGINT', listener);
    return () => {
      process.off('SIGINT', listener);
    };
  },
};

process.exitCode = await run(process.argv.slice(2), {
  ...deps,
  stdout: (t) => {
    deps.stdout(t);
  },
  stderr: (t) => {
    deps.stderr(t);
  },
});

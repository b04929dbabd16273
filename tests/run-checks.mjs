// `npm test`: the typecheck and lint (one process, one TypeScript program:
// tests/typecheck-and-lint.mjs) and the format check run alongside the test
// suite instead of before it (each is single-threaded; together they use the
// cores the tests leave idle). The tests print live; a failed check's
// output is held and printed after the tests, under its own heading. Exits
// non-zero when any of the three failed. The checks run at a lower CPU
// priority, so timing-sensitive tests are not starved.
// Arguments (`npm test -- <files>`) are passed to vitest.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import process from 'node:process';

const CHECKS = ['typecheck-and-lint', 'format:check'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script, { quiet, args = [] }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], {
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      try {
        setPriority(child.pid, 10);
      } catch {
        // Not permitted here: run at the same priority.
      }
    }
    child.on('error', (err) => resolve({ script, code: 1, output: String(err), seconds: 0 }));
    child.on('close', (code, signal) =>
      resolve({
        script,
        code: code ?? (signal === null ? 1 : 128),
        output,
        seconds: (Date.now() - started) / 1000,
      }),
    );
  });
}

const checks = CHECKS.map((script) => run(script, { quiet: true }));
// Arguments go to vitest, as they did when `npm test` ended in `vitest run`.
const tests = await run('test:unit', { quiet: false, args: process.argv.slice(2) });
const results = [...(await Promise.all(checks)), tests];

for (const { script, code, output } of results.slice(0, CHECKS.length)) {
  if (code !== 0) process.stdout.write(`\n── npm run ${script}: FAILED (exit ${code}) ──\n${output}`);
}
const summary = results.map(
  ({ script, code, seconds }) => `${script} ${code === 0 ? 'ok' : 'FAILED'} (${seconds.toFixed(0)} s)`,
);
process.stdout.write(`\nnpm test: ${summary.join(', ')}\n`);
process.exitCode = results.some(({ code }) => code !== 0) ? 1 : 0;

/** Entry point of `npm run demo` (see demo.ts). */
import { runDemo } from './demo.js';

process.exitCode = await runDemo({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY,
  env: process.env,
});

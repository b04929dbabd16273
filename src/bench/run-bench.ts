/** Entry of `npm run bench` (see main.ts). The only bench module that touches `process` directly. */
import { benchMain } from './main.js';

process.exitCode = await benchMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});

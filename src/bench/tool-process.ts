/**
 * Child-process entry of the benchmark (`node tool-process.js RESULT_FILE`,
 * compiled with the other tools): reads a `ToolRunRequest` as JSON on stdin,
 * runs the built CLI of `dist/` in-process (tool-run.ts) and writes the
 * `ToolRunResult` to RESULT_FILE. The process holds nothing but the tool and
 * this thin harness, so its peak RSS is the tool's; it tunes the heap as
 * `src/bin.ts` does, so the figure is the CLI's.
 * Exits 0 when the measurement worked, whatever the tool's own exit code.
 */
import { writeFile } from 'node:fs/promises';
import { loadBuiltCli } from '../demo/built-cli.js';
import { runToolInProcess, type ToolRunRequest } from './tool-run.js';

const cli = await loadBuiltCli();
cli.tuneHeap(); // as the CLI's entry (src/bin.ts) does, once its modules are loaded

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const resultFile = process.argv[2];
if (resultFile === undefined) {
  process.stderr.write('usage: tool-process.js RESULT_FILE < request.json\n');
  process.exitCode = 2;
} else {
  const request = JSON.parse(await readStdin()) as ToolRunRequest;
  const result = await runToolInProcess(request, cli, true);
  await writeFile(resultFile, JSON.stringify(result));
}

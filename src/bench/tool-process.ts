/**
 * Child-process entry of the benchmark (`node dist/bench/tool-process.js
 * RESULT_FILE`): reads a `ToolRunRequest` as JSON on stdin, runs the CLI
 * in-process (tool-run.ts) and writes the `ToolRunResult` to RESULT_FILE.
 * The process holds nothing but the tool, so its peak RSS is the tool's; it
 * tunes the heap as `src/bin.ts` does, so the figure is the CLI's.
 * Exits 0 when the measurement worked, whatever the tool's own exit code.
 */
import { writeFile } from 'node:fs/promises';
import { tuneHeap } from '../heap-tuning.js';
import { runToolInProcess, type ToolRunRequest } from './tool-run.js';

tuneHeap(); // as the CLI's entry (src/bin.ts) does

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
  const result = await runToolInProcess(request, true);
  await writeFile(resultFile, JSON.stringify(result));
}

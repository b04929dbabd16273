// Build step (after tsc): writes dist/generated/schema-validators.cjs, the
// schema validators generated from schemas/ so the CLI does not compile them
// on every start. See src/config/generate-validators.ts.
import { writeGeneratedValidators } from '../dist/config/generate-validators.js';

await writeGeneratedValidators();

/** The public entry point (main.ts, tests, benchmarks, scripts): see compose.ts. */
export { startLectern, type Lectern } from './compose.js';

/** The process entry of the simulator bundle (scripts/simulator.mjs loads it). */
import { simulatorMain } from '../core/simulator/cli.js';

/** Runs the simulator for this process. */
export function main(argv: readonly string[]): Promise<void> {
  return simulatorMain(argv, process.stdout, process.stderr);
}

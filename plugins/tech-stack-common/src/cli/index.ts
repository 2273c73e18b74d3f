/**
 * The `tech-stack` command line, a separate entry point of the package
 * (`@techstack/plugin-tech-stack-common/cli`, built to `dist/cli.cjs.js`) so
 * that its Node-only code never reaches a frontend bundle. The `tech-stack`
 * executable (`bin/tech-stack`) and the repo's `yarn tech-stack` call
 * {@link main}.
 *
 * @packageDocumentation
 */
import { nodeCliIo } from './nodeIo';
import { runCli } from './run';

export { runCli } from './run';
export type { CliIo } from './run';
export { nodeCliIo } from './nodeIo';

/**
 * Runs `tech-stack` with `argv` (without `node` and the script) in this
 * process and sets `process.exitCode`: 0 on success, 1 when an input cannot
 * be read or converted, 2 on bad arguments. Never throws: an unexpected
 * error is printed in one line and exits 1.
 *
 * @public
 */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    process.exitCode = await runCli(argv, nodeCliIo());
  } catch (error) {
    process.stderr.write(
      `tech-stack: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
export type {
  NotApplicableSummary,
  RecipeIndex,
  RecipeSummary,
} from '../recipes/recipeCoverage';

import {
  GuideToEntitiesOptions,
  GuideWarning,
  ParseGuideOptions,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';
import { Worker } from 'node:worker_threads';

/**
 * What parsing one guide in a worker produced.
 *
 * @public
 */
export interface WorkerParseResult {
  /** The guide's Technology entities (empty when the guide names none). */
  entities: TechnologyEntity[];
  /** What the parser could not place, in guide order. */
  warnings: GuideWarning[];
}

/**
 * The error of a parse that ran past its deadline; the worker has been
 * stopped.
 *
 * @public
 */
export class ParseTimeoutError extends Error {
  name = 'ParseTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`parsing took longer than the ${timeoutMs} ms allowed`);
  }
}

/** The heap a parse worker may use; a guide is at most 5 MB of text. */
const WORKER_HEAP_MB = 512;

/**
 * The worker's program, evaluated as CommonJS. It requires the parser from
 * the path the main thread resolved, so it loads the same code the backend
 * runs: the built `.cjs.js` of an installed package, or the TypeScript
 * sources in this repository (with Backstage's transform, see
 * {@link workerExecArgv}).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const common = require(workerData.modulePath);
const model = common.parseGuide(workerData.text, workerData.parseOptions);
const entities = model.technologies.length === 0
  ? []
  : common.guideToTechnologyEntities(model, workerData.entityOptions);
parentPort.postMessage({ entities, warnings: model.warnings });
`;

/** Is a module path TypeScript source (needs a transform to be required)? */
function isTypeScript(modulePath: string): boolean {
  return /\.(?:ts|tsx|mts|cts)$/.test(modulePath);
}

/** Options that take the next argument as their value. */
const MODULE_LOADING_WITH_VALUE = new Set([
  '--require',
  '-r',
  '--import',
  '--loader',
  '--experimental-loader',
  '--conditions',
  '-C',
]);

/**
 * The process's options that change how modules load (`--require`,
 * `--import`, `--loader`, `--conditions`, in both `--opt value` and
 * `--opt=value` form). Everything else is left out: a Worker refuses
 * process-wide options such as `--no-node-snapshot` (which Backstage
 * backends are often started with) and would fail every parse.
 */
export function moduleLoadingArgs(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!MODULE_LOADING_WITH_VALUE.has(name)) {
      continue;
    }
    if (eq === -1 && i + 1 < execArgv.length) {
      kept.push(arg, execArgv[i + 1]);
      i++;
    } else if (eq !== -1) {
      kept.push(arg);
    }
  }
  return kept;
}

/**
 * The Node options of the worker. A worker inherits the process's options,
 * which already carry Backstage's transform hooks under
 * `backstage-cli package start`; under jest (which transforms only inside its
 * own module registry) the hooks are added so the worker can require the
 * TypeScript sources. Built packages need nothing.
 */
function workerExecArgv(modulePath: string): string[] {
  const inherited = moduleLoadingArgs(process.execArgv);
  if (
    !isTypeScript(modulePath) ||
    inherited.some(arg => arg.includes('nodeTransform'))
  ) {
    return inherited;
  }
  // Only reached when running this repository's sources, where the CLI is installed.
  const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
  return [...inherited, '--require', transform];
}

/**
 * Parses a guide and turns it into Technology entities in a
 * `node:worker_threads` Worker, so the event loop of the backend keeps
 * answering while a large or hostile guide is parsed.
 *
 * Rejects with a {@link ParseTimeoutError} when the worker has not answered
 * within `timeoutMs` (the worker is terminated, whatever it was doing), and
 * with the parser's own error when it throws. The worker's heap is capped, so
 * a guide that needs too much memory fails that run instead of the backend.
 *
 * @public
 */
export function parseInWorker(options: {
  text: string;
  parseOptions: ParseGuideOptions;
  entityOptions: GuideToEntitiesOptions;
  timeoutMs: number;
}): Promise<WorkerParseResult> {
  const modulePath = require.resolve('@techstack/plugin-tech-stack-common');
  return new Promise<WorkerParseResult>((resolve, reject) => {
    const state: {
      settled: boolean;
      timer?: ReturnType<typeof setTimeout>;
    } = { settled: false };
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: workerExecArgv(modulePath),
      workerData: {
        modulePath,
        text: options.text,
        parseOptions: options.parseOptions,
        entityOptions: options.entityOptions,
      },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    const settle = (action: () => void) => {
      if (state.settled) {
        return;
      }
      state.settled = true;
      clearTimeout(state.timer);
      action();
      void worker.terminate();
    };
    state.timer = setTimeout(
      () => settle(() => reject(new ParseTimeoutError(options.timeoutMs))),
      options.timeoutMs,
    );
    worker.once('message', (result: WorkerParseResult) =>
      settle(() => resolve(result)),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new Error(
                `parsing needed more than the ${WORKER_HEAP_MB} MB of memory allowed`,
              )
            : error,
        ),
      ),
    );
    worker.once('exit', code =>
      settle(() =>
        reject(new Error(`the parser worker stopped (exit code ${code})`)),
      ),
    );
  });
}

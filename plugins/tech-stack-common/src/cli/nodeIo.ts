/* eslint-disable no-restricted-imports */
import { existsSync, promises as fs } from 'fs';
import { isAbsolute, resolve } from 'path';
import type { CliIo } from './run';

/**
 * Where a relative path given on the command line points. `yarn tech-stack`
 * runs from the repo root and `npx tech-stack` from the package's folder, so a
 * relative path is looked up from where the command was started (`INIT_CWD`,
 * set by yarn and npm) first, then from the working directory.
 */
export function resolveCliPath(path: string): string {
  if (isAbsolute(path)) return path;
  const origin = process.env.INIT_CWD;
  if (origin) {
    const fromOrigin = resolve(origin, path);
    if (existsSync(fromOrigin)) return fromOrigin;
  }
  return resolve(process.cwd(), path);
}

/**
 * The {@link CliIo} of a Node process: its stdout and stderr, its disk, global `fetch`.
 *
 * @public
 */
export function nodeCliIo(): CliIo {
  return {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    readFile: path => fs.readFile(resolveCliPath(path)),
    fetch: url => fetch(url),
  };
}

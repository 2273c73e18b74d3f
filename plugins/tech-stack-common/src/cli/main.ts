/* eslint-disable no-restricted-imports */
import { existsSync, promises as fs } from 'fs';
import { isAbsolute, resolve } from 'path';
import { runCli } from './run';

/**
 * Entry point of `yarn tech-stack`. Yarn runs root scripts from the repo root,
 * so a relative path is looked up from where yarn was started (INIT_CWD) first.
 */
function resolveInput(path: string): string {
  if (isAbsolute(path)) return path;
  const origin = process.env.INIT_CWD;
  if (origin) {
    const fromOrigin = resolve(origin, path);
    if (existsSync(fromOrigin)) return fromOrigin;
  }
  return resolve(process.cwd(), path);
}

runCli(process.argv.slice(2), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  readFile: path => fs.readFile(resolveInput(path)),
  fetch: url => fetch(url),
}).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(
      `tech-stack: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);

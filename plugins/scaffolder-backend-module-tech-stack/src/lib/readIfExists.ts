import { InputError } from '@backstage/errors';
import fs from 'fs-extra';
import { INPUT_BOUNDS } from './inputBounds';

/**
 * A workspace file's text, or `undefined` when there is no such file (other
 * errors are thrown). A file over `INPUT_BOUNDS.fileBytes` is not read: an
 * `InputError` names it (`file`, as the workspace spells it) and the limit.
 */
export async function readIfExists(
  absolutePath: string,
  file: string = absolutePath,
): Promise<string | undefined> {
  let size: number;
  try {
    ({ size } = await fs.stat(absolutePath));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (size > INPUT_BOUNDS.fileBytes) {
    throw new InputError(
      `${file} has ${size} bytes; at most ${INPUT_BOUNDS.fileBytes} bytes (1 MB) are merged`,
    );
  }
  return fs.readFile(absolutePath, 'utf8');
}

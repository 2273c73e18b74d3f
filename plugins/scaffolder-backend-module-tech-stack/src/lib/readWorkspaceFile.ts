import { InputError } from '@backstage/errors';
import fs from 'fs-extra';
import { INPUT_BOUNDS } from './inputBounds';

/**
 * Reads a text file of the workspace that an action input names (`field`,
 * as the user wrote it: `file`), refusing a missing file or one over
 * `INPUT_BOUNDS.fileBytes` with an `InputError` naming the field.
 */
export async function readWorkspaceFile(
  field: string,
  file: string,
  absolutePath: string,
): Promise<string> {
  if (!(await fs.pathExists(absolutePath))) {
    throw new InputError(`${field}: ${file} does not exist in the workspace`);
  }
  const { size } = await fs.stat(absolutePath);
  if (size > INPUT_BOUNDS.fileBytes) {
    throw new InputError(
      `${field}: ${file} has ${size} bytes; at most ${INPUT_BOUNDS.fileBytes} bytes (1 MB) are read`,
    );
  }
  return fs.readFile(absolutePath, 'utf8');
}

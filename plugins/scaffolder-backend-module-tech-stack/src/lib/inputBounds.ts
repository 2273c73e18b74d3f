import { InputError } from '@backstage/errors';
import { MAX_TECHNOLOGY_NAME_LENGTH } from '@techstack/plugin-tech-stack-common';

/**
 * The bounds of the actions' inputs. Each is far above what a real template
 * passes and keeps the work of one step small; past one, the step fails with
 * an `InputError` naming the field, the limit and the size it got.
 */
export const INPUT_BOUNDS = {
  /** Layers of `tech-stack:resolve`, technologies of `tech-stack:wire`'s stack. */
  stackSize: 50,
  /** Names given by `tech-stack:annotate` (the catalog's own limit on `techstack.dev/uses`). */
  technologies: 100,
  /** A layer, section, group, technology name, title, ref or ring: the longest technology name matched. */
  name: MAX_TECHNOLOGY_NAME_LENGTH,
  /** An entity ref (`owner`, `system`). */
  ref: 255,
  /** A service description. */
  description: 2000,
  /** A path inside the workspace or the published folder. */
  path: 1024,
  /** A catalog-info.yaml read by `tech-stack:validate`, in bytes. */
  fileBytes: 1024 * 1024,
} as const;

/** Throws an `InputError` when a list has more than `max` entries. */
export function checkListBound(
  field: string,
  list: readonly unknown[],
  max: number,
): void {
  if (list.length > max) {
    throw new InputError(
      `${field}: at most ${max} entries are allowed, got ${list.length}`,
    );
  }
}

/** Throws an `InputError` when a text is longer than `max` characters; absent text passes. */
export function checkTextBound(
  field: string,
  value: string | undefined,
  max: number,
): void {
  if (value !== undefined && value.length > max) {
    throw new InputError(
      `${field}: at most ${max} characters are allowed, got ${value.length}`,
    );
  }
}

import { InputError } from '@backstage/errors';
import { ringValue } from '../parser/columns';
import { stripHtml } from '../parser/html';
import { MAX_HEADING_LENGTH, MAX_NAME_LENGTH } from '../parser/limits';
import { isSafeLinkUrl } from '../parser/links';
import { collapseSpace, cutText } from '../parser/text';
import type { Ring } from '../types';

/**
 * One blip of an imported radar.
 *
 * @public
 */
export interface ImportedEntry {
  /** The name, plain text (HTML removed, spaces collapsed). */
  name: string;
  ring: Ring;
  /** Plain text, at most {@link MAX_IMPORTED_DESCRIPTION_LENGTH} characters. */
  description?: string;
  /** An `http(s)` link. */
  url?: string;
  /** Where the entry stands in the input (`line 12`, `entries[3]`), for messages. */
  origin: string;
}

/**
 * A quadrant of an imported radar: a section of the guide.
 *
 * @public
 */
export interface ImportedQuadrant {
  name: string;
  entries: ImportedEntry[];
}

/**
 * A radar read from another tool's format, before it is written as a guide.
 *
 * @public
 */
export interface ImportedRadar {
  title?: string;
  quadrants: ImportedQuadrant[];
}

/**
 * Longest description kept per entry; longer ones are cut (with `…`).
 *
 * @public
 */
export const MAX_IMPORTED_DESCRIPTION_LENGTH = 1_000;

/** Plain text of a radar field that may hold HTML: tags removed (block tags such as `<p>` leave a space), spaces collapsed. */
export function importedText(raw: string): string {
  return collapseSpace(
    stripHtml(raw, { separateBlocks: true, keepStrayBrackets: true }).text,
  );
}

/** A description as kept in the guide: plain text, cut at {@link MAX_IMPORTED_DESCRIPTION_LENGTH}. */
export function importedDescription(
  raw: string | undefined,
): string | undefined {
  if (raw === undefined) return undefined;
  const text = importedText(raw);
  if (!text) return undefined;
  return text.length > MAX_IMPORTED_DESCRIPTION_LENGTH
    ? `${collapseSpace(cutText(text, MAX_IMPORTED_DESCRIPTION_LENGTH - 1))}…`
    : text;
}

/**
 * An entry name as the guide will hold it: HTML and stray `<`/`>` removed,
 * spaces collapsed. An `InputError` naming `origin` when it is empty or longer
 * than a technology name can be ({@link MAX_NAME_LENGTH} characters).
 */
export function importedName(raw: string, origin: string): string {
  const name = collapseSpace(stripHtml(raw, { separateBlocks: true }).text);
  if (!name) throw new InputError(`${origin}: the entry has no name`);
  if (name.length > MAX_NAME_LENGTH) {
    throw new InputError(
      `${origin}: name "${cutText(name, 40)}…" is ${
        name.length
      } characters long (limit ${MAX_NAME_LENGTH})`,
    );
  }
  return name;
}

/** A quadrant name as a section heading: plain text; an `InputError` naming `origin` when empty or too long. */
export function importedQuadrantName(raw: string, origin: string): string {
  const name = importedText(raw);
  if (!name) throw new InputError(`${origin}: the quadrant has no name`);
  if (name.length > MAX_HEADING_LENGTH) {
    throw new InputError(
      `${origin}: quadrant name is ${name.length} characters long (limit ${MAX_HEADING_LENGTH})`,
    );
  }
  return name;
}

/**
 * The ring a radar names (`Adopt`, `TRIAL`, `hold`, or a synonym the parser
 * knows: `Recommended`, `Deprecated`, …); an `InputError` naming `origin`
 * and the value otherwise.
 */
export function importedRing(value: string, origin: string): Ring {
  const ring = ringValue(value);
  if (!ring) {
    throw new InputError(
      `${origin}: unknown ring "${cutText(
        collapseSpace(value),
        60,
      )}" (expected adopt, trial, assess or hold)`,
    );
  }
  return ring;
}

/** An `http(s)` URL without spaces or angle brackets, else undefined (`#`, relative and other links are dropped). */
export function importedUrl(raw: string | undefined): string | undefined {
  const url = raw?.trim();
  if (!url || !/^https?:\/\//i.test(url) || !isSafeLinkUrl(url)) {
    return undefined;
  }
  for (let i = 0; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code <= 0x20 || code === 0x3c || code === 0x3e || code === 0x7f) {
      return undefined;
    }
  }
  return url.length <= 2_000 ? url : undefined;
}

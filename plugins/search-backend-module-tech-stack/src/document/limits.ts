import {
  MAX_HEADING_LENGTH,
  MAX_TECHNOLOGY_NAME_LENGTH,
} from '@techstack/plugin-tech-stack-common';

/**
 * Longest `text` of a Technology's search document, in UTF-16 code units;
 * a longer text is cut and ends with `…`. The seed guide's longest is about
 * 400.
 *
 * @public
 */
export const MAX_TECHNOLOGY_DOCUMENT_TEXT_LENGTH = 8_000;

/**
 * Most aliases a Technology's search document carries (the first ones of
 * `spec.aliases`); the rest are not read.
 *
 * @public
 */
export const MAX_TECHNOLOGY_DOCUMENT_ALIASES = 50;

/**
 * Most layers a Technology's search document carries (the first ones of
 * `spec.layers`); the rest are not read.
 *
 * @public
 */
export const MAX_TECHNOLOGY_DOCUMENT_LAYERS = 50;

/** Longest title, alias, owner or type: the longest name the guide model knows. */
export const MAX_NAME_LENGTH = MAX_TECHNOLOGY_NAME_LENGTH;

/** Longest section, group or layer name: the parser's cap on headings. */
export const MAX_LAYER_NAME_LENGTH = MAX_HEADING_LENGTH;

/** Longest description or ring reason. */
export const MAX_PROSE_LENGTH = 1_000;

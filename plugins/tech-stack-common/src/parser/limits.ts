/**
 * Caps on the pieces of a guide. A real guide stays far below each of them;
 * the parser cuts anything longer, reports a warning with the line and the
 * start of the text it cut, and carries on, so no single line, cell or
 * heading can make parsing slow or produce unusable names.
 */

/**
 * Longest line read, in UTF-16 code units; longer lines are cut.
 *
 * @public
 */
export const MAX_LINE_LENGTH = 10_000;

/**
 * Longest table cell, list item or diagram label read; longer ones are cut.
 *
 * @public
 */
export const MAX_CELL_LENGTH = 2_000;

/**
 * Longest heading (and section, group or layer title); longer ones are cut.
 *
 * @public
 */
export const MAX_HEADING_LENGTH = 300;

/**
 * Longest technology name. Longer candidates are not read as names (they are
 * reported as prose); names are never cut.
 *
 * @public
 */
export const MAX_NAME_LENGTH = 80;

/**
 * Largest YAML front matter read; a larger one is ignored with a warning.
 *
 * @public
 */
export const MAX_FRONT_MATTER_LENGTH = 64 * 1024;

/**
 * Most warnings reported for one guide; one more warning says how many were left out.
 *
 * @public
 */
export const MAX_WARNINGS = 1_000;

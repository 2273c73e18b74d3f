import { parse as parseYaml } from 'yaml';
import { MAX_FRONT_MATTER_LENGTH } from './limits';

/** The result of {@link splitFrontMatter}. */
export interface FrontMatterResult {
  /** The YAML mapping, when there was front matter and it parsed to a mapping. */
  frontMatter?: Record<string, unknown>;
  /** The text with the front matter blanked out (line numbers are kept). */
  body: string;
  /** Why the front matter was not usable, if it was not. */
  problem?: { line: number; message: string };
}

const OPENING = /^---[ \t]*\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Splits YAML front matter (`---` … `---` at the very start) from a guide.
 * The front matter lines are replaced by empty lines so that line numbers in
 * the body still match the original text. Front matter longer than
 * {@link MAX_FRONT_MATTER_LENGTH} is not parsed (a problem is reported).
 */
export function splitFrontMatter(text: string): FrontMatterResult {
  const opening = OPENING.exec(text);
  if (!opening) {
    return { body: text };
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    return { body: text };
  }
  const yamlText = rest.slice(0, closing.index);
  const end = opening[0].length + closing.index + closing[0].length;
  const lineCount = text.slice(0, end).split('\n').length - 1;
  const body = '\n'.repeat(lineCount) + text.slice(end);
  if (yamlText.length > MAX_FRONT_MATTER_LENGTH) {
    return {
      body,
      problem: {
        line: 1,
        message: `front matter longer than ${MAX_FRONT_MATTER_LENGTH} characters; ignored`,
      },
    };
  }
  try {
    const value: unknown = parseYaml(yamlText);
    if (value === null || value === undefined) {
      return { body };
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      return {
        body,
        problem: {
          line: 1,
          message: 'front matter is not a YAML mapping; ignored',
        },
      };
    }
    return { frontMatter: value as Record<string, unknown>, body };
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      body,
      problem: {
        line: 1,
        message: `front matter is not valid YAML (${reason}); ignored`,
      },
    };
  }
}

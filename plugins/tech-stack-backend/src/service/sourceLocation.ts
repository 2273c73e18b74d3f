/**
 * Reads the line number from a `techstack.dev/source-location` annotation
 * (`<guide url or path>#L<line>`).
 *
 * @returns the 1-based line, or undefined when the annotation has none.
 */
export function sourceLine(location: string | undefined): number | undefined {
  if (!location) {
    return undefined;
  }
  const match = /#L(\d+)(?:-L?\d+)?$/.exec(location.trim());
  if (!match) {
    return undefined;
  }
  const line = Number(match[1]);
  return Number.isSafeInteger(line) && line > 0 ? line : undefined;
}

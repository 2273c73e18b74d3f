import { InputError } from '@backstage/errors';
import { parseCsv } from './csv';
import {
  ImportedQuadrant,
  ImportedRadar,
  importedDescription,
  importedName,
  importedQuadrantName,
  importedRing,
} from './importedRadar';

const REQUIRED = ['name', 'ring', 'quadrant'] as const;

/**
 * Reads a Thoughtworks "Build Your Own Radar" CSV file: a header row naming
 * the columns `name`, `ring`, `quadrant`, `isNew`, `description` (any order,
 * any case; `isNew` is not kept, other columns are ignored), one blip per
 * row. Quadrants in order of first appearance (names compared without case);
 * descriptions may hold HTML, quotes, commas and line breaks. Throws an
 * `InputError` naming the line: a missing column, an empty name or quadrant,
 * an unknown ring.
 *
 * @public
 */
export function readByorCsv(text: string): ImportedRadar {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new InputError('the CSV file is empty');
  const columns = new Map(
    header.fields.map((name, index) => [name.trim().toLowerCase(), index]),
  );
  for (const column of REQUIRED) {
    if (!columns.has(column)) {
      throw new InputError(
        `line ${
          header.line
        }: the CSV header has no "${column}" column (expected name,ring,quadrant,isNew,description; found ${header.fields
          .map(f => JSON.stringify(f.trim()))
          .join(', ')})`,
      );
    }
  }
  const at = (fields: string[], column: string) =>
    fields[columns.get(column) ?? -1] ?? '';
  const quadrants = new Map<string, ImportedQuadrant>();
  for (const row of rows) {
    const origin = `line ${row.line}`;
    const name = importedName(at(row.fields, 'name'), origin);
    const named = `${origin} ("${name}")`;
    const ring = importedRing(at(row.fields, 'ring'), named);
    const quadrantName = importedQuadrantName(
      at(row.fields, 'quadrant'),
      named,
    );
    const key = quadrantName.toLowerCase();
    let quadrant = quadrants.get(key);
    if (!quadrant) {
      quadrant = { name: quadrantName, entries: [] };
      quadrants.set(key, quadrant);
    }
    const description = columns.has('description')
      ? importedDescription(at(row.fields, 'description'))
      : undefined;
    quadrant.entries.push({
      name,
      ring,
      origin,
      ...(description ? { description } : {}),
    });
  }
  if (quadrants.size === 0) {
    throw new InputError('the CSV file has a header but no blips');
  }
  return { quadrants: [...quadrants.values()] };
}

import type { Ring } from '../types';
import type { ImportedEntry, ImportedRadar } from './importedRadar';
import { markdownCodeSpan, markdownText } from './markdownText';

/**
 * A row written by {@link radarToGuide}: the entry and the guide line it stands on.
 *
 * @public
 */
export interface GuideRow {
  line: number;
  section: string;
  entry: ImportedEntry;
}

/**
 * What {@link radarToGuide} writes.
 *
 * @public
 */
export interface ImportedGuide {
  markdown: string;
  rows: GuideRow[];
}

const RING_LABEL: Record<Ring, string> = {
  adopt: 'Adopt',
  trial: 'Trial',
  assess: 'Assess',
  hold: 'Hold',
};

/**
 * Default title of an imported guide without one.
 *
 * @public
 */
export const DEFAULT_IMPORTED_TITLE = 'Technology Radar';

/**
 * The name cell of an entry: the name as a code span, so the parser takes it
 * as written (never split at `/`, `+`, `,`, never judged as prose), inside a
 * link when the entry has an `http(s)` URL.
 */
function nameCell(entry: ImportedEntry): string {
  const name = markdownCodeSpan(entry.name);
  if (!entry.url) return name;
  return `[${name}](<${entry.url.replace(/\|/g, '%7C')}>)`;
}

/**
 * Writes an imported radar as a guide the parser reads back entry for entry:
 * `# title`, a line saying where it came from, then one `##` section per
 * quadrant (quadrants without entries are left out) holding a
 * `| Technology | Ring | Description |` table with one row per entry. Names
 * are code spans (links when the entry has a URL); headings and descriptions
 * are plain text with markup characters escaped, so nothing in the input
 * becomes markup.
 *
 * @public
 */
export function radarToGuide(
  radar: ImportedRadar,
  options: { title?: string; source?: string } = {},
): ImportedGuide {
  const lines: string[] = [];
  const rows: GuideRow[] = [];
  const title = options.title ?? radar.title ?? DEFAULT_IMPORTED_TITLE;
  lines.push(`# ${markdownText(title)}`, '');
  lines.push(
    markdownText(
      `Imported with tech-stack import${
        options.source ? ` from ${options.source}` : ''
      }: one section per quadrant, one row per entry.`,
    ),
  );
  for (const quadrant of radar.quadrants) {
    if (quadrant.entries.length === 0) continue;
    lines.push(
      '',
      `## ${markdownText(quadrant.name)}`,
      '',
      '| Technology | Ring | Description |',
      '| --- | --- | --- |',
    );
    for (const entry of quadrant.entries) {
      lines.push(
        `| ${nameCell(entry)} | ${RING_LABEL[entry.ring]} | ${markdownText(
          entry.description ?? '',
        )} |`,
      );
      rows.push({ line: lines.length, section: quadrant.name, entry });
    }
  }
  return { markdown: `${lines.join('\n')}\n`, rows };
}

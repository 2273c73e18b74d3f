import { csvField } from '@techstack/plugin-tech-stack-common';
import { Adoption } from '../../api';
import { downloadBlob } from '../../lib/download';

export { csvField };

/**
 * The loaded adoption data as CSV, one line per team and technology:
 * `team,team_ref,technology,technology_ref,ring,components`; off-guide names
 * have the ring `off-guide` and no ref.
 */
export function adoptionCsv(adoption: Adoption): string {
  const technologies = new Map(adoption.technologies.map(t => [t.ref, t]));
  const lines = [
    ['team', 'team_ref', 'technology', 'technology_ref', 'ring', 'components'],
  ].map(row => row.join(','));
  for (const team of adoption.teams) {
    const teamName = team.title ?? team.ref;
    for (const cell of team.cells) {
      const technology = technologies.get(cell.technologyRef);
      lines.push(
        [
          teamName,
          team.ref,
          technology?.title ?? cell.technologyRef,
          cell.technologyRef,
          technology?.ring ?? '',
          cell.count,
        ]
          .map(csvField)
          .join(','),
      );
    }
    for (const off of team.offGuide) {
      lines.push(
        [teamName, team.ref, off.name, '', 'off-guide', off.count]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Offers text as a file download (a Blob and a temporary link). */
export function downloadText(
  text: string,
  filename: string,
  type = 'text/csv;charset=utf-8',
): void {
  downloadBlob(new Blob([text], { type }), filename);
}

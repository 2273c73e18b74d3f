import { Adoption } from '../../api';

/**
 * One CSV field: quoted when it holds a comma, quote or line break, quotes
 * doubled; a leading `=`, `+`, `-` or `@` is prefixed with `'` so
 * spreadsheets do not run it as a formula.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

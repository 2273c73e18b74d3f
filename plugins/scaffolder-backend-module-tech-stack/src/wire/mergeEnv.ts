/** One variable for an env file, with the comment that explains where it comes from. */
export interface EnvEntry {
  key: string;
  value: string;
  comment?: string;
}

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;

function quote(value: string): string {
  return /^[\w@:/.,+\-?=&%]*$/.test(value) ? value : JSON.stringify(value);
}

/**
 * Adds variables to the text of an env file, keeping every line that is
 * there: a key already set (even to another value) is left as it is.
 */
export function mergeEnv(existing: string | undefined, entries: EnvEntry[]): string {
  const text = existing ?? '';
  const present = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const match = LINE.exec(line);
    if (match) {
      present.add(match[1]);
    }
  }
  const added: string[] = [];
  let lastComment: string | undefined;
  for (const entry of entries) {
    if (present.has(entry.key)) {
      continue;
    }
    present.add(entry.key);
    if (entry.comment && entry.comment !== lastComment) {
      if (added.length > 0) added.push('');
      added.push(`# ${entry.comment}`);
      lastComment = entry.comment;
    }
    added.push(`${entry.key}=${quote(entry.value)}`);
  }
  if (added.length === 0) {
    return text;
  }
  const prefix = text === '' ? '' : `${text.replace(/\s*$/, '')}\n\n`;
  return `${prefix}${added.join('\n')}\n`;
}

/** One variable for an env file, with the comment that explains where it comes from. */
export interface EnvEntry {
  key: string;
  value: string;
  comment?: string;
}

const PLAIN = /^[\w@:/.,+\-?=&%]*$/;

function isBlank(char: string): boolean {
  return char === ' ' || char === '\t';
}

function isNameChar(char: string, first: boolean): boolean {
  return (
    (char >= 'A' && char <= 'Z') ||
    (char >= 'a' && char <= 'z') ||
    char === '_' ||
    (!first && char >= '0' && char <= '9')
  );
}

/**
 * The variable a line of an env file sets (`KEY=…`, `export KEY=…`, blanks
 * around the name allowed), or undefined. One pass over the line.
 */
export function envKeyOf(line: string): string | undefined {
  let i = 0;
  while (i < line.length && isBlank(line[i])) i++;
  if (line.startsWith('export', i) && isBlank(line[i + 6] ?? '')) {
    i += 6;
    while (i < line.length && isBlank(line[i])) i++;
  }
  const start = i;
  while (i < line.length && isNameChar(line[i], i === start)) i++;
  if (i === start) return undefined;
  const key = line.slice(start, i);
  while (i < line.length && isBlank(line[i])) i++;
  return line[i] === '=' ? key : undefined;
}

function quote(value: string): string {
  return PLAIN.test(value) ? value : JSON.stringify(value);
}

/**
 * Adds variables to the text of an env file, keeping every line that is
 * there: a key already set (even to another value) is left as it is.
 */
export function mergeEnv(
  existing: string | undefined,
  entries: EnvEntry[],
): string {
  const text = existing ?? '';
  const present = new Set<string>();
  for (const line of text.split('\n')) {
    const key = envKeyOf(line);
    if (key) {
      present.add(key);
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
  const prefix = text === '' ? '' : `${text.trimEnd()}\n\n`;
  return `${prefix}${added.join('\n')}\n`;
}

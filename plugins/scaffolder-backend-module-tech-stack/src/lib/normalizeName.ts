/**
 * The key names are compared by: case, surrounding and repeated white space,
 * and the punctuation people vary (`Key-Value`, `key value`, `key_value`)
 * do not count.
 */
export function normalizeName(name: string): string {
  return name
    .trim()
    .toLocaleLowerCase('en-US')
    .replace(/[\s_\-.]+/g, ' ')
    .trim();
}

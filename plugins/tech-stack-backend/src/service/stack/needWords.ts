/** Words of a free-text need that carry no meaning for matching a layer. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'for',
  'i',
  'in',
  'my',
  'of',
  'on',
  'or',
  'the',
  'to',
  'use',
  'we',
  'what',
  'which',
  'with',
]);

/** Short forms people write for the words guides use. */
const SYNONYMS: Record<string, string> = {
  db: 'database',
  k8s: 'kubernetes',
  mq: 'message',
  llm: 'model',
  sql: 'relational',
};

/** Longest text read; longer needs are refused by the callers' schemas. */
export const MAX_NEED_LENGTH = 200;

/**
 * The words of a name or a free-text need, for matching needs to guide
 * layers: lower case, split at anything but letters, digits, `+` and `#`,
 * plural `s` dropped (`databases` = `database`), common short forms
 * expanded (`db` = `database`), stop words left out. Linear in the text,
 * which is cut at {@link MAX_NEED_LENGTH} characters.
 */
export function needWords(text: string): string[] {
  const words = new Set<string>();
  for (const raw of text
    .slice(0, MAX_NEED_LENGTH)
    .normalize('NFKC')
    .toLocaleLowerCase('en-US')
    .split(/[^\p{L}\p{N}+#]+/u)) {
    if (!raw || STOP_WORDS.has(raw)) continue;
    let word = SYNONYMS[raw] ?? raw;
    if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) {
      word = word.slice(0, -1);
    }
    words.add(word);
  }
  return [...words];
}

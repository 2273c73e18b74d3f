/**
 * The longest technology name, title, alias, slug or ref that is matched, in
 * characters. The catalog module's `techstack.dev/uses` bound and the
 * scaffolder actions' name bound are this number.
 *
 * @public
 */
export const MAX_TECHNOLOGY_NAME_LENGTH = 200;

/**
 * Letters, digits, `+` and `#` are kept; every run of anything else goes.
 * One character class repeated: linear in the length of the text.
 */
const NOT_KEPT = /[^\p{L}\p{N}+#]+/gu;

/**
 * The rule itself, without a bound: NFKC, lower case (`en-US`), only letters,
 * digits, `+` and `#` kept. Callers bound the text; see
 * {@link technologyNameKey} and {@link layerNameKey}.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('en-US')
    .replace(NOT_KEPT, '');
}

/**
 * The key technology names are matched by: case, white space and punctuation
 * do not count (`Apache Kafka` = `apache-kafka` = `ApacheKafka` =
 * `APACHE_KAFKA`), while `+` and `#` do (`C++` is not `C#` nor `C`), and
 * every word does (`Kafka Streams` is not `Kafka`). Full-width and other
 * compatibility forms read as their plain letters (NFKC).
 *
 * Returns `''` (a key that matches nothing) for a name with no letter or digit
 * and for a name longer than {@link MAX_TECHNOLOGY_NAME_LENGTH} characters,
 * which is never read. Linear in the length of the name.
 *
 * @public
 */
export function technologyNameKey(name: string): string {
  if (name.length > MAX_TECHNOLOGY_NAME_LENGTH) {
    return '';
  }
  return foldName(name);
}

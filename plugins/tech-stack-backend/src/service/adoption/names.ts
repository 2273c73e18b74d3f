/**
 * The matching key of a technology name, tag or resource name: case, spacing
 * and punctuation do not matter (`Apache Kafka` = `apache-kafka` =
 * `APACHE_KAFKA`), while `+` and `#` do (`C++` is not `C#`). The same rule as
 * the catalog module's resolution of `techstack.dev/uses`.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('en-US')
    .replace(/[^\p{L}\p{N}+#]+/gu, '');
}

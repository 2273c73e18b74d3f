/**
 * Hostile guide shapes: each construct the parser reads, written so that a
 * pattern with overlapping or nested quantifiers would backtrack on it. Used
 * by the unit tests (small sizes), the fuzz test and `bench/parser.bench.ts`
 * (100 KB to 5 MB).
 */

/** The constructs covered by {@link adversarialGuide}. */
export const ADVERSARIAL_CONSTRUCTS = [
  'table cell',
  'list item',
  'heading',
  'mermaid subgraph line',
  'mermaid node line',
  'mermaid edge line',
  'link-heavy cell',
  'deep nesting',
  'inline HTML',
] as const;

/** One of {@link ADVERSARIAL_CONSTRUCTS}. */
export type AdversarialConstruct = (typeof ADVERSARIAL_CONSTRUCTS)[number];

/** Length of the run of spaces or dashes inside one adversarial line. */
export const ADVERSARIAL_RUN = 8_000;

/** `count` spaces, or dashes when `dash` is set. */
export function run(count: number, dash = false): string {
  return (dash ? '-' : ' ').repeat(count);
}

/** A mermaid line reported to take 23 s: `subgraph a [`, 3,000 spaces, `x`. */
export function mermaidSubgraphLine(spaces = 3_000): string {
  return `subgraph a [${run(spaces)}x`;
}

/** A mermaid node line whose label is a long run of spaces (unclosed). */
export function mermaidNodeLine(spaces = 3_000): string {
  return `A[${run(spaces)}x${run(spaces)}`;
}

/** A mermaid edge line: a long run of dashes and spaces between two nodes. */
export function mermaidEdgeLine(length = 3_000): string {
  return `A -- ${run(length / 2, true)}${run(length / 2)}x --> B`;
}

/** A table cell with `length` spaces or dashes between two words. */
export function tableCellLine(length = 20_000, dash = false): string {
  return `| Layer | Kafka${run(length, dash)}Flink |`;
}

/** A list item with `length` spaces or dashes between two words. */
export function listItemLine(length = 20_000, dash = false): string {
  return `- Kafka${run(length, dash)}Flink`;
}

/** A heading with `length` spaces between two words and punctuation at its end. */
export function headingLine(length = 20_000): string {
  return `## Data${run(length)}Layer${'!'.repeat(length / 4)}${run(
    length / 4,
  )}x`;
}

function mermaidBlock(lines: string[]): string {
  return ['```mermaid', 'graph LR', ...lines, '```', ''].join('\n');
}

function unit(construct: AdversarialConstruct, n: number): string {
  const size = ADVERSARIAL_RUN;
  switch (construct) {
    case 'table cell':
      return [
        `## Section ${n}`,
        '',
        '| Layer | Recommended | Alternatives |',
        '|---|---|---|',
        `| L${n} | Kafka${run(size / 2)}Flink | Redis${run(
          size / 4,
          true,
        )}Valkey${run(size / 4)}. |`,
        `| L${n}b | a${' /'.repeat(size / 8)}b | c${' +'.repeat(
          size / 8,
        )}${' ('.repeat(size / 16)} |`,
        '',
      ].join('\n');
    case 'list item':
      return [
        `- Kafka${run(size / 2)}Flink`,
        `- Redis ${'— '.repeat(size / 8)}${run(size / 4, true)}x`,
        `- [ ]${run(size / 2)}Valkey:${run(size / 4)}x`,
        '',
      ].join('\n');
    case 'heading':
      return [
        `## Data${run(size / 2)}Layer${'!'.repeat(size / 8)}${run(size / 8)}x`,
        `### ${'('.repeat(size / 4)}${run(size / 4)}${'🟢'.repeat(size / 8)}`,
        `#### **${run(size / 2)}**:`,
        '',
        `Label${run(size / 2)}:${':'.repeat(size / 8)}`,
        '',
      ].join('\n');
    case 'mermaid subgraph line':
      return mermaidBlock([
        mermaidSubgraphLine(size - 20),
        `subgraph b ["${run(size / 2)}x${'"'.repeat(size / 8)}`,
        `subgraph${run(size / 2)}c`,
        'end',
      ]);
    case 'mermaid node line':
      return mermaidBlock([
        mermaidNodeLine(size / 2 - 10),
        `B(["${'#'.repeat(size / 8)}${'&#x'.repeat(size / 16)}"])`,
        `C@{ label${run(size / 4)}:${run(size / 4)}x`,
        `D[Metrics${run(size / 4)}-${run(size / 4)}x]`,
      ]);
    case 'mermaid edge line':
      return mermaidBlock([
        mermaidEdgeLine(size - 20),
        `A ${'-'.repeat(size / 2)}${run(size / 4)}B`,
        `A -->|${'|'.repeat(size / 4)}${run(size / 4)}B`,
        `A ${'-.'.repeat(size / 4)} B`,
      ]);
    case 'link-heavy cell':
      return [
        '| Layer | Tools |',
        '|---|---|',
        `| L${n} | ${Array.from(
          { length: size / 40 },
          (_, i) => `[T${i}](https://x.io/${i})`,
        ).join(', ')} |`,
        `| M${n} | [Kafka](https://kafka.apache.org)${run(size / 2)}/${run(
          size / 4,
        )}[Flink](https://flink.apache.org) |`,
        '',
      ].join('\n');
    case 'deep nesting':
      return [
        ...Array.from(
          { length: 60 },
          (_, depth) => `${'  '.repeat(depth)}- Item ${depth}`,
        ),
        '',
        `${'> '.repeat(200)}- ${'> '.repeat(200)}Kafka`,
        '',
        `${'- '.repeat(size / 4)}Kafka`,
        '',
      ].join('\n');
    case 'inline HTML':
      return [
        '| Layer | Tools |',
        '|---|---|',
        `| L${n} | Kafka<br>Flink<BR/>Redis<br />${'<b>'.repeat(
          size / 32,
        )}x${'</b>'.repeat(size / 32)} |`,
        `| M${n} | <svg onload=alert(1)>Kafka${run(size / 8)}<br${run(
          size / 8,
        )}x<${run(size / 8)}${'<br'.repeat(size / 64)} |`,
        `- ${'<i>'.repeat(size / 16)}Redis${'<a href="'.repeat(size / 32)}`,
        '',
      ].join('\n');
    default:
      return '';
  }
}

/** UTF-8 length of a string. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * A guide of at most `bytes` UTF-8 bytes (and at least half of that) made of
 * repeated hostile units of one construct (each line below the parser's line
 * cap, so every line is read in full), under a `#` title.
 */
export function adversarialGuide(
  construct: AdversarialConstruct,
  bytes: number,
): string {
  const parts: string[] = ['# Adversarial guide', ''];
  let length = utf8Length(parts.join('\n')) + 1;
  for (let n = 0; ; n++) {
    const part = unit(construct, n);
    const partLength = utf8Length(part) + 1;
    if (length + partLength > bytes) break;
    parts.push(part);
    length += partLength;
  }
  return parts.join('\n');
}

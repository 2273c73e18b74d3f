/*
 * Applies one edit step of the README's install section to a file's text: a
 * code snippet at the top, or before, after or instead of the line its quoted
 * texts find (indented like that line), or YAML merged into a YAML file.
 */
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Placement } from './readmeSteps';

/** The snippet without its common indentation, each line prefixed with `indent`. */
function reindent(code: string, indent: string): string[] {
  const lines = code.split('\n');
  const widths = lines
    .filter(l => l.trim() !== '')
    .map(l => l.length - l.trimStart().length);
  const common = widths.length ? Math.min(...widths) : 0;
  return lines.map(l => (l.trim() === '' ? '' : indent + l.slice(common)));
}

/**
 * The 0-based index of the line the anchors find: the only line holding the
 * first, then the first line after it holding the next, and so on.
 */
export function findAnchorLine(
  lines: string[],
  anchors: string[],
  file: string,
): number {
  const first = lines.flatMap((l, i) => (l.includes(anchors[0]) ? [i] : []));
  if (first.length !== 1) {
    throw new Error(
      `${file}: \`${anchors[0]}\` is on ${first.length} lines, expected exactly one`,
    );
  }
  let at = first[0];
  for (const anchor of anchors.slice(1)) {
    const next = lines.findIndex((l, i) => i > at && l.includes(anchor));
    if (next < 0) {
      throw new Error(
        `${file}: no line holds \`${anchor}\` after line ${at + 1}`,
      );
    }
    at = next;
  }
  return at;
}

/**
 * Merges the snippet's `node` into `doc` at `path`: maps merged key by key,
 * list items appended, anything else set; the snippet's nodes keep their style
 * (flow lists stay flow lists).
 */
function mergeInto(doc: Document, path: unknown[], node: unknown) {
  const target = path.length ? doc.getIn(path, true) : doc.contents;
  if (isMap(node) && isMap(target)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      mergeInto(doc, [...path, key], pair.value);
    }
  } else if (isSeq(node) && isSeq(target)) {
    for (const item of node.items) target.add(item);
  } else {
    doc.setIn(path, node);
  }
}

/** `text` (the file's content) with the step applied. */
export function applyEdit(
  text: string,
  placement: Placement,
  code: string,
  file: string,
): string {
  if (placement.action === 'merge') {
    const doc = parseDocument(text);
    if (doc.errors.length) {
      throw new Error(`${file}: not valid YAML: ${doc.errors[0].message}`);
    }
    const snippet = parseDocument(code);
    if (snippet.errors.length || !isMap(snippet.contents)) {
      throw new Error(`${file}: the snippet to merge must be a YAML map`);
    }
    mergeInto(doc, [], snippet.contents);
    return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
  }
  const lines = text.split('\n');
  if (placement.action === 'top') {
    return [...reindent(code, ''), ...lines].join('\n');
  }
  const at = findAnchorLine(lines, placement.anchors, file);
  const indent = lines[at].slice(
    0,
    lines[at].length - lines[at].trimStart().length,
  );
  const snippet = reindent(code, indent);
  if (placement.action === 'before') lines.splice(at, 0, ...snippet);
  else if (placement.action === 'after') lines.splice(at + 1, 0, ...snippet);
  else lines.splice(at, 1, ...snippet);
  return lines.join('\n');
}

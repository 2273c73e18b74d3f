import { Document } from 'yaml';

/**
 * YAML text of plain data (maps, lists, strings, numbers, booleans, null) in
 * block style, written by the `yaml` library: every string reads back as the
 * same string (quoted where YAML would read it otherwise), long strings are
 * never folded, an object used twice is written twice (no anchors), and the
 * time is linear in the size of the value. `comment` (lines without the `#`)
 * goes at the top of the file. Files that exist are merged with `mergeYaml`
 * instead, to keep their comments.
 */
export function toYaml(value: unknown, comment?: string): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  if (comment) {
    doc.commentBefore = comment;
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * A number in [0, 1) from a text, the same for the same text (FNV-1a): the
 * made-up example histories vary by technology and team, reproducibly.
 */
export function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x100000000;
}

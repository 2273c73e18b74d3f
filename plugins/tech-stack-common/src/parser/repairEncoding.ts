/**
 * Repairs "mojibake": UTF-8 bytes that were decoded as Windows-1252
 * (`ðŸ› ï¸` → `🛠️`). Only runs of characters that map back to bytes forming
 * valid UTF-8 sequences are replaced; clean text is returned untouched.
 */

// Windows-1252 0x80–0x9F: the Unicode characters those bytes decode to.
const CP1252_HIGH: ReadonlyArray<number> = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030,
  0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
];

const UNICODE_TO_CP1252 = new Map<number, number>(
  CP1252_HIGH.map((codePoint, index) => [codePoint, 0x80 + index]),
);

// Cheap pre-check: a UTF-8 lead byte read as cp1252 is one of Â..ô.
const MAYBE_MOJIBAKE =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/** The cp1252 byte a character decodes from, or -1. */
function toCp1252Byte(code: number): number {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
    return code;
  }
  return UNICODE_TO_CP1252.get(code) ?? -1;
}

function isContinuation(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}

/** Length of the UTF-8 sequence a lead byte announces, or 0 when it is no lead byte. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decodes one UTF-8 sequence; returns the code point or -1 when invalid. */
function decodeSequence(bytes: number[]): number {
  const [b0, b1, b2, b3] = bytes;
  if (!bytes.slice(1).every(isContinuation)) {
    return -1;
  }
  let code: number;
  if (bytes.length === 2) {
    code = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
    return code >= 0x80 ? code : -1;
  }
  if (bytes.length === 3) {
    code = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
    return code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? code : -1;
  }
  code =
    ((b0 & 0x07) << 18) |
    ((b1 & 0x3f) << 12) |
    ((b2 & 0x3f) << 6) |
    (b3 & 0x3f);
  return code >= 0x10000 && code <= 0x10ffff ? code : -1;
}

/**
 * Tries to decode a mojibake sequence starting at `index`. Returns the
 * decoded character and how many source characters it consumed, or undefined.
 */
function tryDecodeAt(
  text: string,
  index: number,
): { char: string; consumed: number } | undefined {
  const lead = toCp1252Byte(text.charCodeAt(index));
  const length = sequenceLength(lead);
  if (length === 0 || index + 1 >= text.length) {
    return undefined;
  }
  const bytes = [lead];
  for (let k = 1; k < length && index + k < text.length; k++) {
    let byte = toCp1252Byte(text.charCodeAt(index + k));
    // A no-break space (byte A0) often turns into a plain space on the way:
    // accept it as the last byte of an otherwise complete 4-byte sequence.
    if (byte === 0x20 && k === 3 && length === 4) {
      byte = 0xa0;
    }
    if (!isContinuation(byte)) {
      break;
    }
    bytes.push(byte);
  }
  if (bytes.length === length) {
    const code = decodeSequence(bytes);
    return code < 0
      ? undefined
      : { char: String.fromCodePoint(code), consumed: length };
  }
  // cp1252 has no character for 0x8F, so decoders drop it: `ï¸` is what is
  // left of U+FE0F (EF B8 8F), the emoji presentation selector. Restore it.
  if (bytes.length === 2 && bytes[0] === 0xef && bytes[1] === 0xb8) {
    return { char: '\ufe0f', consumed: 2 };
  }
  return undefined;
}

/**
 * Repairs text that was UTF-8 decoded as Windows-1252. Characters outside
 * such sequences are kept as they are.
 */
export function repairEncoding(text: string): string {
  if (!MAYBE_MOJIBAKE.test(text)) {
    return text;
  }
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xc2 || code > 0xf4) {
      continue;
    }
    const decoded = tryDecodeAt(text, i);
    if (decoded) {
      out += text.slice(copiedUpTo, i) + decoded.char;
      i += decoded.consumed - 1;
      copiedUpTo = i + 1;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Strips a byte-order mark and normalises line endings to `\n`. */
export function normalizeNewlines(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.indexOf('\r') < 0
    ? withoutBom
    : withoutBom.replace(/\r\n?/g, '\n');
}

import { brTagLength } from './html';
import { isSpaceAt, skipSpace } from './text';

/** A node of a mermaid flowchart. */
export interface MermaidNode {
  id: string;
  /** The display label (the id when the node has no label). */
  label: string;
  /** 0-based line in the diagram source where the node is first given. */
  line: number;
  /** Display label of the innermost subgraph the node first appears in. */
  subgraph?: string;
}

/** A subgraph of a mermaid flowchart. */
export interface MermaidSubgraph {
  id: string;
  label: string;
  line: number;
}

/** The result of {@link parseMermaidFlowchart}. */
export interface MermaidFlowchart {
  /** `graph`/`flowchart` for flowcharts, otherwise the diagram keyword (`sequenceDiagram`). */
  diagramType: string;
  isFlowchart: boolean;
  nodes: MermaidNode[];
  subgraphs: MermaidSubgraph[];
  /** Statements that could not be read, with their 0-based line. */
  problems: Array<{ line: number; message: string }>;
}

const MAX_STATEMENT_LENGTH = 10_000;
const ID = /[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*/uy;
const EDGE = /(?:<|[ox](?=[-=.]))?(?:-{2,}|={2,}|-?\.+-|~{3,})[>ox]?/y;
const CLASS_NAME = /:::[\w-]+/y;
const EDGE_CLOSE = /\s(?:-{2,}|={2,}|\.+-+)[>ox]?/;
const EDGE_TEXT = /^\s*\|[^|]*\|/;
const SKIPPED_KEYWORDS =
  /^(?:classDef|class|style|linkStyle|click|direction|accTitle|accDescr)\b/;

// Shape openers (longest first) and their closers.
const SHAPES: ReadonlyArray<[string, readonly string[]]> = [
  ['(((', [')))']],
  ['([', ['])']],
  ['((', ['))']],
  ['[[', [']]']],
  ['[(', [')]']],
  ['{{', ['}}']],
  ['[/', ['/]', '\\]']],
  ['[\\', ['\\]', '/]']],
  ['[', [']']],
  ['(', [')']],
  ['{', ['}']],
  ['>', [']']],
];

/** `text` with every `<br>` tag (any spelling {@link brTagLength} accepts) turned into a newline. */
function brToNewline(text: string): string {
  let at = text.indexOf('<');
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  for (; at >= 0; at = text.indexOf('<', at + 1)) {
    const length = brTagLength(text, at);
    if (length === 0) continue;
    out += `${text.slice(copied, at)}\n`;
    copied = at + length;
    at = copied - 1;
  }
  return out + text.slice(copied);
}

/** Is `text[index]` a letter, digit or `_` (the end of a `\b` word)? */
function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  );
}

/** Does `text` start with the word `keyword` (case-insensitive when asked)? */
function startsWithWord(
  text: string,
  keyword: string,
  ignoreCase = false,
): boolean {
  const head = text.slice(0, keyword.length);
  return (
    (ignoreCase ? head.toLowerCase() === keyword : head === keyword) &&
    !isWordCharAt(text, keyword.length)
  );
}

/** Decodes the entity forms mermaid labels use (`#quot;`, `&amp;`, `#35;`). */
export function decodeMermaidText(text: string): string {
  return brToNewline(text)
    .replace(/fa:fa-[\w-]+/g, '')
    .replace(/[#&](?:#?)(\w+);/g, (whole, name: string) => {
      const named: Record<string, string> = {
        quot: '"',
        amp: '&',
        lt: '<',
        gt: '>',
        apos: "'",
        nbsp: ' ',
      };
      if (Object.prototype.hasOwnProperty.call(named, name)) return named[name];
      let code = NaN;
      if (/^x[0-9a-f]+$/i.test(name)) code = parseInt(name.slice(1), 16);
      else if (/^\d+$/.test(name)) code = parseInt(name, 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .trim();
}

/** Splits a line into statements at `;` outside quotes and brackets. */
function statements(line: string): string[] {
  if (line.indexOf(';') < 0) return [line];
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && '[({'.includes(ch)) depth++;
    else if (!quoted && '])}'.includes(ch) && depth > 0) depth--;
    else if (ch === ';' && !quoted && depth === 0) {
      parts.push(line.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}

interface ParsedNode {
  id: string;
  label?: string;
  end: number;
}

/**
 * The `label` of a node's shape data (`@{ shape: rect, label: "Kafka" }`):
 * the quoted text, or the text up to the next `,`.
 */
function shapeDataLabel(body: string): string | undefined {
  for (
    let at = body.indexOf('label');
    at >= 0;
    at = body.indexOf('label', at + 1)
  ) {
    const colon = skipSpace(body, at + 5);
    if (body[colon] !== ':') continue;
    const value = skipSpace(body, colon + 1);
    if (body[value] === '"') {
      const closeQuote = body.indexOf('"', value + 1);
      if (closeQuote >= 0) return body.slice(value + 1, closeQuote);
    }
    const comma = body.indexOf(',', colon + 1);
    const raw = body.slice(colon + 1, comma < 0 ? body.length : comma);
    if (raw.length > 0) return raw.trim();
  }
  return undefined;
}

/** Reads a node (`A`, `A[Label]`, `A(["Label"])`, `A@{ label: "x" }`) at `pos`. */
function readNode(text: string, pos: number): ParsedNode | undefined {
  ID.lastIndex = pos;
  const idMatch = ID.exec(text);
  if (!idMatch) return undefined;
  const id = idMatch[0];
  let cursor = pos + id.length;
  CLASS_NAME.lastIndex = cursor;
  const className = CLASS_NAME.exec(text);
  if (className) cursor += className[0].length;
  if (text.startsWith('@{', cursor)) {
    const close = text.indexOf('}', cursor);
    if (close < 0) return { id, end: text.length };
    return {
      id,
      label: shapeDataLabel(text.slice(cursor, close)),
      end: close + 1,
    };
  }
  const shape = SHAPES.find(([opener]) => text.startsWith(opener, cursor));
  if (!shape) {
    return { id, end: cursor };
  }
  const [opener, closers] = shape;
  let labelStart = cursor + opener.length;
  let searchFrom = labelStart;
  let quotedLabel: string | undefined;
  const quoteAt = skipSpaces(text, labelStart);
  if (text[quoteAt] === '"') {
    const closeQuote = text.indexOf('"', quoteAt + 1);
    if (closeQuote >= 0) {
      quotedLabel = text.slice(quoteAt + 1, closeQuote);
      searchFrom = closeQuote + 1;
    }
  }
  let closeAt = -1;
  let closer = '';
  for (const candidate of closers) {
    const at = text.indexOf(candidate, searchFrom);
    if (at >= 0 && (closeAt < 0 || at < closeAt)) {
      closeAt = at;
      closer = candidate;
    }
  }
  if (closeAt < 0) {
    return {
      id,
      label: quotedLabel ?? text.slice(labelStart),
      end: text.length,
    };
  }
  if (quotedLabel === undefined) {
    labelStart = Math.min(labelStart, closeAt);
  }
  return {
    id,
    label: quotedLabel ?? text.slice(labelStart, closeAt),
    end: closeAt + closer.length,
  };
}

/** Reads an edge (`-->`, `-.->`, `==>`, `-- text -->`, `-->|text|`) at `pos`; returns its end. */
function readEdge(text: string, pos: number): number | undefined {
  EDGE.lastIndex = pos;
  const edge = EDGE.exec(text);
  if (!edge) return undefined;
  let end = pos + edge[0].length;
  const open = edge[0];
  if (
    (open === '--' || open === '==' || open === '-.') &&
    isSpaceAt(text, end)
  ) {
    const close = EDGE_CLOSE.exec(text.slice(end));
    if (!close) return undefined;
    end += close.index + close[0].length;
  }
  const label = EDGE_TEXT.exec(text.slice(end));
  if (label) end += label[0].length;
  return end;
}

function skipSpaces(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Reads the nodes of one statement (`A[x] --> B & C`). */
function readStatement(text: string): { nodes: ParsedNode[]; error?: string } {
  const nodes: ParsedNode[] = [];
  let pos = skipSpaces(text, 0);
  while (pos < text.length) {
    const node = readNode(text, pos);
    if (!node) {
      return {
        nodes,
        error: `could not read "${text.slice(pos, pos + 40).trim()}"`,
      };
    }
    nodes.push(node);
    pos = skipSpaces(text, node.end);
    if (text[pos] === '&') {
      pos = skipSpaces(text, pos + 1);
      continue;
    }
    if (pos >= text.length) break;
    const edgeEnd = readEdge(text, pos);
    if (edgeEnd === undefined) {
      return {
        nodes,
        error: `could not read "${text.slice(pos, pos + 40).trim()}"`,
      };
    }
    pos = skipSpaces(text, edgeEnd);
  }
  return { nodes };
}

/** Reads `id [label]` / `id ["label"]`; undefined when `rest` is not of that form. */
function subgraphWithLabel(
  rest: string,
): { id: string; label: string } | undefined {
  let idEnd = 0;
  while (
    idEnd < rest.length &&
    !isSpaceAt(rest, idEnd) &&
    !'[]"'.includes(rest[idEnd])
  ) {
    idEnd++;
  }
  if (idEnd === 0) return undefined;
  const open = skipSpace(rest, idEnd);
  if (rest[open] !== '[') return undefined;
  let labelStart = skipSpace(rest, open + 1);
  if (rest[labelStart] === '"') labelStart++;
  let labelEnd = labelStart;
  while (
    labelEnd < rest.length &&
    rest[labelEnd] !== '"' &&
    rest[labelEnd] !== ']'
  ) {
    labelEnd++;
  }
  let close = labelEnd;
  if (rest[close] === '"') close++;
  close = skipSpace(rest, close);
  if (rest[close] !== ']' || skipSpace(rest, close + 1) !== rest.length) {
    return undefined;
  }
  return { id: rest.slice(0, idEnd), label: rest.slice(labelStart, labelEnd) };
}

function parseSubgraph(rest: string, line: number): MermaidSubgraph {
  const withLabel = subgraphWithLabel(rest);
  if (withLabel) {
    const label = decodeMermaidText(withLabel.label) || withLabel.id;
    return { id: withLabel.id, label, line };
  }
  const closeQuote = rest.startsWith('"') ? rest.indexOf('"', 1) : -1;
  const quoted =
    closeQuote > 0 && skipSpace(rest, closeQuote + 1) === rest.length;
  const text = decodeMermaidText(quoted ? rest.slice(1, closeQuote) : rest);
  return { id: text, label: text, line };
}

/**
 * Reads a diagram's first line: `graph`/`flowchart`, an optional direction
 * and, after an optional `;`, a first statement. Undefined for other diagrams.
 */
function flowchartHeader(
  raw: string,
): { keyword: string; rest: string } | undefined {
  const keyword = ['graph', 'flowchart'].find(word =>
    startsWithWord(raw, word, true),
  );
  if (!keyword) return undefined;
  let i = skipSpace(raw, keyword.length);
  while (i < raw.length && !isSpaceAt(raw, i)) i++;
  i = skipSpace(raw, i);
  if (raw[i] === ';') i = skipSpace(raw, i + 1);
  return { keyword, rest: raw.slice(i) };
}

/** The first word of a line (the diagram type of a diagram that is no flowchart). */
function firstWord(raw: string): string {
  let end = 0;
  while (end < raw.length && !isSpaceAt(raw, end)) end++;
  return raw.slice(0, end);
}

/**
 * Parses a mermaid `graph`/`flowchart` diagram into its nodes and subgraphs.
 * Edges are read only to find the nodes on both sides. Other diagram types
 * are recognised (`isFlowchart: false`) but not read.
 */
export function parseMermaidFlowchart(source: string): MermaidFlowchart {
  const lines = source.split('\n');
  const result: MermaidFlowchart = {
    diagramType: '',
    isFlowchart: false,
    nodes: [],
    subgraphs: [],
    problems: [],
  };
  const byId = new Map<string, MermaidNode & { labelled: boolean }>();
  const order: string[] = [];
  const stack: MermaidSubgraph[] = [];
  let started = false;

  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const raw = lines[lineIndex].trim();
    if (!raw || raw.startsWith('%%')) continue;
    if (!started) {
      started = true;
      const header = flowchartHeader(raw);
      if (!header) {
        result.diagramType = firstWord(raw);
        return result;
      }
      result.diagramType = header.keyword;
      result.isFlowchart = true;
      // `graph LR; A --> B` on one line: the rest is a statement.
      if (!header.rest) continue;
      lines[lineIndex] = header.rest;
    }
    for (const part of statements(lines[lineIndex])) {
      const statement = part.trim();
      if (!statement) continue;
      if (statement.length > MAX_STATEMENT_LENGTH) {
        result.problems.push({
          line: lineIndex,
          message: 'diagram statement too long; skipped',
        });
        continue;
      }
      if (startsWithWord(statement, 'subgraph')) {
        const entry = parseSubgraph(statement.slice(8).trim(), lineIndex);
        stack.push(entry);
        result.subgraphs.push(entry);
        continue;
      }
      if (statement === 'end') {
        if (stack.length > 0) stack.pop();
        else
          result.problems.push({
            line: lineIndex,
            message: '"end" without subgraph',
          });
        continue;
      }
      if (SKIPPED_KEYWORDS.test(statement)) continue;
      const { nodes, error } = readStatement(statement);
      if (error) {
        result.problems.push({
          line: lineIndex,
          message: `diagram statement ${error}`,
        });
      }
      const current = stack[stack.length - 1]?.label;
      for (const node of nodes) {
        const label =
          node.label === undefined ? undefined : decodeMermaidText(node.label);
        const known = byId.get(node.id);
        if (!known) {
          byId.set(node.id, {
            id: node.id,
            label: label || node.id,
            line: lineIndex,
            ...(current !== undefined ? { subgraph: current } : {}),
            labelled: Boolean(label),
          });
          order.push(node.id);
        } else if (label && !known.labelled) {
          known.label = label;
          known.labelled = true;
          known.line = lineIndex;
        }
      }
    }
  }

  const subgraphIds = new Set(result.subgraphs.map(s => s.id));
  for (const id of order) {
    const node = byId.get(id)!;
    if (!node.labelled && subgraphIds.has(id)) continue;
    const { labelled: _labelled, ...plain } = node;
    result.nodes.push(plain);
  }
  return result;
}

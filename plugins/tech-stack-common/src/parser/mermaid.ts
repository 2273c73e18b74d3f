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

/** Decodes the entity forms mermaid labels use (`#quot;`, `&amp;`, `#35;`). */
export function decodeMermaidText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
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
    const body = text.slice(cursor, close);
    const label = /label\s*:\s*"([^"]*)"|label\s*:\s*([^,}]+)/.exec(body);
    return {
      id,
      label: label ? (label[1] ?? label[2]).trim() : undefined,
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
  if (/^(?:--|==|-\.)$/.test(edge[0]) && /^\s/.test(text.slice(end))) {
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

function parseSubgraph(rest: string, line: number): MermaidSubgraph {
  const withLabel = /^([^\s[\]"]+)\s*\[\s*"?([^"\]]*)"?\s*\]\s*$/.exec(rest);
  if (withLabel) {
    const label = decodeMermaidText(withLabel[2]) || withLabel[1];
    return { id: withLabel[1], label, line };
  }
  const quoted = /^"([^"]*)"\s*$/.exec(rest);
  const text = decodeMermaidText(quoted ? quoted[1] : rest);
  return { id: text, label: text, line };
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
      const header = /^(graph|flowchart)\b\s*(\S*)\s*;?\s*(.*)$/i.exec(raw);
      if (!header) {
        result.diagramType = raw.split(/\s/)[0];
        return result;
      }
      result.diagramType = header[1].toLowerCase();
      result.isFlowchart = true;
      // `graph LR; A --> B` on one line: the rest is a statement.
      if (!header[3]) continue;
      lines[lineIndex] = header[3];
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
      const subgraph = /^subgraph\b\s*(.*)$/.exec(statement);
      if (subgraph) {
        const entry = parseSubgraph(subgraph[1].trim(), lineIndex);
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

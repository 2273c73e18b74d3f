import MarkdownIt from 'markdown-it';
import type { GuideModel } from '../model';
import type { Ring } from '../types';
import { AliasTable } from './aliases';
import { PROTECTED_NAMES } from './builtins';
import { isGenericName } from './classify';
import { EntryInput, GuideCollector, LayerDraft } from './collector';
import {
  ColumnMeaning,
  columnMeaning,
  headingRing,
  normalizeOverrides,
  ringValue,
} from './columns';
import { splitFrontMatter } from './frontMatter';
import { HtmlFound, maskHtml, stripHtml } from './html';
import { InlineText, inlineText, Token } from './inline';
import {
  MAX_CELL_LENGTH,
  MAX_HEADING_LENGTH,
  MAX_LINE_LENGTH,
  MAX_NAME_LENGTH,
} from './limits';
import { parseMermaidFlowchart } from './mermaid';
import { normalizeNewlines, repairEncoding } from './repairEncoding';
import { isSafeLinkUrl } from './links';
import {
  itemNameEnd,
  ITEM_SEPARATORS_AND_COLON,
  splitLayerTool,
} from './separators';
import { CellName, splitCell } from './splitCell';
import { collapseSpace, cutText, shorten, skipSpace, trimChars } from './text';

/**
 * Options of {@link parseGuide}.
 *
 * @public
 */
export interface ParseGuideOptions {
  /** Ring of unranked columns, lists and diagram nodes. Default `trial`. */
  defaultRing?: Ring;
  /** Canonical title → extra aliases, merged with the built-in alias table. */
  aliases?: Record<string, string[]>;
  /** Column header (case-insensitive) → meaning, merged over the built-in meanings. */
  columnRings?: Record<string, Ring | 'description' | 'ignore'>;
  /** Extra generic names (diagram boxes such as `Legacy Systems`) that are not technologies. */
  genericNames?: string[];
  /** Largest input accepted, in UTF-8 bytes. Default 5 MB. */
  maxBytes?: number;
}

/**
 * Default for {@link ParseGuideOptions.maxBytes}.
 *
 * @public
 */
export const DEFAULT_MAX_GUIDE_BYTES = 5 * 1024 * 1024;

const MAX_NAME_WORDS = 8;
const MAX_LIST_DEPTH = 8;
const PROSE_WORDS = new Set([
  'a',
  'an',
  'the',
  'to',
  'for',
  'of',
  'over',
  'with',
  'and',
  'or',
  'is',
  'are',
  'be',
  'use',
  'when',
  'in',
  'on',
  'by',
  'we',
  'you',
  'our',
  'it',
  'not',
]);
/** Descriptive text: tags removed (a `<br>` becomes a space), `<` and `>` kept, whitespace collapsed. */
function descriptionText(text: string): string {
  return collapseSpace(stripHtml(text, { keepStrayBrackets: true }).text);
}

let sharedMarkdown: InstanceType<typeof MarkdownIt> | undefined;

function markdown(): InstanceType<typeof MarkdownIt> {
  // The default preset: GFM tables, no raw HTML (so `<br>` stays text).
  sharedMarkdown ??= new MarkdownIt('default', { html: false, linkify: false });
  return sharedMarkdown;
}

let defaultAliasSetup: ReturnType<typeof buildAliasSetup> | undefined;

function buildAliasSetup(extra?: Record<string, string[]>) {
  const aliases = new AliasTable(extra);
  const protectedNames = [
    ...new Set(
      [...PROTECTED_NAMES, ...aliases.allNames()]
        .filter(name => /[,;/&+]/.test(name))
        .map(name => name.toLowerCase()),
    ),
  ];
  return { aliases, protectedNames };
}

/** The alias table and protected names; the built-in ones are built once. */
function aliasSetup(extra?: Record<string, string[]>) {
  if (extra && Object.keys(extra).length > 0) return buildAliasSetup(extra);
  defaultAliasSetup ??= buildAliasSetup();
  return defaultAliasSetup;
}

/** UTF-8 length of a string, stopping early once above `limit`. */
function utf8LengthAbove(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

function controlCharRatio(text: string): number {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0xfffd)
      count++;
  }
  return count / sample.length;
}

const clean = collapseSpace;
const DOMAIN_ENDINGS = ['.js', '.io', '.net', '.ai', '.dev'];

function looksLikeProse(name: string): boolean {
  if (name.length > MAX_NAME_LENGTH) return true;
  const words = name.split(' ');
  if (words.length > MAX_NAME_WORDS) return true;
  const lower = name.toLowerCase();
  if (
    '.!?'.includes(name[name.length - 1]) &&
    !DOMAIN_ENDINGS.some(ending => lower.endsWith(ending))
  )
    return true;
  return (
    words.length >= 3 && words.some(word => PROSE_WORDS.has(word.toLowerCase()))
  );
}

type Verdict = 'ok' | 'empty' | 'prose' | 'generic';

/** A name of a cell, label or item; `literal` when written as a code span (taken as written). */
type NameInCell = CellName & { literal?: boolean };

/** A candidate name, cleaned, and whether it can be a technology. */
interface Judged {
  name: string;
  verdict: Verdict;
  /** The HTML removed from it, if any. */
  html?: HtmlFound;
}

/** Is `text` empty, blank or a lone `:` (after a bold label)? */
function isColonOrBlank(text: string): boolean {
  const rest = clean(text);
  return rest === '' || rest === ':';
}

/** Where the walk currently stands in the guide. */
interface Context {
  section?: { title: string; line: number };
  group?: string;
  /** `####` heading or a `Label:` paragraph before a list or table. */
  label?: string;
  ring?: { ring: Ring; level: number };
}

/**
 * Replaces each name that lies inside a code span by the whole code span, as
 * a literal name. Names and code spans both come in text order, so one pass
 * over each (linear, however many there are in a cell).
 */
function withLiteralNames(
  text: string,
  names: readonly CellName[],
  literals: readonly { start: number; end: number }[],
): NameInCell[] {
  let next = 0;
  return names.map(name => {
    while (next < literals.length && literals[next].end <= name.start) next++;
    const literal = literals[next];
    if (literal && literal.start <= name.start && name.end <= literal.end) {
      return {
        name: text.slice(literal.start, literal.end),
        start: literal.start,
        end: literal.end,
        literal: true,
      };
    }
    return name;
  });
}

/** Walks the token stream of one guide. */
class GuideWalker {
  readonly collector: GuideCollector;
  private readonly context: Context = {};
  private readonly protectedNames: string[];
  private readonly overrides: ReturnType<typeof normalizeOverrides>;
  private readonly generic: Set<string>;
  private readonly defaultRing: Ring;
  private readonly judged = new Map<string, Judged>();
  private readonly judgedLiterals = new Map<string, Judged>();
  private readonly subgraphTitles = new Map<string, string>();
  title?: string;
  titleLine = 0;
  description?: string;

  constructor(options: ParseGuideOptions) {
    const { aliases, protectedNames } = aliasSetup(options.aliases);
    this.collector = new GuideCollector(aliases);
    this.protectedNames = protectedNames;
    this.overrides = normalizeOverrides(options.columnRings);
    this.generic = new Set(
      (options.genericNames ?? []).map(name => name.trim().toLowerCase()),
    );
    this.defaultRing = options.defaultRing ?? 'trial';
  }

  walk(tokens: Token[]): void {
    let i = 0;
    while (i < tokens.length) {
      const token = tokens[i];
      switch (token.type) {
        case 'heading_open':
          this.heading(token, tokens[i + 1]);
          i = skipTo(tokens, i, 'heading_close');
          break;
        case 'paragraph_open':
          if (token.level === 0) this.paragraph(tokens[i + 1], lineOf(token));
          i = skipTo(tokens, i, 'paragraph_close');
          break;
        case 'table_open': {
          const end = skipTo(tokens, i, 'table_close');
          this.table(tokens, i, end);
          this.context.label = undefined;
          i = end;
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const end = matchingClose(tokens, i);
          this.list(tokens, i, end, this.nearestLabel(), 0);
          this.context.label = undefined;
          i = end;
          break;
        }
        case 'fence':
          if (/^\s*mermaid\b/i.test(token.info)) {
            this.mermaid(token);
            this.context.label = undefined;
          }
          break;
        default:
          break;
      }
      i++;
    }
  }

  private heading(open: Token, inline: Token | undefined): void {
    const level = Number(open.tag.slice(1));
    const line = lineOf(open);
    const text = this.plainTitle(inlineText(inline).text, line, 'heading');
    const ring = headingRing(text);
    if (this.context.ring && level <= this.context.ring.level) {
      this.context.ring = undefined;
    }
    this.context.label = undefined;
    if (ring) {
      this.context.ring = { ring, level };
      return;
    }
    if (!text) return;
    if (level === 1 && this.title === undefined) {
      this.title = text;
      this.titleLine = line;
    } else if (level <= 2) {
      this.context.section = { title: text, line };
      this.context.group = undefined;
    } else if (level === 3) {
      this.context.group = text;
    } else {
      this.context.label = text;
    }
  }

  private paragraph(inline: Token | undefined, line: number): void {
    const { text, lead } = inlineText(inline);
    const value = clean(stripHtml(text, { keepStrayBrackets: true }).text);
    if (
      this.title !== undefined &&
      !this.context.section &&
      this.description === undefined &&
      value
    ) {
      this.description = value;
    }
    const bold =
      lead && lead.start === 0 && isColonOrBlank(text.slice(lead.end));
    if (value.length <= MAX_NAME_LENGTH && (value.endsWith(':') || bold)) {
      const label = value.endsWith(':') ? value.slice(0, -1) : value;
      this.context.label =
        this.plainTitle(trimChars(label, '*'), line, 'label') || undefined;
    } else {
      this.context.label = undefined;
    }
  }

  private section(): { title: string; line: number } {
    return (
      this.context.section ?? {
        title: this.title || 'General',
        line: this.titleLine || 1,
      }
    );
  }

  private nearestLabel(): string {
    return this.context.label ?? this.context.group ?? this.section().title;
  }

  private contextRing(): Ring {
    return this.context.ring?.ring ?? this.defaultRing;
  }

  /** Places the names of one cell, label or item. */
  private place(
    names: readonly NameInCell[],
    where: {
      layer: string;
      ring: Ring;
      line: number;
      description?: string;
      links?: InlineText['links'];
    },
  ): void {
    const section = this.section();
    let layer: LayerDraft | undefined;
    for (const cellName of names) {
      const { name, verdict, html } = this.judge(
        cellName.name,
        cellName.literal,
      );
      if (html) this.warnHtml(where.line, html, name);
      if (verdict === 'empty') continue;
      if (verdict === 'prose') {
        this.collector.warn(
          where.line,
          `"${shorten(
            name,
          )}" is not read as a technology name (looks like prose)`,
        );
        continue;
      }
      if (verdict === 'generic') {
        this.collector.warn(
          where.line,
          `"${name}" is a generic name, not a technology; not placed`,
        );
        continue;
      }
      const entry: EntryInput = {
        name,
        section: section.title,
        sectionLine: section.line,
        layer: where.layer,
        ring: where.ring,
        line: where.line,
      };
      if (this.context.group) entry.group = this.context.group;
      const description =
        cellName.note && where.description
          ? `${cellName.note} — ${where.description}`
          : cellName.note ?? where.description;
      if (description) entry.description = description;
      if (where.links && where.links.length > 0) {
        const link = where.links.find(
          l => l.start < cellName.end && l.end > cellName.start,
        );
        if (link && isSafeLinkUrl(link.url)) {
          entry.link = { url: link.url, title: name };
        } else if (link) {
          this.collector.warn(
            where.line,
            `link of "${shorten(name)}" is not http(s); not kept`,
          );
        }
      }
      layer ??= this.collector.layer(entry);
      this.collector.addToLayer(layer, entry);
    }
  }

  /**
   * Cleans a candidate name (HTML removed, whitespace collapsed) and decides
   * whether it can be a technology (cached). A literal name (a code span) is
   * taken as written: only a name longer than {@link MAX_NAME_LENGTH} is
   * refused, the prose and generic-name heuristics do not apply.
   */
  private judge(raw: string, literal = false): Judged {
    const cache = literal ? this.judgedLiterals : this.judged;
    let judged = cache.get(raw);
    if (!judged) {
      const html = stripHtml(raw);
      const name = clean(html.text);
      let verdict: Verdict = 'ok';
      if (!name) verdict = 'empty';
      else if (literal) {
        if (name.length > MAX_NAME_LENGTH) verdict = 'prose';
      } else if (looksLikeProse(name)) verdict = 'prose';
      else if (isGenericName(name, this.generic)) verdict = 'generic';
      judged = { name, verdict };
      if (html.tags.length > 0 || html.strayBrackets) judged.html = html;
      cache.set(raw, judged);
    }
    return judged;
  }

  /** Reports HTML removed from `what` (a name or title). */
  private warnHtml(line: number, html: HtmlFound, what: string): void {
    const tags = [...new Set(html.tags)].map(tag => `<${tag}>`);
    const removed = [
      ...(tags.length > 0 ? [`HTML ${tags.slice(0, 3).join(', ')}`] : []),
      ...(html.strayBrackets ? ['"<"/">"'] : []),
    ].join(' and ');
    this.collector.warn(line, `${removed} removed from "${shorten(what)}"`);
  }

  /**
   * A heading, label or layer title as plain text: HTML removed (with a
   * warning), whitespace collapsed, cut at {@link MAX_HEADING_LENGTH} (with a
   * warning).
   */
  private plainTitle(raw: string, line: number, what: string): string {
    const html = stripHtml(raw);
    let text = clean(html.text);
    if (html.tags.length > 0 || html.strayBrackets) {
      this.warnHtml(line, html, text);
    }
    if (text.length > MAX_HEADING_LENGTH) {
      this.collector.warn(
        line,
        `${what} longer than ${MAX_HEADING_LENGTH} characters; cut: "${shorten(
          text,
        )}"`,
      );
      text = clean(cutText(text, MAX_HEADING_LENGTH));
    }
    return text;
  }

  /** The layer title of a diagram subgraph's label (worked out once per label). */
  private subgraphTitle(
    label: string | undefined,
    line: number,
  ): string | undefined {
    if (label === undefined) return undefined;
    let title = this.subgraphTitles.get(label);
    if (title === undefined) {
      title = this.plainTitle(label, line, 'diagram subgraph name');
      this.subgraphTitles.set(label, title);
    }
    return title || undefined;
  }

  /** A cell, list item or diagram label cut at {@link MAX_CELL_LENGTH} (with a warning). */
  private cell<
    T extends {
      text: string;
      links: InlineText['links'];
      literals?: InlineText['literals'];
    },
  >(cell: T, line: number, what: string): T {
    if (cell.text.length <= MAX_CELL_LENGTH) return cell;
    this.collector.warn(
      line,
      `${what} longer than ${MAX_CELL_LENGTH} characters; cut: "${shorten(
        clean(cutText(cell.text, 200)),
      )}"`,
    );
    const text = cutText(cell.text, MAX_CELL_LENGTH);
    const cutRange = <R extends { start: number; end: number }>(range: R) => ({
      ...range,
      end: Math.min(range.end, text.length),
    });
    const links = cell.links
      .filter(link => link.start < text.length)
      .map(cutRange);
    const literals = cell.literals
      ?.filter(literal => literal.start < text.length)
      .map(cutRange);
    return { ...cell, text, links, ...(literals ? { literals } : {}) };
  }

  /**
   * The names of a cell, label or item: HTML tags other than `<br>` are
   * blanked out first (with a warning), `<br>` separates names like `,`.
   * Links and code spans are never split; a name that is a code span
   * (`` `Pub/Sub` ``, `` `Force push to master` ``) is taken as written,
   * parenthesis included, and marked `literal`.
   */
  private split(
    raw: string,
    line: number,
    links: InlineText['links'] = [],
    literals: InlineText['literals'] = [],
  ): NameInCell[] {
    const html = maskHtml(raw);
    if (html.tags.length > 0 || html.strayBrackets) {
      this.warnHtml(line, html, clean(html.text));
    }
    const { names: found, features } = splitCell(html.text, {
      atomic: literals.length > 0 ? [...links, ...literals] : links,
      protectedNames: this.protectedNames,
    });
    const names: NameInCell[] =
      literals.length === 0
        ? found
        : withLiteralNames(html.text, found, literals);
    for (const feature of features) {
      this.collector.warn(
        line,
        `"${feature.name}" is read as a feature of ${feature.of}, not a technology; not placed`,
      );
    }
    return names;
  }

  private table(tokens: Token[], start: number, end: number): void {
    const header: InlineText[] = [];
    const rows: Array<{ line: number; cells: InlineText[] }> = [];
    let headerLine = lineOf(tokens[start]);
    let current: { line: number; cells: InlineText[] } | undefined;
    let inHead = false;
    for (let i = start; i < end; i++) {
      const token = tokens[i];
      if (token.type === 'thead_open') inHead = true;
      else if (token.type === 'thead_close') inHead = false;
      else if (token.type === 'tr_open') {
        current = { line: lineOf(token), cells: [] };
        if (inHead) headerLine = current.line;
        else rows.push(current);
      } else if (token.type === 'inline' && current) {
        const cell = this.cell(inlineText(token), current.line, 'table cell');
        if (inHead) header.push(cell);
        else current.cells.push(cell);
      }
    }
    const meanings: ColumnMeaning[] = header.map((cell, index) =>
      index === 0
        ? { kind: 'tools' }
        : columnMeaning(
            this.plainTitle(cell.text, headerLine, 'column header'),
            this.overrides,
          ),
    );
    const toolColumns = meanings
      .map((m, i) => (i > 0 && m.kind === 'tools' ? i : -1))
      .filter(i => i >= 0);
    const ringColumn = meanings.findIndex((m, i) => i > 0 && m.kind === 'ring');
    const descriptionColumns = meanings
      .map((m, i) => (m.kind === 'description' ? i : -1))
      .filter(i => i >= 0);
    if (header.length === 0) {
      this.collector.warn(headerLine, 'table without a header row; not read');
      return;
    }

    const rowRing = (
      row: { line: number; cells: InlineText[] },
      fallback: Ring,
    ): Ring => {
      if (ringColumn < 0) return fallback;
      const value = clean(row.cells[ringColumn]?.text ?? '');
      if (!value) return fallback;
      const ring = ringValue(value);
      if (!ring)
        this.collector.warn(
          row.line,
          `"${shorten(value)}" is not a ring; using ${fallback}`,
        );
      return ring ?? fallback;
    };
    const rowDescription = (row: {
      cells: InlineText[];
    }): string | undefined => {
      const parts = descriptionColumns
        .map(i => descriptionText(row.cells[i]?.text ?? ''))
        .filter(Boolean);
      return parts.length > 0 ? parts.join(' — ') : undefined;
    };

    if (toolColumns.length === 0) {
      // `| Framework | Best For |`: the first column holds the technologies.
      const firstHeader = columnMeaning(
        this.plainTitle(header[0].text, headerLine, 'column header'),
        this.overrides,
      );
      const ring =
        firstHeader.kind === 'tools' && firstHeader.ring
          ? firstHeader.ring
          : this.contextRing();
      const layer = this.nearestLabel();
      for (const row of rows) {
        const cell = row.cells[0];
        if (!cell) continue;
        const description = rowDescription(row);
        this.place(this.split(cell.text, row.line, cell.links, cell.literals), {
          layer,
          ring: rowRing(row, ring),
          line: row.line,
          links: cell.links,
          ...(description ? { description } : {}),
        });
      }
      return;
    }

    let previousLayer: string | undefined;
    for (const row of rows) {
      const label = this.plainTitle(
        row.cells[0]?.text ?? '',
        row.line,
        'layer name',
      );
      const layer = label || previousLayer || this.nearestLabel();
      previousLayer = layer;
      const description = rowDescription(row);
      for (const column of toolColumns) {
        const cell = row.cells[column];
        if (!cell || !cell.text.trim()) continue;
        const meaning = meanings[column] as { kind: 'tools'; ring?: Ring };
        const ring = meaning.ring ?? rowRing(row, this.contextRing());
        this.place(this.split(cell.text, row.line, cell.links, cell.literals), {
          layer,
          ring,
          line: row.line,
          links: cell.links,
          ...(description ? { description } : {}),
        });
      }
    }
  }

  private list(
    tokens: Token[],
    start: number,
    end: number,
    layer: string,
    depth: number,
  ): void {
    const listLevel = tokens[start].level;
    for (let i = start + 1; i < end; i++) {
      const item = tokens[i];
      if (item.type !== 'list_item_open' || item.level !== listLevel + 1)
        continue;
      const itemEnd = matchingClose(tokens, i);
      let inline: Token | undefined;
      let nested: number | undefined;
      for (let k = i + 1; k < itemEnd; k++) {
        const token = tokens[k];
        if (
          inline === undefined &&
          token.type === 'inline' &&
          token.level === item.level + 2
        )
          inline = token;
        if (
          nested === undefined &&
          (token.type === 'bullet_list_open' ||
            token.type === 'ordered_list_open') &&
          token.level === item.level + 1
        ) {
          nested = k;
        }
      }
      const line = lineOf(item);
      const content = this.cell(inlineText(inline), line, 'list item');
      const text = clean(content.text.replace(/^\[[ xX]\]\s/, ''));
      if (nested !== undefined) {
        if (depth + 1 >= MAX_LIST_DEPTH) {
          this.collector.warn(
            line,
            `list nested more than ${MAX_LIST_DEPTH} levels deep; inner items not read`,
          );
        } else {
          this.list(
            tokens,
            nested,
            matchingClose(tokens, nested),
            this.plainTitle(text, line, 'layer name') || layer,
            depth + 1,
          );
        }
      } else if (text) {
        this.listItem(content, line, layer);
      }
      i = itemEnd;
    }
  }

  private listItem(content: InlineText, line: number, layer: string): void {
    const { text, lead, links, literals } = content;
    const nameEnd = lead ? lead.end : itemNameEnd(text);
    const rest = text.slice(skipSpace(text, nameEnd));
    const description =
      clean(
        descriptionText(
          ITEM_SEPARATORS_AND_COLON.includes(rest[0]) ? rest.slice(1) : rest,
        ),
      ) || undefined;
    const names = this.split(text.slice(0, nameEnd), line, links, literals);
    this.place(names, {
      layer,
      ring: this.contextRing(),
      line,
      links,
      ...(description ? { description } : {}),
    });
  }

  private mermaid(fence: Token): void {
    const fenceLine = lineOf(fence);
    const chart = parseMermaidFlowchart(fence.content);
    if (!chart.isFlowchart) {
      if (chart.diagramType) {
        this.collector.warn(
          fenceLine,
          `mermaid ${shorten(
            chart.diagramType,
          )} diagram is not read (only graph/flowchart)`,
        );
      }
      return;
    }
    for (const problem of chart.problems) {
      this.collector.warn(fenceLine + 1 + problem.line, problem.message);
    }
    const ring = this.contextRing();
    for (const node of chart.nodes) {
      const line = fenceLine + 1 + node.line;
      const label = clean(
        this.cell({ text: node.label, links: [] }, line, 'diagram label').text,
      );
      if (isGenericName(label, this.generic)) {
        this.collector.warn(
          line,
          `diagram node "${label}" is a generic name, not a technology; not placed`,
        );
        continue;
      }
      const layerTool = splitLayerTool(label);
      const layer =
        (layerTool && this.plainTitle(layerTool.layer, line, 'layer name')) ||
        (this.subgraphTitle(node.subgraph, line) ?? this.nearestLabel());
      const names = this.split(layerTool ? layerTool.tool : label, line);
      this.place(names, { layer, ring, line });
    }
  }
}

function lineOf(token: Token): number {
  return (token.map?.[0] ?? 0) + 1;
}

/**
 * Cuts every line longer than {@link MAX_LINE_LENGTH}, reporting each cut
 * line (1-based) through `warn`. Line numbers do not change.
 */
function cutLongLines(
  text: string,
  warn: (line: number, message: string) => void,
): string {
  let out = '';
  let copied = 0;
  let lineStart = 0;
  for (let line = 1; lineStart <= text.length; line++) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart > MAX_LINE_LENGTH) {
      const kept = cutText(text.slice(lineStart, lineEnd), MAX_LINE_LENGTH);
      warn(
        line,
        `line longer than ${MAX_LINE_LENGTH} characters; cut after ${
          kept.length
        }: "${shorten(kept)}"`,
      );
      out += text.slice(copied, lineStart) + kept;
      copied = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Index of the next token of `type` at the same level from `start`. */
function skipTo(tokens: Token[], start: number, type: string): number {
  const level = tokens[start].level;
  for (let i = start + 1; i < tokens.length; i++) {
    if (tokens[i].type === type && tokens[i].level === level) return i;
  }
  return tokens.length - 1;
}

/** Index of the token closing the one at `start`. */
function matchingClose(tokens: Token[], start: number): number {
  const closeType = tokens[start].type.replace(/_open$/, '_close');
  return skipTo(tokens, start, closeType);
}

/**
 * Parses a technology stack guide (markdown) into a {@link GuideModel}:
 * sections, layers and technologies with their rings, from tables, bullet
 * lists and mermaid flowcharts. Throws an `Error` only for input larger than
 * `maxBytes`; everything it cannot place is reported in `warnings`.
 *
 * Runs in time linear in the input: lines longer than {@link MAX_LINE_LENGTH},
 * cells, list items and diagram labels longer than {@link MAX_CELL_LENGTH},
 * and headings or layer names longer than {@link MAX_HEADING_LENGTH} are cut,
 * each with a warning naming the line. `<br>` separates names like `,`; other
 * HTML is removed from names and titles with a warning, so no technology
 * title, alias or layer name contains `<` or `>`. Isomorphic: the same code
 * runs in Node.js (CLI, catalog provider) and in the browser.
 *
 * @public
 */
export function parseGuide(
  text: string,
  options: ParseGuideOptions = {},
): GuideModel {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_GUIDE_BYTES;
  if (typeof text !== 'string') {
    throw new Error('Guide text must be a string');
  }
  if (utf8LengthAbove(text, maxBytes)) {
    throw new Error(`Guide is larger than the limit of ${maxBytes} bytes`);
  }
  const normalized = repairEncoding(normalizeNewlines(text));
  const { frontMatter, body, problem } = splitFrontMatter(normalized);
  const walker = new GuideWalker(options);
  if (problem) walker.collector.warn(problem.line, problem.message);
  if (controlCharRatio(body) > 0.01) {
    walker.collector.warn(
      1,
      'guide contains binary or control characters; it may not be a markdown text',
    );
  }
  const warn = (line: number, message: string) =>
    walker.collector.warn(line, message);
  walker.walk(markdown().parse(cutLongLines(body, warn), {}));
  const collected = walker.collector.build();
  const frontTitle =
    typeof frontMatter?.title === 'string' ? frontMatter.title : undefined;
  const title =
    walker.title ??
    (frontTitle === undefined
      ? ''
      : clean(cutText(stripHtml(frontTitle).text, MAX_HEADING_LENGTH)));
  const warnings = collected.warnings;
  if (!body.trim()) {
    warnings.unshift({ line: 1, message: 'guide is empty' });
  } else if (!title) {
    warnings.unshift({ line: 1, message: 'guide has no "#" title' });
  }
  return {
    title,
    ...(walker.description ? { description: walker.description } : {}),
    sections: collected.sections,
    technologies: collected.technologies,
    warnings,
    ...(frontMatter ? { frontMatter } : {}),
  };
}

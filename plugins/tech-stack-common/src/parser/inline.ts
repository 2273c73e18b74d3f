import type MarkdownIt from 'markdown-it';
import { skipSpace } from './text';

/** A markdown-it token. */
export type Token = ReturnType<
  InstanceType<typeof MarkdownIt>['parse']
>[number];

/** A link inside inline text, as a range of the plain text. */
export interface InlineLink {
  start: number;
  end: number;
  url: string;
}

/** A range `[start, end)` of the plain text. */
export interface InlineRange {
  start: number;
  end: number;
}

/** Plain text of an inline token, with where its links, code spans and its leading bold text stand. */
export interface InlineText {
  text: string;
  links: InlineLink[];
  /** Ranges of the code spans (`` `Pub/Sub` ``), when there are any: literal names. */
  literals?: InlineRange[];
  /** Range of the bold (or link) text the inline content starts with, if any. */
  lead?: { start: number; end: number };
}

/**
 * Flattens a markdown-it inline token to plain text: emphasis markers are
 * dropped, entities are already decoded by markdown-it, line breaks become
 * spaces, images are skipped; link targets and code spans are kept as
 * ranges of the text.
 */
export function inlineText(token: Token | undefined): InlineText {
  const children = token?.children ?? [];
  let text = '';
  const links: InlineLink[] = [];
  let lead: { start: number; end: number } | undefined;
  let leadOpen: number | undefined;
  let leadDepth = 0;
  let linkStart: number | undefined;
  const literals: InlineRange[] = [];
  /** Whether `text` is still empty or whitespace only (kept up to date instead of trimming `text` again). */
  let blank = true;
  const append = (piece: string) => {
    text += piece;
    if (blank && skipSpace(piece, 0) < piece.length) blank = false;
  };
  let linkUrl = '';
  for (const child of children) {
    switch (child.type) {
      case 'text':
        append(child.content);
        break;
      case 'code_inline': {
        const start = text.length;
        append(child.content);
        if (text.length > start) literals.push({ start, end: text.length });
        break;
      }
      case 'softbreak':
      case 'hardbreak':
        append(' ');
        break;
      case 'link_open':
        linkStart = text.length;
        linkUrl = String(child.attrGet('href') ?? '');
        if (lead === undefined && leadOpen === undefined && blank) {
          leadOpen = text.length;
          leadDepth = 0;
        }
        break;
      case 'link_close':
        if (linkStart !== undefined && linkUrl) {
          links.push({ start: linkStart, end: text.length, url: linkUrl });
        }
        linkStart = undefined;
        if (leadOpen !== undefined && leadDepth === 0) {
          lead = { start: leadOpen, end: text.length };
          leadOpen = undefined;
        }
        break;
      case 'strong_open':
        if (lead === undefined && leadOpen === undefined && blank) {
          leadOpen = text.length;
          leadDepth = 1;
        } else if (leadOpen !== undefined) {
          leadDepth++;
        }
        break;
      case 'strong_close':
        if (leadOpen !== undefined && --leadDepth === 0) {
          lead = { start: leadOpen, end: text.length };
          leadOpen = undefined;
        }
        break;
      default:
        break;
    }
  }
  return {
    text,
    links,
    ...(literals.length > 0 ? { literals } : {}),
    ...(lead ? { lead } : {}),
  };
}

/*
 * The install steps of a README section: every fenced code block that follows
 * an `<!-- install-step: … -->` comment. The comment says what to do with the
 * block:
 *
 *   <!-- install-step: run -->                 run it in the app's root folder
 *   <!-- install-step: FILE, top -->           put it at the top of FILE
 *   <!-- install-step: FILE, merge -->         merge it (YAML) into FILE
 *   <!-- install-step: FILE, before: `a` -->   put it before the line of FILE
 *                                              that holds `a` (after / replace)
 *   … after: `a` … `b` -->                     the first line after the line with
 *                                              `a` that holds `b`
 *
 * The first quoted text must be on exactly one line of FILE.
 */

/** Where an edit goes in its file. */
export type Placement =
  | { action: 'top' }
  | { action: 'merge' }
  | { action: 'before' | 'after' | 'replace'; anchors: string[] };

/** One step of the install section. */
export type InstallStep = {
  /** 1-based line of the marker comment in the README. */
  line: number;
  /** The code block's text, without the fences. */
  code: string;
} & ({ kind: 'run' } | { kind: 'edit'; file: string; placement: Placement });

const MARKER_START = '<!-- install-step:';
const MARKER_END = '-->';
const ELLIPSIS = '…';
/** Bounds on what the section may hold: it is a README, not a program. */
const MAX_STEPS = 100;
const MAX_BLOCK_LINES = 200;

/** Lines of the `## ` section titled `heading`, with their 1-based numbers. */
function sectionLines(
  markdown: string,
  heading: string,
): Array<{ text: string; line: number }> {
  const lines = markdown.split('\n');
  const start = lines.findIndex(l => l.trimEnd() === `## ${heading}`);
  if (start < 0) {
    throw new Error(`README has no section "## ${heading}"`);
  }
  const out: Array<{ text: string; line: number }> = [];
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i].startsWith('## ')) break;
    out.push({ text: lines[i], line: i + 1 });
  }
  return out;
}

/** `\`a\` … \`b\`` → ['a', 'b']; anything else between the quotes is an error. */
function parseAnchors(spec: string, where: string): string[] {
  const parts = spec.split('`');
  if (parts.length < 3 || parts.length % 2 === 0) {
    throw new Error(`${where}: expected \`text\` [… \`text\`], got "${spec}"`);
  }
  const anchors: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const between = parts[i].trim();
    if (i % 2 === 1) {
      if (!between) throw new Error(`${where}: empty quoted text`);
      anchors.push(parts[i]);
    } else if (i === 0 || i === parts.length - 1) {
      if (between)
        throw new Error(`${where}: text outside quotes: "${between}"`);
    } else if (between !== ELLIPSIS) {
      throw new Error(`${where}: expected "${ELLIPSIS}" between quotes`);
    }
  }
  return anchors;
}

function parseMarker(
  body: string,
  where: string,
): { kind: 'run' } | { kind: 'edit'; file: string; placement: Placement } {
  if (body === 'run') return { kind: 'run' };
  const comma = body.indexOf(', ');
  if (comma < 0) {
    throw new Error(
      `${where}: expected "run" or "FILE, action", got "${body}"`,
    );
  }
  const file = body.slice(0, comma).trim();
  const rest = body.slice(comma + 2).trim();
  if (!file || file.startsWith('/') || file.split('/').includes('..')) {
    throw new Error(
      `${where}: the file must be a path inside the app: "${file}"`,
    );
  }
  if (rest === 'top' || rest === 'merge') {
    return { kind: 'edit', file, placement: { action: rest } };
  }
  const colon = rest.indexOf(':');
  const action = colon < 0 ? rest : rest.slice(0, colon);
  if (action !== 'before' && action !== 'after' && action !== 'replace') {
    throw new Error(
      `${where}: unknown action "${action}" (run, top, merge, before, after, replace)`,
    );
  }
  return {
    kind: 'edit',
    file,
    placement: { action, anchors: parseAnchors(rest.slice(colon + 1), where) },
  };
}

/**
 * The install steps of the section `heading` of `markdown`, in order. Throws,
 * naming the README line, on a marker it cannot read or one that is not
 * followed by a fenced code block.
 */
export function readInstallSteps(
  markdown: string,
  heading: string,
): InstallStep[] {
  const lines = sectionLines(markdown, heading);
  const steps: InstallStep[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text.trim();
    if (!text.startsWith(MARKER_START)) continue;
    const where = `README line ${lines[i].line}`;
    if (!text.endsWith(MARKER_END)) {
      throw new Error(
        `${where}: the install-step comment must end on its line`,
      );
    }
    const marker = parseMarker(
      text.slice(MARKER_START.length, -MARKER_END.length).trim(),
      where,
    );
    let j = i + 1;
    while (j < lines.length && lines[j].text.trim() === '') j++;
    if (j >= lines.length || !lines[j].text.startsWith('```')) {
      throw new Error(`${where}: no fenced code block after the comment`);
    }
    const code: string[] = [];
    for (j++; j < lines.length && !lines[j].text.startsWith('```'); j++) {
      code.push(lines[j].text);
      if (code.length > MAX_BLOCK_LINES) {
        throw new Error(`${where}: code block over ${MAX_BLOCK_LINES} lines`);
      }
    }
    if (j >= lines.length) {
      throw new Error(`${where}: the code block is not closed`);
    }
    steps.push({ line: lines[i].line, code: code.join('\n'), ...marker });
    if (steps.length > MAX_STEPS) {
      throw new Error(`README section "${heading}": over ${MAX_STEPS} steps`);
    }
    i = j;
  }
  return steps;
}

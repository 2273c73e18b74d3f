/*
 * Where the install test puts an edit of the README's install section: the
 * line its anchors find (and only one), indented like it; YAML merged.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdit } from './applyEdit';

describe('applyEdit', () => {
  const file = [
    'const a = (',
    '  <Grid>',
    '    <A />',
    '  </Grid>',
    ');',
    'const b = (',
    '  <Grid>',
    '  </Grid>',
    ');',
  ].join('\n');

  it('puts a snippet after the line the anchors find, indented like it', () => {
    const out = applyEdit(
      file,
      { action: 'after', anchors: ['const b = (', '</Grid>'] },
      '<Grid>\n  <B />\n</Grid>',
      'f.tsx',
    );
    assert.equal(
      out.split('\n').slice(7, 11).join('\n'),
      ['  </Grid>', '  <Grid>', '    <B />', '  </Grid>'].join('\n'),
    );
  });

  it('replaces, or inserts before, the line found; puts a snippet at the top', () => {
    assert.match(
      applyEdit(file, { action: 'replace', anchors: ['<A />'] }, '<C />', 'f'),
      /^ {2}<Grid>\n {4}<C \/>\n {2}<\/Grid>$/m,
    );
    assert.ok(
      applyEdit(
        file,
        { action: 'before', anchors: ['const b'] },
        'x;',
        'f',
      ).includes(');\nx;\nconst b = ('),
    );
    assert.ok(
      applyEdit(file, { action: 'top' }, 'import x;', 'f').startsWith(
        'import x;\nconst a',
      ),
    );
  });

  it('refuses an anchor that is on no line or on several, and a chain that finds nothing', () => {
    assert.throws(
      () =>
        applyEdit(file, { action: 'after', anchors: ['<Grid>'] }, 'x', 'f.tsx'),
      /f.tsx: `<Grid>` is on 2 lines, expected exactly one/,
    );
    assert.throws(
      () =>
        applyEdit(
          file,
          { action: 'after', anchors: ['<Missing />'] },
          'x',
          'f.tsx',
        ),
      /is on 0 lines/,
    );
    assert.throws(
      () =>
        applyEdit(
          file,
          { action: 'after', anchors: ['const b', '<A />'] },
          'x',
          'f.tsx',
        ),
      /no line holds `<A \/>` after line 6/,
    );
  });

  it('merges YAML: maps key by key, list items appended, comments and flow lists kept', () => {
    const config = [
      'catalog:',
      '  # the rules',
      '  rules:',
      '    - allow: [Component]',
      'app:',
      '  title: X',
      '',
    ].join('\n');
    const out = applyEdit(
      config,
      { action: 'merge' },
      'catalog:\n  rules:\n    - allow: [Technology]\ntechStack:\n  owner: group:default/a\n',
      'app-config.yaml',
    );
    assert.equal(
      out,
      [
        'catalog:',
        '  # the rules',
        '  rules:',
        '    - allow: [Component]',
        '    - allow: [Technology]',
        'app:',
        '  title: X',
        'techStack:',
        '  owner: group:default/a',
        '',
      ].join('\n'),
    );
    assert.throws(
      () => applyEdit(config, { action: 'merge' }, '- a', 'app-config.yaml'),
      /the snippet to merge must be a YAML map/,
    );
  });
});

/*
 * The README's install steps as the install test reads them: the markers and
 * the errors that stop a README the test could not follow as written.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readInstallSteps } from './readmeSteps';

const SECTION = 'Install';
const readme = (body: string) =>
  `# Title\n\n## ${SECTION}\n\n${body}\n## Next\n`;

describe('readInstallSteps', () => {
  it('reads run and edit steps with their README lines, and ignores blocks without a marker', () => {
    const steps = readInstallSteps(
      readme(
        [
          '```sh',
          'echo not a step',
          '```',
          '<!-- install-step: run -->',
          '',
          '```sh',
          'yarn add x',
          '```',
          '<!-- install-step: src/a.ts, after: `const a = (` … `</Grid>` -->',
          '```tsx',
          '<Card />',
          '```',
        ].join('\n'),
      ),
      SECTION,
    );
    assert.deepEqual(steps, [
      { line: 8, code: 'yarn add x', kind: 'run' },
      {
        line: 13,
        code: '<Card />',
        kind: 'edit',
        file: 'src/a.ts',
        placement: { action: 'after', anchors: ['const a = (', '</Grid>'] },
      },
    ]);
  });

  it('names the README line of a marker it cannot follow', () => {
    const cases: Array<[string, RegExp]> = [
      [
        '<!-- install-step: a.ts, sideways: `x` -->\n```\nx\n```',
        /line 5: unknown action "sideways"/,
      ],
      [
        '<!-- install-step: a.ts, after: x -->\n```\nx\n```',
        /line 5: expected `text`/,
      ],
      [
        '<!-- install-step: a.ts, after: `x` `y` -->\n```\nx\n```',
        /line 5: expected "…"/,
      ],
      [
        '<!-- install-step: ../a.ts, top -->\n```\nx\n```',
        /line 5: the file must be a path inside the app/,
      ],
      ['<!-- install-step: run -->\n\ntext', /line 5: no fenced code block/],
      [
        '<!-- install-step: run -->\n```\nx',
        /line 5: the code block is not closed/,
      ],
    ];
    for (const [body, error] of cases) {
      assert.throws(() => readInstallSteps(readme(body), SECTION), error);
    }
    assert.throws(
      () => readInstallSteps('# nothing', SECTION),
      /README has no section "## Install"/,
    );
  });

  it('finds steps in this repository README, each edit on a file of a create-app app', async () => {
    const text = await fs.readFile(
      path.resolve(__dirname, '../../README.md'),
      'utf8',
    );
    const steps = readInstallSteps(
      text,
      'Installing the plugins in your portal',
    );
    const files = new Set(
      steps.flatMap(s => (s.kind === 'edit' ? [s.file] : [])),
    );
    assert.deepEqual([...files].sort(), [
      'app-config.yaml',
      'packages/app/src/App.tsx',
      'packages/app/src/components/Root/Root.tsx',
      'packages/app/src/components/catalog/EntityPage.tsx',
      'packages/backend/src/index.ts',
    ]);
  });
});

import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  guideToTechnologyEntities,
  parseGuide,
  recipeCoverage as coverageOf,
} from '@techstack/plugin-tech-stack-common';
import fs from 'node:fs';
import path from 'node:path';
import { builtInRecipesDir, RecipeBook } from './RecipeBook';

/** The coverage as the CLI and the picker compute it, from the book's summary. */
const recipeCoverage = (
  book: RecipeBook,
  technologies: Parameters<typeof coverageOf>[1],
) => coverageOf(book.summary(), technologies);

const BUILT_IN = { dir: builtInRecipesDir(), label: 'built-in recipes' };

/** The Technology entities of the guide the product starts from. */
function seedTechnologies() {
  const text = fs.readFileSync(
    path.resolve(__dirname, '../../../../examples/technology-stack-guide.md'),
    'utf8',
  );
  return guideToTechnologyEntities(parseGuide(text), {
    owner: 'group:default/platform',
    guideId: 'main',
  }).map(entity => ({
    name: entity.metadata.name,
    title: entity.metadata.title,
    aliases: entity.spec.aliases,
  }));
}

describe('recipe coverage of a RecipeBook', () => {
  it('wires every technology of the seed guide, or states why a service does not connect to it', async () => {
    const book = await RecipeBook.load([BUILT_IN]);
    const technologies = seedTechnologies();
    expect(technologies.length).toBeGreaterThan(100);
    const coverage = recipeCoverage(book, technologies);
    expect(
      coverage.filter(entry => entry.status === 'missing').map(e => e.title),
    ).toEqual([]);
    // Each reason is a sentence, not a placeholder.
    for (const entry of coverage.filter(e => e.status === 'not-applicable')) {
      expect(entry.reason!.length).toBeGreaterThan(20);
    }
    // The named families have recipes with client code.
    const byName = new Map(coverage.map(entry => [entry.technology, entry]));
    for (const slug of ['postgresql', 'redis', 'mongodb', 'risingwave']) {
      expect(byName.get(slug)).toMatchObject({
        status: 'recipe',
        languages: expect.arrayContaining(['typescript']),
      });
    }
    expect(byName.get('aws')).toMatchObject({
      status: 'not-applicable',
      reason: expect.stringContaining('cloud provider'),
      source: 'built-in recipes/not-applicable.yaml',
    });
  });

  it('names a technology no recipe or list knows as missing', async () => {
    const book = await RecipeBook.load([BUILT_IN]);
    expect(
      recipeCoverage(book, [{ name: 'cobol-db', title: 'COBOL DB' }]),
    ).toEqual([
      {
        technology: 'cobol-db',
        title: 'COBOL DB',
        status: 'missing',
        languages: [],
      },
    ]);
  });

  it("lets an organisation's recipe win over a built-in not-applicable entry, and its own list add reasons", async () => {
    const org = createMockDirectory();
    org.addContent({
      'snowflake.yaml':
        'technology: snowflake\nenv:\n  SNOWFLAKE_ACCOUNT: my-account\n',
      'not-applicable.yaml':
        'technologies:\n  - technology: cobol-db\n    reason: mainframe batch only, reached through files\n',
    });
    const book = await RecipeBook.load([
      BUILT_IN,
      { dir: org.path, label: 'techStack.scaffolder.recipesDir' },
    ]);
    const [snowflake, cobol] = recipeCoverage(book, [
      { name: 'snowflake', title: 'Snowflake' },
      { name: 'cobol-db', title: 'COBOL DB' },
    ]);
    expect(snowflake).toMatchObject({
      status: 'recipe',
      source: 'techStack.scaffolder.recipesDir/snowflake.yaml',
    });
    expect(cobol).toMatchObject({
      status: 'not-applicable',
      reason: 'mainframe batch only, reached through files',
    });
  });

  it('refuses a not-applicable list without reasons, naming the file and field', async () => {
    const org = createMockDirectory();
    org.addContent({
      'not-applicable.yaml': 'technologies:\n  - technology: cobol-db\n',
    });
    await expect(
      RecipeBook.load([{ dir: org.path, label: 'org' }]),
    ).rejects.toThrow(
      /^Invalid org\/not-applicable\.yaml: technologies\.0\.reason: /,
    );
  });
});

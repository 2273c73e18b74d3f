import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import { RecipeIndex } from '@techstack/plugin-tech-stack-common';
import { startTemplateBackend } from '../__testUtils__/templateDryRun';
import { builtInRecipesDir } from '../recipes/RecipeBook';

describe('GET /api/scaffolder/tech-stack/recipes', () => {
  const publishDir = createMockDirectory();
  let backend: Awaited<ReturnType<typeof startTemplateBackend>>;

  beforeAll(async () => {
    backend = await startTemplateBackend({ localPublishDir: publishDir.path });
  });

  afterAll(() => backend?.stop());

  it('lists the recipes with their client-code languages and the technologies no recipe wires', async () => {
    const response = await fetch(`${backend.baseUrl}/tech-stack/recipes`, {
      headers: { authorization: mockCredentials.user.header() },
    });
    expect(response.status).toBe(200);
    const index: RecipeIndex = await response.json();
    expect(
      index.recipes.find(recipe => recipe.technology === 'postgresql'),
    ).toEqual({
      technology: 'postgresql',
      aliases: ['PostgreSQL', 'Postgres'],
      languages: ['typescript', 'python'],
      source: 'built-in recipes/postgresql.yaml',
    });
    expect(
      index.recipes.find(recipe => recipe.technology === 'prometheus')
        ?.languages,
    ).toEqual([]);
    expect(
      index.notApplicable.find(entry => entry.technology === 'istio'),
    ).toMatchObject({ reason: expect.stringContaining('service mesh') });
    // No path of the backend's disk in the answer.
    expect(JSON.stringify(index)).not.toContain(builtInRecipesDir());
  });

  it('refuses a caller without credentials', async () => {
    const response = await fetch(`${backend.baseUrl}/tech-stack/recipes`);
    expect(response.status).toBe(401);
  });
});

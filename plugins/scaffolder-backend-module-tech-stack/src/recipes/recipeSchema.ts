import { InputError } from '@backstage/errors';
import { z } from 'zod';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SERVICE_NAME = /^[a-z0-9][a-z0-9_.-]*$/;

const envValue = z
  .union([z.string(), z.number(), z.boolean()])
  .transform(value => String(value));

const envSchema = z.record(
  z.string().regex(ENV_NAME, 'must be an environment variable name'),
  envValue,
);

const composeServiceSchema = z
  .object({
    image: z.string().min(1),
    healthcheck: z
      .object({ test: z.union([z.string(), z.array(z.string()).min(1)]) })
      .passthrough()
      .optional(),
  })
  .passthrough();

const pipelineSchema = z.array(z.string().min(1)).optional();

/** The schema every recipe file must satisfy. */
export const recipeSchema = z
  .object({
    /** The technology's slug (`postgresql`), as in its Technology entity. */
    technology: z.string().min(1),
    /** Other names the recipe answers to (titles, aliases). */
    aliases: z.array(z.string().min(1)).optional(),
    description: z.string().optional(),
    /** Fragment of `docker-compose.yaml`: services (each with an image) and volumes. */
    compose: z
      .object({
        services: z
          .record(
            z.string().regex(SERVICE_NAME, 'must be a compose service name'),
            composeServiceSchema,
          )
          .optional(),
        volumes: z.record(z.string(), z.unknown()).optional(),
      })
      .strict()
      .optional(),
    /** Environment of the service for local development (compose network addresses). */
    env: envSchema.optional(),
    /** Environment in the cluster (ConfigMap); `env` when absent. Never credentials. */
    k8sEnv: envSchema.optional(),
    /**
     * Credentials (user names, passwords, tokens) with their local
     * development defaults. `.env.example` lists them; compose files refer to
     * them as `${VAR:-default}`, so a `.env` file (which docker compose reads)
     * overrides them; in the cluster they go to the service's `Secret`, never
     * to its ConfigMap.
     */
    credentials: envSchema.optional(),
    /** Fragment of the OpenTelemetry collector config: exporters and the pipelines that use them. */
    otel: z
      .object({
        exporters: z.record(z.string(), z.unknown()).optional(),
        pipelines: z
          .object({
            traces: pipelineSchema,
            metrics: pipelineSchema,
            logs: pipelineSchema,
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** Extra files (paths relative to the workspace): text, or a YAML object. */
    files: z
      .record(
        z.string().min(1),
        z.union([z.string(), z.record(z.string(), z.unknown())]),
      )
      .optional(),
  })
  .strict()
  .superRefine((recipe, ctx) => {
    for (const key of Object.keys(recipe.credentials ?? {})) {
      for (const field of ['env', 'k8sEnv'] as const) {
        if (recipe[field] && key in recipe[field]) {
          ctx.addIssue({
            code: 'custom',
            path: [field, key],
            message: `${key} is a credential: declare it under credentials only, so that it goes to the Secret and compose reads it as \${${key}:-default}`,
          });
        }
      }
    }
    const exporters = Object.keys(recipe.otel?.exporters ?? {});
    for (const [signal, names] of Object.entries(
      recipe.otel?.pipelines ?? {},
    )) {
      for (const [index, name] of (names ?? []).entries()) {
        if (!exporters.includes(name)) {
          ctx.addIssue({
            code: 'custom',
            path: ['otel', 'pipelines', signal, index],
            message: `exporter "${name}" is not defined in otel.exporters`,
          });
        }
      }
    }
  });

/** A technology's recipe: what it contributes to a wired service. */
export type Recipe = z.output<typeof recipeSchema>;

/** A recipe with the file it was loaded from (`<folder label>/<file name>`). */
export type LoadedRecipe = Recipe & { source: string };

/**
 * Validates a parsed recipe file. Throws an Error naming the file and every
 * field at fault.
 */
export function parseRecipe(value: unknown, source: string): LoadedRecipe {
  const result = recipeSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map(issue => {
      const field = issue.path.map(String).join('.') || '(root)';
      return `${field}: ${issue.message}`;
    });
    throw new InputError(`Invalid recipe ${source}: ${problems.join('; ')}`);
  }
  return { ...result.data, source };
}

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

/** An npm package name (`pg`, `@types/pg`). */
const NPM_PACKAGE = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
/** An exact version (`8.23.1`): recipes pin what exists in the registry. */
const EXACT_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
/** A pinned Python requirement: `redis==8.1.0`, extras allowed (`psycopg[binary]==3.3.6`). */
const PINNED_REQUIREMENT =
  /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?==[0-9][0-9A-Za-z.+-]*$/;
/** A client module's name: its file under `code/<language>/` (`postgres`). */
const MODULE_NAME = /^[a-z][a-z0-9_]*$/;

const npmDependenciesSchema = z.record(
  z.string().regex(NPM_PACKAGE, 'must be an npm package name'),
  z.string().regex(EXACT_VERSION, 'must be an exact version such as 8.23.1'),
);

/** What every language's code entry has: the client module and its setting. */
const codeBase = {
  /**
   * The client module, a file `code/<language>/<module>.<ext>` of the
   * recipe folders (`postgres` serves PostgreSQL, CockroachDB and
   * TimescaleDB); it is copied to the service and checked by `/readyz`.
   */
  module: z
    .string()
    .regex(MODULE_NAME, 'must be a module name such as postgres'),
  /** The environment variable the module connects with (one of the recipe's env or credentials). */
  env: z.string().regex(ENV_NAME, 'must be an environment variable name'),
};

/** The client code of a technology in one language. */
export const recipeCodeSchema = z
  .object({
    typescript: z
      .object({
        ...codeBase,
        /** npm packages of the module, each pinned (`pg: 8.23.1`). */
        dependencies: npmDependenciesSchema.optional(),
        devDependencies: npmDependenciesSchema.optional(),
      })
      .strict()
      .optional(),
    python: z
      .object({
        ...codeBase,
        /** Lines of `requirements.txt`, each pinned (`redis==8.1.0`). */
        requirements: z
          .array(
            z
              .string()
              .regex(
                PINNED_REQUIREMENT,
                'must be a pinned requirement such as redis==8.1.0',
              ),
          )
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The languages recipes can add client code for. */
export const CODE_LANGUAGES = ['typescript', 'python'] as const;

/** A language recipes can add client code for. */
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

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
    /**
     * Client code per language: the service connects to the technology at
     * start and checks it in `/readyz`. A technology without it is still in
     * compose, the collector and the manifests.
     */
    code: recipeCodeSchema.optional(),
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
    for (const language of CODE_LANGUAGES) {
      const code = recipe.code?.[language];
      if (
        code &&
        !(code.env in (recipe.env ?? {})) &&
        !(code.env in (recipe.credentials ?? {}))
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['code', language, 'env'],
          message: `${code.env} is not among the recipe's env or credentials`,
        });
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

/**
 * The file of a recipe folder that lists technologies a service does not
 * connect to, each with the reason: not a recipe itself.
 */
export const NOT_APPLICABLE_FILE = 'not-applicable.yaml';

/** The schema of {@link NOT_APPLICABLE_FILE}: technologies no recipe wires, and why. */
export const notApplicableSchema = z
  .object({
    technologies: z.array(
      z
        .object({
          /** The technology's slug, as in its Technology entity. */
          technology: z.string().min(1),
          aliases: z.array(z.string().min(1)).optional(),
          /** Why a service does not connect to it (a cloud, a practice, …). */
          reason: z.string().min(1).max(500),
        })
        .strict(),
    ),
  })
  .strict();

/** A technology that no recipe wires, with the reason. */
export type NotApplicable = z.output<
  typeof notApplicableSchema
>['technologies'][number] & { source: string };

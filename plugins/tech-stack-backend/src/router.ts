import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { RadarService } from './service/RadarService';

/** Entity-name charset: what a guide id (annotation value) may look like. */
const radarQuerySchema = z.object({
  guide: z
    .string()
    .max(63)
    .regex(/^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/)
    .optional(),
});

/** Parses the query or throws an InputError naming the bad parameter. */
function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const result = schema.safeParse(query);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.map(String).join('.') || 'query';
    throw new InputError(
      `Invalid query parameter '${name}': ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}

/** The HTTP routes of the tech-stack backend; errors go to the httpRouter's error handler. */
export async function createRouter({
  httpAuth,
  radarService,
}: {
  httpAuth: HttpAuthService;
  radarService: RadarService;
}): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/radar', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { guide } = parseQuery(radarQuerySchema, req.query);
    res.json(await radarService.getRadar({ credentials, guide }));
  });

  return router;
}

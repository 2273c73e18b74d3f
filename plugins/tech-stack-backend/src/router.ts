import { HttpAuthService } from '@backstage/backend-plugin-api';
import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { RINGS } from '@techstack/plugin-tech-stack-common';
import { AdoptionService } from './service/AdoptionService';
import { RadarService } from './service/RadarService';
import { requestMetrics } from './service/requestMetrics';
import { sendJson } from './sendJson';

/** Entity-name charset: what a guide id (annotation value) may look like. */
const radarQuerySchema = z.object({
  guide: z
    .string()
    .max(63)
    .regex(/^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/)
    .optional(),
});

/** A group ref or name (`group:default/platform-team`, `platform-team`). */
const teamSchema = z.string().min(1).max(255).optional();

const adoptionQuerySchema = z.object({
  section: z.string().min(1).max(200).optional(),
  ring: z.enum(RINGS).optional(),
  team: teamSchema,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  sort: z.enum(['total', 'team']).default('total'),
  include: z.enum(['components']).optional(),
});

const complianceQuerySchema = z.object({ team: teamSchema });

const stackQuerySchema = z.object({
  entityRef: z.string().min(1).max(500),
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
  adoptionService,
  metrics,
}: {
  httpAuth: HttpAuthService;
  radarService: RadarService;
  adoptionService: AdoptionService;
  /** Where the duration of every request is recorded; none without it. */
  metrics?: MetricsService;
}): Promise<express.Router> {
  const router = Router();
  if (metrics) {
    router.use(requestMetrics(metrics));
  }
  router.use(express.json());

  router.get('/radar', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { guide } = parseQuery(radarQuerySchema, req.query);
    sendJson(res, await radarService.getRadar({ credentials, guide }));
  });

  router.get('/adoption', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { include, ...query } = parseQuery(adoptionQuerySchema, req.query);
    sendJson(
      res,
      await adoptionService.getAdoption({
        credentials,
        query: { ...query, includeComponents: include === 'components' },
      }),
    );
  });

  router.get('/compliance', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { team } = parseQuery(complianceQuerySchema, req.query);
    sendJson(res, await adoptionService.getCompliance({ credentials, team }));
  });

  router.get('/stack', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { entityRef } = parseQuery(stackQuerySchema, req.query);
    sendJson(res, await adoptionService.getStack({ credentials, entityRef }));
  });

  return router;
}

import { HttpAuthService } from '@backstage/backend-plugin-api';
import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { RINGS } from '@techstack/plugin-tech-stack-common';
import { AdoptionService } from './service/AdoptionService';
import { AdoptionHistory } from './service/history/AdoptionHistory';
import { campaignCsv } from './service/campaigns/campaignCsv';
import { getCampaignHistory } from './service/campaigns/campaignHistory';
import { CampaignService } from './service/campaigns/CampaignService';
import { RadarService } from './service/RadarService';
import { requestMetrics } from './service/requestMetrics';
import { sendJson } from './sendJson';

/** Entity-name charset: what a guide id (annotation value) may look like. */
const guideSchema = z
  .string()
  .max(63)
  .regex(/^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/)
  .optional();

/** Longest range of `GET /radar/changes`, in days (five years). */
const MAX_CHANGES_SPAN_DAYS = 5 * 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A calendar day `YYYY-MM-DD` (UTC) of the years 2000–2100, not after today.
 */
const daySchema = z
  .string({ error: 'is required, a date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  .refine(
    value => {
      const time = Date.parse(`${value}T00:00:00.000Z`);
      return (
        !Number.isNaN(time) && new Date(time).toISOString().startsWith(value)
      );
    },
    { message: 'must be a date YYYY-MM-DD' },
  )
  .refine(
    value => {
      const year = Number(value.slice(0, 4));
      return year >= 2000 && year <= 2100;
    },
    { message: 'must be a date YYYY-MM-DD of the years 2000 to 2100' },
  )
  .refine(value => value <= new Date().toISOString().slice(0, 10), {
    message: 'must be a date YYYY-MM-DD not in the future (UTC)',
  });

const radarQuerySchema = z.object({
  guide: guideSchema,
  date: daySchema.optional(),
});

const changesQuerySchema = z
  .object({ guide: guideSchema, from: daySchema, to: daySchema })
  .refine(({ from, to }) => from <= to, {
    message: 'must not be after to',
    path: ['from'],
  })
  .refine(
    ({ from, to }) =>
      Date.parse(to) - Date.parse(from) <= MAX_CHANGES_SPAN_DAYS * DAY_MS,
    {
      message: `must be at most ${MAX_CHANGES_SPAN_DAYS} days before to`,
      path: ['from'],
    },
  );

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

/** The range's order and span are checked by the history (it knows the defaults). */
const historyQuerySchema = z.object({
  technology: z.string().min(1).max(255).optional(),
  team: teamSchema,
  from: daySchema.optional(),
  to: daySchema.optional(),
});

const stackQuerySchema = z.object({
  entityRef: z.string().min(1).max(500),
});

const campaignsQuerySchema = z.object({
  entityRef: z.string().min(1).max(500).optional(),
});

/** A campaign id (the slug of `techStack.campaigns[].id`). */
const campaignIdSchema = z.object({
  id: z
    .string()
    .max(200)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'must be a campaign id (lower-case letters, digits and dashes)',
    }),
});

/** The range's order and span are checked by the history, as for `/adoption/history`. */
const campaignHistoryQuerySchema = z.object({
  team: teamSchema,
  from: daySchema.optional(),
  to: daySchema.optional(),
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
  campaignService,
  adoptionHistory,
  metrics,
}: {
  httpAuth: HttpAuthService;
  radarService: RadarService;
  adoptionService: AdoptionService;
  /** The migration campaigns; `/campaigns` answers none without it. */
  campaignService?: CampaignService;
  /** Adoption over time; `/adoption/history` is a 404 without it. */
  adoptionHistory?: AdoptionHistory;
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
    const { guide, date } = parseQuery(radarQuerySchema, req.query);
    sendJson(res, await radarService.getRadar({ credentials, guide, date }));
  });

  router.get('/radar/changes', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseQuery(changesQuerySchema, req.query);
    sendJson(res, await radarService.getChanges({ credentials, ...query }));
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

  router.get('/adoption/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const query = parseQuery(historyQuerySchema, req.query);
    if (!adoptionHistory) {
      throw new NotFoundError('No adoption history is kept');
    }
    sendJson(res, await adoptionHistory.getHistory({ credentials, query }));
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

  router.get('/campaigns', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { entityRef } = parseQuery(campaignsQuerySchema, req.query);
    sendJson(
      res,
      campaignService
        ? await campaignService.getCampaigns({ credentials, entityRef })
        : { generatedAt: new Date().toISOString(), campaigns: [] },
    );
  });

  router.get('/campaigns/:id/export.csv', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { id } = parseQuery(campaignIdSchema, req.params);
    if (!campaignService) {
      throw new NotFoundError(`No campaign with the id '${id}'`);
    }
    const campaign = await campaignService.getCampaign({ credentials, id });
    res.set('Content-Type', 'text/csv; charset=utf-8');
    res.set(
      'Content-Disposition',
      `attachment; filename="tech-stack-campaign-${id}.csv"`,
    );
    res.send(campaignCsv(campaign));
  });

  router.get('/campaigns/:id/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { id } = parseQuery(campaignIdSchema, req.params);
    const query = parseQuery(campaignHistoryQuerySchema, req.query);
    if (!campaignService) {
      throw new NotFoundError(`No campaign with the id '${id}'`);
    }
    if (!adoptionHistory) {
      throw new NotFoundError('No adoption history is kept');
    }
    sendJson(
      res,
      await getCampaignHistory({
        campaigns: campaignService,
        history: adoptionHistory,
        credentials,
        id,
        query,
      }),
    );
  });

  return router;
}

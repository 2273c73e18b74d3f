import {
  HttpAuthService,
  HttpRouterService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { catalogEntityRefreshPermission } from '@backstage/plugin-catalog-common/alpha';
// Installed with the catalog backend; to be declared in package.json dependencies.
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { GuideRunStore } from '../database/GuideRunStore';
import { GuideRunOutcome } from '../provider/GuideRunOutcome';
import { TechStackGuideEntityProvider } from '../provider/TechStackGuideEntityProvider';

/** An express request handler, typed without importing express. */
type Handler = Parameters<HttpRouterService['use']>[0];

/** The path, under the catalog plugin's router (`/api/catalog`). */
export const REFRESH_PATH = '/tech-stack/refresh';

/** How long to wait beyond a run's timeout for the scheduler to start it (it looks for due tasks every 5 s). */
const START_SLACK_MS = 15_000;

/**
 * One guide in the answer: the outcome of the run this request triggered, or
 * `{ id, status: 'triggered' }` when the run had not finished in time.
 *
 * @public
 */
export type RefreshGuideAnswer =
  | GuideRunOutcome
  | { id: string; status: 'triggered'; forced: boolean };

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * `POST /api/catalog/tech-stack/refresh[?guide=<id>][&force=true]`: runs the
 * guide(s) now, through the scheduler, and answers with the outcome.
 *
 * Needs user or service credentials, and (for users) the
 * `catalog.entity.refresh` permission without conditions (403 otherwise);
 * an unknown `guide` is a 404; `force` must be `true` or `false` (400).
 *
 * For each selected guide it triggers the guide's scheduled task
 * (`tech-stack-guide:<id>:refresh`), so the run takes the scheduler's lock
 * and happens on whichever replica claims the task, never twice at once; a
 * run already going on is waited for, then the task is triggered again.
 * `force=true` is stored in the module's table of the catalog database
 * (`techstack_guide_runs`), so the run skips the drop check
 * (`techStack.ingestion.maxDropShare`) on any replica; the run that takes it
 * clears it. The request then waits, up to the schedule's timeout plus 15 s,
 * for that run's outcome, which the running replica records in the same
 * table.
 *
 * Answers (JSON; `guides` in the order of the configured guides):
 *
 * - `200 { guides: GuideRunOutcome[] }` when every run applied its entities:
 *   each `{ id, status: 'applied', technologies, previous?, forced,
 *   warnings (first 100), warningCount, finishedAt }`.
 * - `502 { error: { name: 'GuideRefreshError', message }, guides }` when a
 *   run failed (the catalog keeps that guide's last good entities); a failed
 *   guide has `status: 'failed'`, `technologies: 0` and `error: { name,
 *   message }` (a refused drop is a `ConflictError` whose message names the
 *   counts and how to force it; a parse past `techStack.parser.timeout` an
 *   `InputError` naming the timeout).
 * - `202 { guides }` when a run had not finished in time: that guide is
 *   `{ id, status: 'triggered', forced }` (it still runs; its force request
 *   stays until a run takes it).
 */
export function createRefreshHandler(options: {
  providers: TechStackGuideEntityProvider[];
  runs: GuideRunStore;
  scheduler: SchedulerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** How long to wait beyond a run's timeout for it to start; default 15 s. */
  startSlackMs?: number;
}): Handler {
  const { providers, runs, scheduler, httpAuth, permissions } = options;
  const startSlackMs = options.startSlackMs ?? START_SLACK_MS;

  /** Triggers one guide's task and waits for the outcome of the run it caused. */
  const runGuide = async (
    provider: TechStackGuideEntityProvider,
    force: boolean,
  ): Promise<RefreshGuideAnswer> => {
    const id = provider.guideId;
    const deadline = Date.now() + provider.runTimeoutMs + startSlackMs;
    if (force) {
      await runs.requestForce(id);
    }
    let before: number;
    for (;;) {
      before = (await runs.latestRun(id)).runCount;
      try {
        await scheduler.triggerTask(provider.taskId);
        break;
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'NotFoundError') {
          throw new ServiceUnavailableError(
            `Tech stack guide '${id}' is not scheduled yet; try again once the backend has started`,
          );
        }
        if (name !== 'ConflictError' || Date.now() > deadline) {
          throw error;
        }
        await sleep(1000); // a run is going on: trigger again once it ends
      }
    }
    while (Date.now() <= deadline) {
      const latest = await runs.latestRun(id);
      if (latest.runCount > before && latest.outcome) {
        return latest.outcome;
      }
      await sleep(500);
    }
    return { id, status: 'triggered', forced: force };
  };

  const handle = async (
    req: Parameters<Handler>[0],
    res: Parameters<Handler>[1],
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorizeConditional(
      [{ permission: catalogEntityRefreshPermission }],
      { credentials },
    );
    // A conditional decision does not cover a whole guide.
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'Refreshing tech stack guides requires the catalog.entity.refresh permission',
      );
    }

    const { guide: guideParam, force: forceParam } = req.query;
    if (guideParam !== undefined && typeof guideParam !== 'string') {
      throw new InputError('The guide parameter must be a single guide id');
    }
    if (
      forceParam !== undefined &&
      forceParam !== 'true' &&
      forceParam !== 'false'
    ) {
      throw new InputError("The force parameter must be 'true' or 'false'");
    }
    const force = forceParam === 'true';
    const selected = guideParam
      ? providers.filter(p => p.guideId === guideParam)
      : providers;
    if (guideParam && selected.length === 0) {
      throw new NotFoundError(
        `No tech stack guide '${guideParam}' is configured; known: ${
          providers.map(p => p.guideId).join(', ') || 'none'
        }`,
      );
    }

    const guides = await Promise.all(
      selected.map(provider => runGuide(provider, force)),
    );
    const failed = guides.flatMap(g =>
      g.status === 'failed' && g.error ? [g.error.message] : [],
    );
    if (failed.length) {
      res.status(502).json({
        error: { name: 'GuideRefreshError', message: failed.join('; ') },
        guides,
      });
      return;
    }
    const pending = guides.some(g => g.status === 'triggered');
    res.status(pending ? 202 : 200).json({ guides });
  };

  return (req, res, next) => {
    if (req.path !== REFRESH_PATH) {
      next();
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      res.status(405).json({
        error: {
          name: 'MethodNotAllowed',
          message: `Use POST ${REFRESH_PATH}`,
        },
      });
      return;
    }
    handle(req, res).catch(next);
  };
}

import {
  DatabaseService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
// Installed with the catalog backend; to be declared in package.json dependencies.
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { GuideRunStore } from '../database/GuideRunStore';
import { TechStackGuideEntityProvider } from '../provider/TechStackGuideEntityProvider';
import { createRefreshHandler } from './refreshHandler';

jest.setTimeout(60_000);

/** The little of a provider the handler uses. */
const provider = (id: string, runTimeoutMs = 10_000) =>
  ({
    guideId: id,
    taskId: `tech-stack-guide:${id}:refresh`,
    runTimeoutMs,
  } as unknown as TechStackGuideEntityProvider);

type Answer = { status: number; body: any; error?: any };

describe('createRefreshHandler', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let runs: GuideRunStore;

  beforeEach(async () => {
    const knex = await databases.init('SQLITE_3');
    runs = await GuideRunStore.create({
      getClient: async () => knex,
    } as DatabaseService);
  });

  /** A scheduler whose triggered task, like a replica's, takes the force request and records an outcome. */
  function scheduler(options: { conflicts?: number; never?: boolean } = {}) {
    let conflicts = options.conflicts ?? 0;
    const store = runs;
    const triggerTask = jest.fn(async (taskId: string) => {
      if (conflicts > 0) {
        conflicts -= 1;
        throw new ConflictError(`Task ${taskId} is currently running`);
      }
      if (options.never) {
        return;
      }
      const id = taskId.split(':')[1];
      setTimeout(async () => {
        const forced = await store.takeForce(id);
        await store.recordRun(id, {
          id,
          status: 'applied',
          technologies: 7,
          previous: 7,
          forced,
          warnings: [],
          warningCount: 0,
          finishedAt: new Date().toISOString(),
        });
      }, 100);
    });
    return {
      service: { triggerTask } as unknown as SchedulerService,
      triggerTask,
    };
  }

  async function call(
    handler: ReturnType<typeof createRefreshHandler>,
    query: Record<string, string>,
  ): Promise<Answer> {
    return new Promise<Answer>(resolve => {
      const answer: Answer = { status: 0, body: undefined };
      const res = {
        status(code: number) {
          answer.status = code;
          return res;
        },
        json(body: unknown) {
          answer.body = body;
          resolve(answer);
        },
        setHeader() {},
      };
      handler(
        {
          path: '/tech-stack/refresh',
          method: 'POST',
          query,
          headers: {},
        } as any,
        res as any,
        (error?: unknown) => resolve({ ...answer, error }),
      );
    });
  }

  const handlerWith = (
    sched: SchedulerService,
    options: { deny?: boolean; runTimeoutMs?: number } = {},
  ) =>
    createRefreshHandler({
      providers: [provider('main', options.runTimeoutMs)],
      runs,
      scheduler: sched,
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions.mock({
        authorizeConditional: async () => [
          {
            result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
          },
        ],
      } as any),
      startSlackMs: 0,
    });

  it("triggers the guide's task and answers with the outcome its run recorded", async () => {
    const sched = scheduler();
    const answer = await call(handlerWith(sched.service), { guide: 'main' });
    expect(sched.triggerTask).toHaveBeenCalledWith(
      'tech-stack-guide:main:refresh',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.guides).toEqual([
      expect.objectContaining({ id: 'main', status: 'applied', forced: false }),
    ]);
  });

  it('carries force=true through the store to the run, which uses it up', async () => {
    const sched = scheduler();
    const handler = handlerWith(sched.service);
    const forced = await call(handler, { guide: 'main', force: 'true' });
    expect(forced.body.guides[0].forced).toBe(true);
    const next = await call(handler, { guide: 'main' });
    expect(next.body.guides[0].forced).toBe(false);
  });

  it('waits for a run going on, then triggers again', async () => {
    const sched = scheduler({ conflicts: 2 });
    const answer = await call(
      handlerWith(sched.service, { runTimeoutMs: 10_000 }),
      {},
    );
    expect(sched.triggerTask).toHaveBeenCalledTimes(3);
    expect(answer.status).toBe(200);
  });

  it('answers 202 with what it triggered when the run does not finish in time', async () => {
    const sched = scheduler({ never: true });
    const answer = await call(
      handlerWith(sched.service, { runTimeoutMs: 600 }),
      { force: 'true' },
    );
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({
      guides: [{ id: 'main', status: 'triggered', forced: true }],
    });
    // the request stays for the next run to take
    await expect(runs.takeForce('main')).resolves.toBe(true);
  });

  it('refuses without the refresh permission, and rejects bad parameters', async () => {
    const sched = scheduler();
    const denied = await call(handlerWith(sched.service, { deny: true }), {});
    expect(denied.error.name).toBe('NotAllowedError');
    const handler = handlerWith(sched.service);
    expect((await call(handler, { guide: 'other' })).error.name).toBe(
      'NotFoundError',
    );
    expect((await call(handler, { force: 'yes' })).error.name).toBe(
      'InputError',
    );
    expect(sched.triggerTask).not.toHaveBeenCalled();
  });
});

// The pg-boss job queue on a real PostgreSQL: fair priorities between tenants, retries with backoff
// of a run that throws, and a heartbeat that keeps a long run's job from expiring.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../test-support/server.test-helper.js';
import { freshPostgres, missingServices } from '../test-support/services.test-helper.js';
import type { JobQueue, ProcessingJob } from './job-queue.js';
import { createPgQueue } from './pg-queue.js';

describe('pg-boss job queue', { skip: missingServices('postgres') }, () => {
  let database: { url: string; drop(): Promise<void> };
  const queues: JobQueue[] = [];
  before(async () => {
    database = await freshPostgres();
  });
  after(async () => {
    for (const queue of queues) await queue.close();
    await database.drop();
  });

  function queue(backlog: (tenantId: string) => Promise<number>, expireMs = 30_000): JobQueue {
    const made = createPgQueue({ connectionString: database.url, concurrency: 1, expireMs, backlog });
    queues.push(made);
    return made;
  }

  it("takes a tenant's job ahead of another tenant's backlog", async () => {
    const waiting = new Map<string, number>();
    const q = queue(async (tenant) => {
      const n = waiting.get(tenant) ?? 0;
      waiting.set(tenant, n + 1);
      return n;
    });
    for (const mediaId of ['a1', 'a2', 'a3']) await q.send({ mediaId, tenantId: 'busy' });
    await q.send({ mediaId: 'b1', tenantId: 'quiet' });
    const order: string[] = [];
    await q.start(async ({ job }) => {
      order.push(job.mediaId);
    });
    await waitFor(() => (order.length === 4 ? true : undefined), 20_000);
    assert.deepEqual(order, ['a1', 'b1', 'a2', 'a3']);
    await q.close();
  });

  it('retries a run that throws, later, and says which jobs are still pending', async () => {
    const q = queue(async () => 0);
    const runs: ProcessingJob[] = [];
    const job = { mediaId: 'flaky', tenantId: 't' };
    await q.send(job);
    assert.deepEqual(await q.orphans([job, { mediaId: 'lost', tenantId: 't' }]), [
      { mediaId: 'lost', tenantId: 't' },
    ]);
    await q.start(async (run) => {
      runs.push(run.job);
      assert.equal(await run.stillHeld(), true);
      if (runs.length === 1) throw new Error('the storage was unreachable');
    });
    await waitFor(() => (runs.length === 2 ? true : undefined), 20_000);
    assert.deepEqual(runs, [job, job]);
    await waitFor(async () => ((await q.orphans([job])).length === 1 ? true : undefined), 10_000);
    await q.close();
  });

  it('keeps a long run alive past its expiry with the heartbeat: it runs once', async () => {
    const q = queue(async () => 0, 3000);
    let runs = 0;
    let finished = false;
    await q.send({ mediaId: 'long', tenantId: 't' });
    await q.start(async (run) => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 7500)); // two and a half expiries
      assert.equal(await run.stillHeld(), true, 'nobody took it over');
      finished = true;
    });
    await waitFor(() => (finished ? true : undefined), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.equal(runs, 1);
    await q.close();
  });
});

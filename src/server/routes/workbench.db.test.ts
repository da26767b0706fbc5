import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestClient, seedOrganisations, signIn, testUsername } from '../../../test/api-client.ts';
import { clearDatabase, describeEachEngine } from '../../../test/db-engines.ts';
import { type SmtpSink, mailText, startSmtpSink } from '../../../test/smtp-sink.ts';
import { documentForUnit, seedDocument } from '../../../test/targets-fixtures.ts';
import {
  OTHER_UNIT,
  UNIT,
  YEAR,
  bureauActor,
  departmentActor,
  otherUnitActor,
  reviewAndStep,
  unitActor,
} from '../../../test/workflow-fixtures.ts';
import type { Notification, NotificationPage } from '../../contract/notifications.ts';
import type { Workbench, WorkbenchItem } from '../../contract/workbench.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { recordMonitoringAction } from '../../usecases/monitoring-actions.ts';
import { transitionTargets } from '../../usecases/transition-targets.ts';
import { buildServer } from '../app.ts';

/*
 * 工作台 and notifications through the API (decision 037): each role's items from a real fixture (the seed
 * document for 711002 under department 711, a copy for 712001 under 712, bureau SHG-CZJ), scoping, the
 * notification of a return, reading it, and its e-mail over a real SMTP socket.
 */
const key = { unitCode: UNIT, fiscalYear: YEAR };
const otherKey = { unitCode: OTHER_UNIT, fiscalYear: YEAR };
const COMMENT = '请补充数量指标的目标值';

const itemsOf = (bench: Workbench): WorkbenchItem[] => bench.sections.flatMap((s) => s.items);

describeEachEngine('workbench and notifications API', (getDb) => {
  let app: FastifyInstance;
  let unit: TestClient;
  let otherUnit: TestClient;
  let department: TestClient;
  let bureau: TestClient;

  const workbench = async (client: TestClient): Promise<Workbench> => {
    const response = await client.inject(`/api/workbench?year=${YEAR}`);
    expect(response.statusCode).toBe(200);
    return response.json<Workbench>();
  };
  const notifications = async (client: TestClient): Promise<NotificationPage> => {
    const response = await client.inject('/api/notifications');
    expect(response.statusCode).toBe(200);
    return response.json<NotificationPage>();
  };

  beforeAll(async () => {
    app = await buildServer({ db: getDb(), webRoot: '/nonexistent' });
  });
  afterAll(async () => app.close());

  beforeEach(async () => {
    await clearDatabase(getDb());
    await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: YEAR });
    await importTargets(getDb(), SYSTEM_ACTOR, {
      document: documentForUnit(OTHER_UNIT, '山海关区某中学'),
      fiscalYear: YEAR,
    });
    await seedOrganisations(getDb());
    unit = await signIn(app, getDb(), { role: 'unit', orgCode: UNIT });
    otherUnit = await signIn(app, getDb(), { role: 'unit', orgCode: OTHER_UNIT });
    department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
    bureau = await signIn(app, getDb(), { role: 'bureau', orgCode: 'SHG-CZJ' });
  });

  it("shows the unit its returned targets with the reviewer's comment, and never another unit's", async () => {
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    await transitionTargets(getDb(), departmentActor, { ...key, action: 'return', comment: COMMENT });

    const mine = await workbench(unit);
    expect(mine.role).toBe('unit');
    const returned = itemsOf(mine).find((i) => i.kind === 'targets-returned');
    expect(returned).toMatchObject({ unitCode: UNIT, page: 'targets', comment: COMMENT, commentBy: '总工会（部门）' });
    expect(itemsOf(mine).every((i) => i.unitCode === UNIT)).toBe(true);

    const theirs = await workbench(otherUnit);
    expect(itemsOf(theirs).map((i) => [i.kind, i.unitCode])).toEqual([['targets-draft', OTHER_UNIT]]);
    expect(theirs.progress).toBeNull();
  });

  it('notifies the unit of the return; the user reads it, nobody else sees or reads it', async () => {
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    await transitionTargets(getDb(), departmentActor, { ...key, action: 'return', comment: COMMENT });

    const page = await notifications(unit);
    expect(page.unread).toBe(1);
    const [notice] = page.items as [Notification];
    expect(notice).toMatchObject({ kind: 'targets-returned', unitCode: UNIT, page: 'targets', readAt: null });
    expect(notice.params).toMatchObject({ comment: COMMENT, by: '总工会（部门）' });
    expect((await notifications(otherUnit)).total).toBe(0);
    expect((await notifications(department)).total).toBe(0);

    const foreign = await otherUnit.inject({ method: 'POST', url: `/api/notifications/${notice.id}/read` });
    expect(foreign.statusCode).toBe(404);
    const read = await unit.inject({ method: 'POST', url: `/api/notifications/${notice.id}/read` });
    expect(read.statusCode).toBe(200);
    const after = await notifications(unit);
    expect(after.unread).toBe(0);
    expect(after.items[0]!.readAt).not.toBeNull();
  });

  it('lists what waits for the department, only for its own units', async () => {
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    await transitionTargets(getDb(), otherUnitActor, { ...otherKey, action: 'submit' });

    const bench = await workbench(department);
    const review = bench.sections.find((s) => s.key === 'review')!;
    expect(review.items.map((i) => [i.kind, i.unitCode, i.page])).toEqual([['targets-review', UNIT, 'review']]);
    expect(review.total).toBe(1);
    expect(bench.progress).toMatchObject({ units: 1, submitted: 1 });
  });

  it('shows the bureau pending approvals and the progress by stage, then an overdue checkpoint once approved', async () => {
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    await reviewAndStep(getDb(), departmentActor, key, 'review');

    const pending = await workbench(bureau);
    const review = pending.sections.find((s) => s.key === 'review')!;
    expect(review.items.map((i) => [i.kind, i.unitCode])).toEqual([['targets-approve', UNIT]]);
    expect(pending.progress).toMatchObject({ units: 2, draft: 1, reviewed: 1, approved: 0 });

    await reviewAndStep(getDb(), bureauActor, key, 'approve');
    // The default policy's checkpoint: July, due 08-31, long past for 2020 and not submitted.
    const due = itemsOf(await workbench(unit)).find((i) => i.kind === 'monitoring-due')!;
    expect(due).toMatchObject({ month: 7, dueDate: '2020-08-31', overdue: true, page: 'monitoring' });
    const watch = (await workbench(bureau)).sections.find((s) => s.key === 'watch')!;
    expect(watch.items.filter((i) => i.kind === 'monitoring-overdue').map((i) => i.unitCode)).toEqual([UNIT]);
    const otherDepartment = await signIn(app, getDb(), { role: 'department', orgCode: '712' });
    expect(itemsOf(await workbench(otherDepartment)).some((i) => i.unitCode === UNIT)).toBe(false);

    const kinds = (await notifications(unit)).items.map((n) => n.kind);
    expect(kinds).toEqual(['targets-approved', 'targets-reviewed']);
  });

  it("puts a monitoring action on the unit's workbench with its deadline, and notifies the unit", async () => {
    await recordMonitoringAction(getDb(), bureauActor, {
      ...key,
      kind: '警示',
      body: '执行进度明显滞后，请说明原因并加快支出',
      deadline: '2099-06-30',
    });
    const reply = itemsOf(await workbench(unit)).find((i) => i.kind === 'action-reply');
    expect(reply).toMatchObject({ dueDate: '2099-06-30', overdue: false, detail: '警示', page: 'monitoring' });
    expect(reply!.comment).toContain('执行进度明显滞后');
    const [notice] = (await notifications(unit)).items;
    expect(notice).toMatchObject({ kind: 'monitoring-action', page: 'monitoring' });
    expect(notice!.params).toMatchObject({ action: '警示', deadline: '2099-06-30' });
    expect(itemsOf(await workbench(otherUnit)).some((i) => i.kind === 'action-reply')).toBe(false);
  });

  it('defaults to the newest year with data, and gives the administrator the setup state', async () => {
    const admin = await signIn(app, getDb(), { role: 'admin' });
    const response = await admin.inject('/api/workbench');
    const bench = response.json<Workbench>();
    expect(bench.year).toBe(YEAR);
    expect(bench.setup).toMatchObject({ units: 2, users: 5, usersWithoutEmail: 5 });
  });
});

describe('notification e-mail', () => {
  describeEachEngine('over SMTP', (getDb) => {
    let sink: SmtpSink;
    let app: FastifyInstance;
    const emailStates = async () =>
      (await getDb().kysely.selectFrom('notifications').select('email_state').orderBy('id').execute()).map(
        (r) => r.email_state,
      );

    beforeAll(async () => {
      sink = await startSmtpSink();
      app = await buildServer({
        db: getDb(),
        webRoot: '/nonexistent',
        mail: { smtpUrl: sink.url, from: 'jixiao@example.org' },
      });
    });
    afterAll(async () => {
      await app.close();
      await sink.close();
    });

    it('mails a return to the unit users with an address, after the step commits', async () => {
      await clearDatabase(getDb());
      await importTargets(getDb(), SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: YEAR });
      await seedOrganisations(getDb());
      await signIn(app, getDb(), { role: 'unit', orgCode: UNIT });
      // The administrator gives the unit user an address (a malformed one is refused with the field named).
      const admin = await signIn(app, getDb(), { role: 'admin' });
      const userUrl = `/api/users/${testUsername({ role: 'unit', orgCode: UNIT })}`;
      const bad = await admin.inject({ method: 'PATCH', url: userUrl, payload: { email: 'zgh@' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('电子邮箱格式不正确');
      const patched = await admin.inject({ method: 'PATCH', url: userUrl, payload: { email: 'zgh@example.org' } });
      expect(patched.json()).toMatchObject({ email: 'zgh@example.org' });
      const department = await signIn(app, getDb(), { role: 'department', orgCode: '711' });
      await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });

      const returned = await department.inject({
        method: 'POST',
        url: `/api/units/${UNIT}/years/${YEAR}/workflow/return`,
        payload: { comment: COMMENT },
      });
      expect(returned.statusCode).toBe(200);
      const mail = await sink.next();
      expect(mail.to).toEqual(['zgh@example.org']);
      expect(mail.from).toBe('jixiao@example.org');
      expect(mailText(mail)).toContain(COMMENT);
      // Marked sent once the server heard the SMTP server's 250.
      await expect.poll(emailStates).toEqual(['sent']);
    });

    it('never fails the step when the SMTP server is down: the e-mail is marked failed', async () => {
      const dead = await startSmtpSink();
      await dead.close(); // its port now refuses connections
      const down = await buildServer({
        db: getDb(),
        webRoot: '/nonexistent',
        mail: { smtpUrl: dead.url, from: 'x@example.org' },
      });
      try {
        const department = await signIn(down, getDb(), { role: 'department', orgCode: '711' });
        await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
        const returned = await department.inject({
          method: 'POST',
          url: `/api/units/${UNIT}/years/${YEAR}/workflow/return`,
          payload: { comment: COMMENT },
        });
        expect(returned.statusCode).toBe(200);
        await expect.poll(emailStates, { timeout: 10_000 }).toEqual(['sent', 'failed']);
      } finally {
        await down.close();
      }
    });
  });
});

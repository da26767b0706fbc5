import { beforeEach, expect, it } from 'vitest';
import { expectAppError } from '../../test/app-errors.ts';
import { clearDatabase, describeEachEngine } from '../../test/db-engines.ts';
import { organisationId, setUnitParent } from '../db/organisations.repo.ts';
import { seedDocument } from '../../test/targets-fixtures.ts';
import {
  UNIT,
  YEAR,
  auditorActor,
  bureauActor,
  departmentActor,
  loadWorkflowFixture,
  otherDepartmentActor,
  otherUnitActor,
  recordForms,
  reviewAndStep,
  unitActor,
} from '../../test/workflow-fixtures.ts';
import { addReviewComment } from './add-review-comment.ts';
import { diffTargetVersions } from './diff-versions.ts';
import { getProject } from './get-project.ts';
import { getWorkflowState } from './get-workflow.ts';
import { importTargets } from './import-targets.ts';
import { listTargetVersions } from './list-target-versions.ts';
import { transitionTargets } from './transition-targets.ts';
import { updateProject } from './update-project.ts';

const key = { unitCode: UNIT, fiscalYear: YEAR };
const PGN6 = '711-0701-JBN-PGN6';

describeEachEngine('workflow use-cases', (getDb) => {
  beforeEach(async () => {
    await clearDatabase(getDb());
    await loadWorkflowFixture(getDb());
  });

  const editTarget = async (raw: string) => {
    const { project, version } = await getProject(getDb(), { ...key, projectCode: PGN6 });
    const edited = {
      ...project,
      indicators: project.indicators.map((i, n) => (n === 0 ? { ...i, target: { raw } } : i)),
    };
    return updateProject(getDb(), unitActor, { ...key, projectCode: PGN6, expectedVersion: version, project: edited });
  };

  it('starts as an editable draft where only the unit may submit', async () => {
    const view = await getWorkflowState(getDb(), { ...key, actor: unitActor });
    expect(view).toMatchObject({
      state: 'draft',
      stateVersion: 0,
      editable: true,
      hasDepartment: true,
      allowedActions: ['submit'],
      history: [],
      versions: [],
    });
    expect((await getWorkflowState(getDb(), { ...key, actor: bureauActor })).allowedActions).toEqual([]);
  });

  it('goes submit → return (bureau, with comment) → resubmit → review → approve, keeping history, comments and versions', async () => {
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    await transitionTargets(getDb(), bureauActor, {
      ...key,
      action: 'return',
      comment: '满意度指标缺失',
      projectCode: PGN6,
      indicatorIndex: 1,
    });
    await editTarget('≥95%');
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit', comment: '已补充' });
    await reviewAndStep(getDb(), departmentActor, key, 'review');
    const approved = await reviewAndStep(getDb(), bureauActor, key, 'approve');
    expect(approved).toEqual({ from: 'department-reviewed', state: 'approved', stateVersion: 5, versionNumber: 3 });

    const view = await getWorkflowState(getDb(), { ...key, actor: unitActor });
    expect(view.state).toBe('approved');
    expect(view.editable).toBe(false);
    expect(view.allowedActions).toEqual(['request-adjustment']);
    expect(view.history.map((h) => [h.action, h.from, h.to, h.actorName])).toEqual([
      ['submit', 'draft', 'submitted', '山海关区总工会'],
      ['return', 'submitted', 'returned', '财政局'],
      ['submit', 'returned', 'submitted', '山海关区总工会'],
      ['review', 'submitted', 'department-reviewed', '总工会（部门）'],
      ['approve', 'department-reviewed', 'approved', '财政局'],
    ]);
    expect(view.comments).toMatchObject([
      { body: '满意度指标缺失', projectCode: PGN6, indicatorIndex: 1, state: 'returned', actorRole: 'bureau' },
    ]);
    expect(view.versions.map((v) => [v.number, v.action, v.state])).toEqual([
      [1, 'submit', 'submitted'],
      [2, 'submit', 'submitted'],
      [3, 'approve', 'approved'],
    ]);

    const diff = await diffTargetVersions(getDb(), { ...key, from: 1, to: 3 });
    expect(diff.changes).toEqual([
      expect.objectContaining({
        path: ['projects', PGN6, 'indicators', 0, 'target'],
        label: '指标值',
        before: '≥90%',
        after: '≥95%',
      }),
    ]);
    expect((await diffTargetVersions(getDb(), { ...key, from: 3, to: 'current' })).changes).toEqual([]);
    expect((await listTargetVersions(getDb(), key)).items.map((v) => v.number)).toEqual([1, 2, 3]);

    const audit = await getDb()
      .kysely.selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'target-document')
      .where('action', '!=', 'import-targets')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'submit-targets',
      'return-targets',
      'submit-targets',
      'review-targets',
      'approve-targets',
    ]);
  });

  it('locks submitted and approved targets against edits and re-imports (LOCKED), changing nothing', async () => {
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    expect((await expectAppError(editTarget('≥99%'), 'LOCKED')).message).toContain('审核期间不能修改');
    await reviewAndStep(getDb(), departmentActor, key, 'review');
    await reviewAndStep(getDb(), bureauActor, key, 'approve');
    expect((await expectAppError(editTarget('≥99%'), 'LOCKED')).message).toContain(
      '绩效目标已批复，修改需先提出调整申请',
    );
    await expectAppError(importTargets(getDb(), unitActor, { document: seedDocument(), fiscalYear: YEAR }), 'LOCKED');
    expect((await getProject(getDb(), { ...key, projectCode: PGN6 })).project.indicators[0]!.target.raw).toBe('≥90%');
  });

  it('lets an approved document change only through an adjustment request with a reason, reviewed again', async () => {
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    await reviewAndStep(getDb(), departmentActor, key, 'review');
    await reviewAndStep(getDb(), bureauActor, key, 'approve');
    const noReason = await expectAppError(
      transitionTargets(getDb(), unitActor, { ...key, action: 'request-adjustment', reason: '  ' }),
      'VALIDATION',
    );
    expect(noReason.message).toContain('申请调整须写明理由');
    await transitionTargets(getDb(), unitActor, {
      ...key,
      action: 'request-adjustment',
      reason: '年中追加预算 2 万元',
    });
    expect((await getWorkflowState(getDb(), key)).adjustments).toMatchObject([
      { reason: '年中追加预算 2 万元', state: 'open' },
    ]);
    // Until the bureau agrees, the approved targets stay locked (财预〔2015〕88号, decision 033).
    expect((await expectAppError(editTarget('≥92%'), 'LOCKED')).message).toContain('调整申请待财政部门批准');
    await expectAppError(transitionTargets(getDb(), unitActor, { ...key, action: 'agree-adjustment' }), 'FORBIDDEN');
    await transitionTargets(getDb(), bureauActor, { ...key, action: 'agree-adjustment' });
    await editTarget('≥92%');
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    await reviewAndStep(getDb(), departmentActor, key, 'review');
    await reviewAndStep(getDb(), bureauActor, key, 'approve');
    const view = await getWorkflowState(getDb(), key);
    expect(view.state).toBe('approved');
    expect(view.adjustments).toMatchObject([{ state: 'approved' }]);
    expect(view.versions).toHaveLength(4);
    const diff = await diffTargetVersions(getDb(), { ...key, from: 2, to: 4 });
    expect(diff.changes.map((c) => [c.before, c.after])).toEqual([['≥90%', '≥92%']]);
  });

  it('refuses illegal moves, wrong roles and actors outside the unit, changing nothing', async () => {
    const approveDraft = await expectAppError(
      transitionTargets(getDb(), bureauActor, { ...key, action: 'approve' }),
      'CONFLICT',
    );
    expect(approveDraft.message).toBe('当前状态为「草稿」，不能批复；当前可执行的操作：无');
    await expectAppError(transitionTargets(getDb(), otherUnitActor, { ...key, action: 'submit' }), 'FORBIDDEN');
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    await expectAppError(transitionTargets(getDb(), unitActor, { ...key, action: 'review' }), 'FORBIDDEN');
    await expectAppError(transitionTargets(getDb(), otherDepartmentActor, { ...key, action: 'review' }), 'FORBIDDEN');
    await expectAppError(
      transitionTargets(getDb(), auditorActor, { ...key, action: 'return', comment: '不行' }),
      'FORBIDDEN',
    );
    const noComment = await expectAppError(
      transitionTargets(getDb(), departmentActor, { ...key, action: 'return' }),
      'VALIDATION',
    );
    expect(noComment.message).toContain('退回须写明意见');
    const view = await getWorkflowState(getDb(), key);
    expect(view.state).toBe('submitted');
    expect(view.history).toHaveLength(1);
  });

  it('lets the bureau approve straight from submitted when the unit has no supervising department', async () => {
    const bureauId = await organisationId(getDb().kysely, 'SHG-CZJ');
    await setUnitParent(getDb().kysely, UNIT, bureauId);
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    expect((await getWorkflowState(getDb(), { ...key, actor: bureauActor })).allowedActions).toEqual([
      'approve',
      'return',
    ]);
    await expectAppError(transitionTargets(getDb(), departmentActor, { ...key, action: 'review' }), 'FORBIDDEN');
    expect((await reviewAndStep(getDb(), bureauActor, key, 'approve')).state).toBe('approved');
  });

  it('refuses a transition based on a stale state version, and lets one of two racing reviewers win', async () => {
    await transitionTargets(getDb(), unitActor, { ...key, action: 'submit' });
    await recordForms(getDb(), departmentActor, key);
    await expectAppError(
      transitionTargets(getDb(), departmentActor, { ...key, action: 'review', expectedStateVersion: 0 }),
      'CONFLICT',
    );
    const results = await Promise.allSettled([
      transitionTargets(getDb(), departmentActor, { ...key, action: 'review', expectedStateVersion: 1 }),
      transitionTargets(getDb(), departmentActor, {
        ...key,
        action: 'return',
        comment: '退回',
        expectedStateVersion: 1,
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await getWorkflowState(getDb(), key)).history).toHaveLength(2);
  });

  it("keeps reviewers' comments on the document, a project or an indicator, and checks what they point at", async () => {
    await addReviewComment(getDb(), departmentActor, { ...key, body: '整体目标需量化' });
    await addReviewComment(getDb(), bureauActor, { ...key, body: '预算偏高', projectCode: PGN6 });
    const bad = await expectAppError(
      addReviewComment(getDb(), bureauActor, { ...key, body: 'x', projectCode: PGN6, indicatorIndex: 99 }),
      'VALIDATION',
    );
    expect(bad.message).toContain('没有第 100 个');
    await expectAppError(addReviewComment(getDb(), unitActor, { ...key, body: '我同意' }), 'FORBIDDEN');
    await expectAppError(addReviewComment(getDb(), otherDepartmentActor, { ...key, body: '越权' }), 'FORBIDDEN');
    const { comments } = await getWorkflowState(getDb(), key);
    expect(comments.map((c) => [c.body, c.projectCode, c.indicatorIndex])).toEqual([
      ['整体目标需量化', null, null],
      ['预算偏高', PGN6, null],
    ]);
  });
});

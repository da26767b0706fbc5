import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UnitYearParamsSchema } from '../../contract/api.ts';
import { PageQuerySchema } from '../../contract/paging.ts';
import {
  CommentBodySchema,
  CommentListQuerySchema,
  CommentPageSchema,
  DiffQuerySchema,
  DiffResponseSchema,
  OverviewQuerySchema,
  OverviewSchema,
  ReviewCommentSchema,
  TransitionBodySchema,
  TransitionResultSchema,
  VersionPageSchema,
  WorkflowViewSchema,
} from '../../contract/workflow.ts';
import type { Db } from '../../db/database.ts';
import type { Permission } from '../../domain/access.ts';
import type { WorkflowAction } from '../../domain/workflow/states.ts';
import { addReviewComment } from '../../usecases/add-review-comment.ts';
import { diffTargetVersions } from '../../usecases/diff-versions.ts';
import { getBureauOverview } from '../../usecases/get-bureau-overview.ts';
import { getWorkflowState } from '../../usecases/get-workflow.ts';
import { listReviewComments } from '../../usecases/list-review-comments.ts';
import { listTargetVersions } from '../../usecases/list-target-versions.ts';
import { transitionTargets } from '../../usecases/transition-targets.ts';
import { actorOf } from '../auth/route-guard.ts';

const tags = ['workflow'];
const base = '/api/units/:unitCode/years/:year/workflow';

/**
 * Each route declares one permission; which role may take which step from which state is the
 * domain's decision (src/domain/workflow), so a reviewer cannot submit and a unit cannot approve.
 */
const TRANSITIONS: { path: string; action: WorkflowAction; permission: Permission; summary: string }[] = [
  { path: 'submit', action: 'submit', permission: 'targets:submit', summary: 'Submit the targets for review (unit)' },
  {
    path: 'withdraw',
    action: 'withdraw',
    permission: 'targets:submit',
    summary:
      'Withdraw a submission, back to the editable state it came from, before any reviewer recorded a form (unit)',
  },
  {
    path: 'adjustment',
    action: 'request-adjustment',
    permission: 'targets:submit',
    summary: 'Request an adjustment of approved targets, with a reason (unit)',
  },
  {
    path: 'adjustment/agree',
    action: 'agree-adjustment',
    permission: 'targets:review',
    summary: 'Agree to an adjustment request: the approved targets reopen for editing (bureau)',
  },
  {
    path: 'adjustment/reject',
    action: 'reject-adjustment',
    permission: 'targets:review',
    summary: 'Refuse an adjustment request with a comment: the targets stay approved (bureau)',
  },
  {
    path: 'review',
    action: 'review',
    permission: 'targets:review',
    summary: "Pass the department review (department); needs this round's department forms, none 中 or 差",
  },
  {
    path: 'return',
    action: 'return',
    permission: 'targets:review',
    summary: 'Return to the unit with a comment (department at submitted, bureau)',
  },
  {
    path: 'approve',
    action: 'approve',
    permission: 'targets:review',
    summary: "Approve (bureau); needs this round's bureau forms, none 中 or 差; approved targets are locked",
  },
];

export function workflowRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary:
            "Workflow state, the user's possible actions (allowed or why not) and editing, history, comments, versions and adjustments",
          tags,
          params: UnitYearParamsSchema,
          response: { 200: WorkflowViewSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return getWorkflowState(db, { unitCode, fiscalYear: year, actor: actorOf(request) });
      },
    );

    for (const transition of TRANSITIONS) {
      app.post(
        `${base}/${transition.path}`,
        {
          config: { access: { permission: transition.permission } },
          schema: {
            summary: transition.summary,
            tags,
            params: UnitYearParamsSchema,
            body: TransitionBodySchema,
            response: { 200: TransitionResultSchema },
          },
        },
        async (request) => {
          const { unitCode, year } = request.params;
          return transitionTargets(db, actorOf(request), {
            ...request.body,
            unitCode,
            fiscalYear: year,
            action: transition.action,
          });
        },
      );
    }

    app.post(
      `${base}/comments`,
      {
        config: { access: { permission: 'targets:review' } },
        schema: {
          summary: 'A review comment on the document, a project or an indicator',
          tags,
          params: UnitYearParamsSchema,
          body: CommentBodySchema,
          response: { 201: ReviewCommentSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const comment = await addReviewComment(db, actorOf(request), {
          ...request.body,
          unitCode,
          fiscalYear: year,
        });
        return reply.code(201).send(comment);
      },
    );

    app.get(
      `${base}/versions`,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: 'A page of the numbered snapshots kept at every submit and approve, oldest first',
          tags,
          params: UnitYearParamsSchema,
          querystring: PageQuerySchema,
          response: { 200: VersionPageSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return listTargetVersions(db, { unitCode, fiscalYear: year, ...request.query });
      },
    );

    app.get(
      `${base}/comments`,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: 'A page of the review comments, oldest first (?projectCode= for one project)',
          tags,
          params: UnitYearParamsSchema,
          querystring: CommentListQuerySchema,
          response: { 200: CommentPageSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return listReviewComments(db, { unitCode, fiscalYear: year, ...request.query });
      },
    );

    app.get(
      `${base}/diff`,
      {
        config: { access: { permission: 'targets:read' } },
        schema: {
          summary: 'Field-by-field difference of two versions (?from=1&to=3, or to=current)',
          tags,
          params: UnitYearParamsSchema,
          querystring: DiffQuerySchema,
          response: { 200: DiffResponseSchema },
        },
      },
      async (request) => {
        const { unitCode, year } = request.params;
        return diffTargetVersions(db, { unitCode, fiscalYear: year, from: request.query.from, to: request.query.to });
      },
    );

    app.get(
      '/api/bureau/overview',
      {
        config: { access: { permission: 'overview:read' } },
        schema: {
          summary:
            'Unit-years visible to the user with workflow state and review grade; paged, filtered and sorted on the server',
          tags,
          querystring: OverviewQuerySchema,
          response: { 200: OverviewSchema },
        },
      },
      async (request) => getBureauOverview(db, actorOf(request), request.query),
    );
  };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ProjectInputSchema,
  ProjectParamsSchema,
  UnitYearParamsSchema,
  VersionedProjectSchema,
} from '../../contract/api.ts';
import { ProjectOrderBodySchema, ProjectOrderResponseSchema } from '../../contract/project-order.ts';
import type { Db } from '../../db/database.ts';
import { createProject } from '../../usecases/create-project.ts';
import { deleteProject } from '../../usecases/delete-project.ts';
import { getProject } from '../../usecases/get-project.ts';
import { reorderProjects } from '../../usecases/reorder-projects.ts';
import { updateProject } from '../../usecases/update-project.ts';
import { actorOf } from '../auth/route-guard.ts';
import { etagOf, expectedVersionFrom } from '../versioning.ts';

const IfMatchHeaders = z.object({ 'if-match': z.string().optional() });
const tags = ['projects'];
const read = { access: { permission: 'targets:read' } } as const;
const edit = { access: { permission: 'targets:edit' } } as const;

export function projectRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    const path = '/api/units/:unitCode/years/:year/projects/:projectCode';

    app.get(
      path,
      {
        config: read,
        schema: {
          summary: 'A project with its indicators; ETag is its version',
          tags,
          params: ProjectParamsSchema,
          response: { 200: VersionedProjectSchema },
        },
        // The busiest route (bench api): its answer is built from stored rows that were validated on
        // the way in, and its type is checked against the schema at compile time; re-checking it with
        // zod on every response cost about 5% of the server's CPU. The schema still documents it.
        serializerCompiler: () => (data) => JSON.stringify(data),
      },
      async (request, reply) => {
        const { unitCode, year, projectCode } = request.params;
        const result = await getProject(db, { unitCode, fiscalYear: year, projectCode });
        reply.header('ETag', etagOf(result.version));
        return result;
      },
    );

    app.post(
      '/api/units/:unitCode/years/:year/projects',
      {
        config: edit,
        schema: {
          summary: 'Add a project to a unit-year',
          tags,
          params: UnitYearParamsSchema,
          body: ProjectInputSchema,
          response: { 201: VersionedProjectSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const result = await createProject(db, actorOf(request), { unitCode, fiscalYear: year, project: request.body });
        reply.code(201).header('ETag', etagOf(result.version));
        return result;
      },
    );

    app.put(
      path,
      {
        config: edit,
        schema: {
          summary: 'Replace a project; If-Match must carry the version read (stale → 409, nothing changed)',
          tags,
          params: ProjectParamsSchema,
          headers: IfMatchHeaders,
          body: ProjectInputSchema,
          response: { 200: VersionedProjectSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year, projectCode } = request.params;
        const expectedVersion = expectedVersionFrom(request.headers['if-match']);
        const result = await updateProject(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          projectCode,
          expectedVersion,
          project: request.body,
        });
        reply.header('ETag', etagOf(result.version));
        return result;
      },
    );

    app.delete(
      path,
      {
        config: edit,
        schema: {
          summary: 'Delete a project; If-Match required',
          tags,
          params: ProjectParamsSchema,
          headers: IfMatchHeaders,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const { unitCode, year, projectCode } = request.params;
        const expectedVersion = expectedVersionFrom(request.headers['if-match']);
        await deleteProject(db, actorOf(request), { unitCode, fiscalYear: year, projectCode, expectedVersion });
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/api/units/:unitCode/years/:year/project-order',
      {
        config: edit,
        schema: {
          summary: "Reorder the unit-year's projects; If-Match must carry the document's version (the targets' ETag)",
          tags,
          params: UnitYearParamsSchema,
          headers: IfMatchHeaders,
          body: ProjectOrderBodySchema,
          response: { 200: ProjectOrderResponseSchema },
        },
      },
      async (request, reply) => {
        const { unitCode, year } = request.params;
        const expectedVersion = expectedVersionFrom(request.headers['if-match'], '绩效目标');
        const result = await reorderProjects(db, actorOf(request), {
          unitCode,
          fiscalYear: year,
          expectedVersion,
          codes: request.body.codes,
        });
        reply.header('ETag', etagOf(result.version));
        return result;
      },
    );
  };
}

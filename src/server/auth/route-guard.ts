import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, HTTPMethods, RouteOptions } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { Actor, Permission } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { can } from '../../domain/permissions.ts';
import { listUnitAncestors } from '../../usecases/list-unit-ancestors.ts';
import { type ResolvedSession, resolveSession } from '../../usecases/resolve-session.ts';
import type { RouteAccess } from '../route-access.ts';
import { SESSION_COOKIE } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session behind `actor`, for sign-out; null without one. */
    authSession: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /**
     * Callable by a session that signed in with a one-time password (who am I, sign out, change
     * the password); every other non-public route answers PASSWORD_CHANGE_REQUIRED to it.
     */
    allowedBeforePasswordChange?: boolean;
  }
}

export interface GuardedRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const routesByApp = new WeakMap<FastifyInstance, GuardedRoute[]>();

/** Every /api route registered so far with its access rule (the permission test walks them all). */
export function guardedRoutes(app: FastifyInstance): GuardedRoute[] {
  return routesByApp.get(app) ?? [];
}

/**
 * Installs the one access check. At registration, an /api route without `config.access` stops the
 * server from starting, so no route is ever unprotected by omission; the OpenAPI pages are public.
 * On each request: the session cookie gives `request.actor`; non-public routes need a session
 * (401), writes need the session's CSRF token in X-CSRF-Token (403), a session with a one-time
 * password may only change it (403 PASSWORD_CHANGE_REQUIRED), and a permission is checked
 * on the unit in `:unitCode`, if any, through its organisations (403).
 */
export function installRouteGuard(app: FastifyInstance, db: Db): void {
  const routes: GuardedRoute[] = [];
  routesByApp.set(app, routes);
  app.decorateRequest('actor', null);
  app.decorateRequest('authSession', null);
  app.addHook('onRoute', (route) => {
    const access = accessOf(route);
    if (access === undefined) return;
    for (const method of ([] as HTTPMethods[]).concat(route.method)) routes.push({ method, url: route.url, access });
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(db, token) : null;
    request.authSession = session;
    request.actor = session?.actor ?? null;
    if (access === 'public') return;
    if (!session) throw new AppError('UNAUTHENTICATED', '请先登录（会话不存在或已过期）');
    if (!SAFE_METHODS.has(request.method) && !tokensMatch(request.headers['x-csrf-token'], session.csrfToken)) {
      throw new AppError('FORBIDDEN', '请求缺少有效的 X-CSRF-Token，请刷新页面后重试');
    }
    if (session.mustChangePassword && request.routeOptions.config.allowedBeforePasswordChange !== true) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改管理员发给您的一次性密码');
    }
    if (access === 'signed-in') return;
    const unitCode = unitCodeOf(request);
    if (!(await mayUse(db, session.actor, access.permission, unitCode))) {
      const where = unitCode !== null ? `（单位 ${unitCode}）` : '';
      throw new AppError('FORBIDDEN', `您的账号无权${PERMISSION_WORDS[access.permission]}${where}`, {
        details: { permission: access.permission },
      });
    }
  });
}

/** What a permission lets one do, for the refusal's sentence; the id itself goes in `details.permission`. */
const PERMISSION_WORDS: Record<Permission, string> = {
  'targets:read': '查看绩效目标',
  'targets:edit': '修改绩效目标',
  'targets:submit': '提交绩效目标或申请调整',
  'targets:review': '审核绩效目标',
  'monitoring:edit': '填报运行监控',
  'evaluation:edit': '填报绩效自评',
  'evaluation:review': '评审或复核绩效自评',
  'monitoring:act': '下达监控处理措施',
  'audit:read': '查看审计日志',
  'overview:read': '查看单位汇总情况',
  'policies:manage': '设置审核、监控和评分规则',
  'users:manage': '管理用户账号',
  'organisations:manage': '管理机构（财政局、主管部门、单位）',
  'years:manage': '管理年度（开启、关闭年度，设置截止日期）',
  'results:act': '下达、重新打开或销号整改通知',
  'results:reply': '回复整改通知',
  'disclosure:publish': '发布或撤回信息公开',
};

/** The route's access rule; undefined for non-API routes (the web app's files). Throws when an API route has none. */
function accessOf(route: RouteOptions): RouteAccess | undefined {
  if (!route.url.startsWith('/api/') && route.url !== '/api') return undefined;
  route.config ??= {};
  const config = route.config as { access?: RouteAccess };
  if (config.access === undefined && (route.url === '/api/docs' || route.url.startsWith('/api/docs/')))
    config.access = 'public';
  if (config.access === undefined) {
    throw new Error(
      `路由 ${String(route.method)} ${route.url} 未声明 config.access：每个 /api 路由都必须写明谁可以调用`,
    );
  }
  return config.access;
}

function unitCodeOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  const unitCode = params?.['unitCode'];
  return typeof unitCode === 'string' ? unitCode : null;
}

/**
 * The permission check on the request's unit, if any. The unit's organisations (for a department's
 * or bureau's scope) are read only when the check fails without them: being inside an organisation
 * can only grant, never take away. A unit user on its own unit (most requests) so costs no
 * statement here; folding the ancestry into the session query instead tripled that query's
 * planning time on every request (bench api).
 */
async function mayUse(db: Db, actor: Actor, permission: Permission, unitCode: string | null): Promise<boolean> {
  if (unitCode === null) return can(actor, permission, null);
  if (can(actor, permission, { unitCode, unitAncestors: [] })) return true;
  return can(actor, permission, { unitCode, unitAncestors: await listUnitAncestors(db, unitCode) });
}

function tokensMatch(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The signed-in actor of a route that is not public: the one way a handler asks for the user (the guard
 * has already refused anonymous calls, so this throws only if a public route asks).
 */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.actor;
}

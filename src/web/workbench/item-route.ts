import type { WorkbenchPage } from '../../contract/workbench.ts';
import type { Route } from '../app/routes.ts';

const ROUTE_NAMES = {
  targets: 'department',
  review: 'review',
  monitoring: 'monitoring',
  evaluation: 'evaluation',
  rectification: 'unitResults',
  'department-evaluation': 'department-evaluation',
} as const satisfies Record<WorkbenchPage, Route['name']>;

/** The page a workbench item or a notification opens: where the user acts on it. */
export function routeOf(target: { page: WorkbenchPage; unitCode: string; fiscalYear: number }): Route {
  return { name: ROUTE_NAMES[target.page], unitCode: target.unitCode, year: target.fiscalYear };
}

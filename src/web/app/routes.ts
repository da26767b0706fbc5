/** The app's routes as data: parsed from and written to the URL path (history routing). */
export type Route =
  | { name: 'workbench' }
  | { name: 'units' }
  | { name: 'department'; unitCode: string; year: number }
  | { name: 'review'; unitCode: string; year: number }
  | { name: 'evaluation'; unitCode: string; year: number }
  | { name: 'department-evaluation'; unitCode: string; year: number }
  | { name: 'bureau' }
  | { name: 'monitoring'; unitCode: string; year: number }
  | { name: 'bureauMonitoring' }
  | { name: 'bureauRecheck' }
  | { name: 'policies' }
  | { name: 'auditLog' }
  | { name: 'results' }
  | { name: 'unitResults'; unitCode: string; year: number }
  | { name: 'years' }
  | { name: 'disclosure' }
  | { name: 'organisations' }
  | { name: 'account' }
  | { name: 'users' }
  | { name: 'setup' }
  | { name: 'audit'; unitCode: string; year: number }
  | { name: 'print'; unitCode: string; year: number }
  | { name: 'notFound'; path: string };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return { name: 'workbench' };
  if (path === '/units') return { name: 'units' };
  if (path === '/bureau') return { name: 'bureau' };
  if (path === '/bureau/monitoring') return { name: 'bureauMonitoring' };
  if (path === '/bureau/recheck') return { name: 'bureauRecheck' };
  if (path === '/bureau/policies') return { name: 'policies' };
  if (path === '/bureau/audit') return { name: 'auditLog' };
  if (path === '/bureau/results') return { name: 'results' };
  if (path === '/bureau/years') return { name: 'years' };
  if (path === '/bureau/disclosure') return { name: 'disclosure' };
  if (path === '/organisations') return { name: 'organisations' };
  if (path === '/account') return { name: 'account' };
  if (path === '/admin/users') return { name: 'users' };
  if (path === '/setup') return { name: 'setup' };
  const monitoring = /^\/units\/([^/]+)\/years\/(\d{4})\/monitoring$/.exec(path);
  if (monitoring) {
    const unitCode = safeDecode(monitoring[1]!);
    if (unitCode !== null) return { name: 'monitoring', unitCode, year: Number(monitoring[2]) };
  }
  const results = /^\/units\/([^/]+)\/years\/(\d{4})\/results$/.exec(path);
  if (results) {
    const unitCode = safeDecode(results[1]!);
    if (unitCode !== null) return { name: 'unitResults', unitCode, year: Number(results[2]) };
  }
  const audit = /^\/units\/([^/]+)\/years\/(\d{4})\/audit$/.exec(path);
  if (audit) {
    const unitCode = safeDecode(audit[1]!);
    if (unitCode !== null) return { name: 'audit', unitCode, year: Number(audit[2]) };
  }
  const print = /^\/units\/([^/]+)\/years\/(\d{4})\/print$/.exec(path);
  if (print) {
    const unitCode = safeDecode(print[1]!);
    if (unitCode !== null) return { name: 'print', unitCode, year: Number(print[2]) };
  }
  const review = /^\/units\/([^/]+)\/years\/(\d{4})\/review$/.exec(path);
  if (review) {
    const unitCode = safeDecode(review[1]!);
    if (unitCode !== null) return { name: 'review', unitCode, year: Number(review[2]) };
  }
  const departmentEvaluation = /^\/units\/([^/]+)\/years\/(\d{4})\/department-evaluation$/.exec(path);
  if (departmentEvaluation) {
    const unitCode = safeDecode(departmentEvaluation[1]!);
    if (unitCode !== null) return { name: 'department-evaluation', unitCode, year: Number(departmentEvaluation[2]) };
  }
  const evaluation = /^\/units\/([^/]+)\/years\/(\d{4})\/evaluation$/.exec(path);
  if (evaluation) {
    const unitCode = safeDecode(evaluation[1]!);
    if (unitCode !== null) return { name: 'evaluation', unitCode, year: Number(evaluation[2]) };
  }
  const match = /^\/units\/([^/]+)\/years\/(\d{4})$/.exec(path);
  if (match) {
    const unitCode = safeDecode(match[1]!);
    if (unitCode !== null) return { name: 'department', unitCode, year: Number(match[2]) };
  }
  return { name: 'notFound', path: pathname };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'workbench':
      return '/';
    case 'units':
      return '/units';
    case 'department':
      return `/units/${encodeURIComponent(route.unitCode)}/years/${route.year}`;
    case 'review':
      return `/units/${encodeURIComponent(route.unitCode)}/years/${route.year}/review`;
    case 'evaluation':
      return `/units/${encodeURIComponent(route.unitCode)}/years/${route.year}/evaluation`;
    case 'department-evaluation':
      return `/units/${encodeURIComponent(route.unitCode)}/years/${route.year}/department-evaluation`;
    case 'bureau':
      return '/bureau';
    case 'monitoring':
      return `/units/${encodeURIComponent(route.unitCode)}/years/${route.year}/monitoring`;
    case 'bureauMonitoring':
      return '/bureau/monitoring';
    case 'bureauRecheck':
      return '/bureau/recheck';
    case 'policies':
      return '/bureau/policies';
    case 'auditLog':
      return '/bureau/audit';
    case 'results':
      return '/bureau/results';
    case 'unitResults':
      return `/units/${encodeURIComponent(route.unitCode)}/years/${route.year}/results`;
    case 'years':
      return '/bureau/years';
    case 'disclosure':
      return '/bureau/disclosure';
    case 'organisations':
      return '/organisations';
    case 'account':
      return '/account';
    case 'users':
      return '/admin/users';
    case 'audit':
      return `/units/${encodeURIComponent(route.unitCode)}/years/${route.year}/audit`;
    case 'print':
      return `/units/${encodeURIComponent(route.unitCode)}/years/${route.year}/print`;
    case 'setup':
      return '/setup';
    case 'notFound':
      return route.path;
  }
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

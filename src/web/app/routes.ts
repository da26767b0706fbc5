/** The app's routes as data: parsed from and written to the URL path (history routing). */
export type Route =
  | { name: 'units' }
  | { name: 'department'; unitCode: string; year: number }
  | { name: 'notFound'; path: string };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/index.html') return { name: 'units' };
  const match = /^\/units\/([^/]+)\/years\/(\d{4})$/.exec(path);
  if (match) {
    const unitCode = safeDecode(match[1]!);
    if (unitCode !== null) return { name: 'department', unitCode, year: Number(match[2]) };
  }
  return { name: 'notFound', path: pathname };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'units':
      return '/';
    case 'department':
      return `/units/${encodeURIComponent(route.unitCode)}/years/${route.year}`;
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

import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import { hrefFor, parseRoute, type Route } from './routes.ts';

/** A history router: the URL is the state, popstate and navigate() announce changes; unsaved edits may block a change. */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/**
 * A page with unsaved edits blocks leaving (src/web/shared/useUnsavedChanges.ts): the newest check
 * decides, asking the user once, whether navigate() and the browser's back and forward go ahead.
 */
type LeaveCheck = () => Promise<boolean>;
const leaveChecks: LeaveCheck[] = [];
const pathOf = (location: Location) => location.pathname + location.search;
let shownPath = typeof window === 'undefined' ? '' : pathOf(window.location);

export function blockNavigation(check: LeaveCheck): () => void {
  leaveChecks.push(check);
  return () => {
    const index = leaveChecks.lastIndexOf(check);
    if (index >= 0) leaveChecks.splice(index, 1);
  };
}

function mayLeave(): Promise<boolean> {
  const check = leaveChecks.at(-1);
  return check ? check() : Promise.resolve(true);
}

function go(path: string): void {
  window.history.pushState(null, '', path);
  shownPath = path;
  window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

export function navigate(route: Route): void {
  if (leaveChecks.length === 0) go(hrefFor(route));
  else void mayLeave().then((leave) => leave && go(hrefFor(route)));
}

// Registered before any subscriber's listener, so a blocked back/forward puts the shown page's URL
// back before the subscribers read it: the page stays as it is until the user decides.
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    const target = pathOf(window.location);
    if (leaveChecks.length === 0 || target === shownPath) {
      shownPath = target;
      return;
    }
    window.history.pushState(null, '', shownPath);
    void mayLeave().then((leave) => leave && go(target));
  });
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}

export function Link({ to, children }: { to: Route; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={hrefFor(to)} onClick={onClick}>
      {children}
    </a>
  );
}

import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Layout, Segmented, Spin } from 'antd';
import { lazy, Suspense, useRef, useState, useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import { AuthGate, UserMenu } from '../auth/AuthGate.tsx';
import { OverviewLink } from '../workflow/OverviewLink.tsx';
import { YearSwitcher } from '../years/YearSwitcher.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Locale } from '../i18n/messages.ts';
import { prefetchTargets } from '../targets/targets-prefetch.ts';
import { UnitListPage } from '../units/UnitListPage.tsx';
import { NotificationBell } from '../workbench/NotificationBell.tsx';
import { WorkbenchLinks } from '../workbench/WorkbenchLinks.tsx';
import { WorkbenchPage } from '../workbench/WorkbenchPage.tsx';
import { Link, navigate, useRoute } from './router.tsx';
import { useCompactHeader } from './compact-header.ts';

// The department page brings the big table, the editor and (lazily, again) ECharts: not on the first page.
const DepartmentPage = lazy(() => import('../targets/DepartmentPage.tsx'));
const BureauOverviewPage = lazy(() => import('../workflow/BureauOverviewPage.tsx'));
const WorkflowBar = lazy(() => import('../workflow/WorkflowBar.tsx').then((m) => ({ default: m.WorkflowBar })));
const ReviewPage = lazy(() => import('../review/ReviewPage.tsx'));
const AuditPage = lazy(() => import('../audit/AuditPage.tsx'));
const AuditLogPage = lazy(() => import('../audit/AuditLogPage.tsx'));
const ResultsPage = lazy(() => import('../results/ResultsPage.tsx'));
const UnitResultsPage = lazy(() => import('../results/UnitResultsPage.tsx'));
const PrintPage = lazy(() => import('../print/PrintPage.tsx'));
const EvaluationPage = lazy(() => import('../evaluation/EvaluationPage.tsx'));
const DepartmentEvaluationPage = lazy(() => import('../department-evaluation/DepartmentEvaluationPage.tsx'));
const MonitoringPage = lazy(() => import('../monitoring/MonitoringPage.tsx'));
const BureauMonitoringPage = lazy(() => import('../monitoring/BureauMonitoringPage.tsx'));
const RecheckPage = lazy(() => import('../bureau/RecheckPage.tsx'));
const PoliciesPage = lazy(() => import('../policies/PoliciesPage.tsx'));
const YearsPage = lazy(() => import('../years/YearsPage.tsx'));
const DisclosurePage = lazy(() => import('../disclosure/DisclosurePage.tsx'));
const OrganisationsPage = lazy(() => import('../organisations/OrganisationsPage.tsx'));
const AccountPage = lazy(() => import('../account/AccountPage.tsx'));
const UsersPage = lazy(() => import('../users/UsersPage.tsx'));
// The one page shown without signing in besides the login form: the first administrator's setup link.
const SetupPage = lazy(() => import('../auth/SetupPage.tsx'));

// Each language named in itself, marked as such (a screen reader reads 中文 in Chinese on an English page).
const LOCALE_OPTIONS: { label: ReactNode; value: Locale }[] = [
  { label: <span lang="zh-CN">中文</span>, value: 'zh-CN' },
  { label: <span lang="en">English</span>, value: 'en' },
];

export function AppShell() {
  const { t } = useI18n();
  const route = useRoute();
  const header = useRef<HTMLElement>(null);
  const narrow = useCompactHeader(header, useNarrowScreen());
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header" ref={header}>
        <Link to={{ name: 'workbench' }}>
          <span className="app-logo" lang="zh-CN">
            绩效
          </span>
          <span className="app-title">{t('app.title')}</span>
        </Link>
        {narrow ? <HeaderMenu /> : <HeaderLinks />}
      </Layout.Header>
      <Layout.Content className="app-content">
        {route.name === 'setup' ? (
          <Lazy>
            <SetupPage />
          </Lazy>
        ) : (
          <AuthGate>
            <Page />
          </AuthGate>
        )}
      </Layout.Content>
    </Layout>
  );
}

/**
 * Below this width the header's links do not fit on one bar beside the product name (a bureau user
 * has eight), so they move into a drawer. 992 px is antd's `lg`: a tablet held upright (820 px) gets
 * the drawer too; measured by screens.browser.test.ts.
 */
const NARROW_QUERY = '(max-width: 991.98px)';

function subscribeToWidth(listener: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** Whether the screen is too narrow for the full header; read synchronously, so the first paint is already right. */
function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribeToWidth, () => window.matchMedia(NARROW_QUERY).matches);
}

/** The header's links, the user's corner and the language switch, as they sit on a wide screen. */
function HeaderLinks({ inDrawer = false }: { inDrawer?: boolean }) {
  const { t, locale, setLocale } = useI18n();
  // On the bar the page links get a row of their own under the product name and the user's corner: a
  // bureau user has eight of them, and on one row they squeezed the user's corner (issue 17 item 8).
  return (
    <>
      <YearSwitcher />
      <nav className="app-header-nav" aria-label={t('app.menu')}>
        <WorkbenchLinks />
        <OverviewLink />
      </nav>
      {!inDrawer && <NotificationBell />}
      <UserMenu />
      <Segmented<Locale>
        aria-label={t('app.language')}
        size="small"
        options={LOCALE_OPTIONS}
        value={locale}
        onChange={setLocale}
      />
    </>
  );
}

/**
 * A narrow screen's header: a menu button opening a drawer with the same links. Rendered only when
 * narrow, so each link exists once on the page. Following a link or signing out closes the drawer.
 */
function HeaderMenu() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const closeOnChoice = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest('a, button')) setOpen(false);
  };
  // The bell stays on the bar (its own drawer), beside the menu button.
  return (
    <>
      <NotificationBell />
      <Button
        className="app-menu-button"
        type="text"
        icon={<MenuOutlined />}
        aria-label={t('app.menu')}
        onClick={() => setOpen(true)}
        data-testid="nav-menu"
      />
      <Drawer
        className="app-nav-drawer"
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size={300}
        title={t('app.title')}
        destroyOnHidden
      >
        <div className="app-nav" onClick={closeOnChoice} data-testid="nav-drawer">
          <HeaderLinks inDrawer />
        </div>
      </Drawer>
    </>
  );
}

/** A lazily loaded page, with the loading spinner while its chunk arrives. */
function Lazy({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <Suspense fallback={<Spin className="page-spin" description={t('app.loading')} />}>{children}</Suspense>;
}

function Page() {
  const route = useRoute();
  const { t } = useI18n();
  switch (route.name) {
    case 'workbench':
      return <WorkbenchPage />;
    case 'units':
      return <UnitListPage />;
    case 'department':
      // The page's data is asked for now, while its chunk loads (targets-prefetch.ts).
      prefetchTargets(route.unitCode, route.year);
      return (
        <Lazy>
          <DepartmentPage key={`${route.unitCode}/${route.year}`} unitCode={route.unitCode} year={route.year} />
        </Lazy>
      );
    case 'review':
      return (
        <Lazy>
          <ReviewPage
            key={`${route.unitCode}/${route.year}`}
            unitCode={route.unitCode}
            year={route.year}
            workflowBar={(slot) => (
              <WorkflowBar
                unitCode={route.unitCode}
                year={route.year}
                projects={slot.projects}
                onChange={slot.reload}
              />
            )}
          />
        </Lazy>
      );
    case 'bureau':
      return (
        <Lazy>
          <BureauOverviewPage />
        </Lazy>
      );
    case 'evaluation':
      return (
        <Lazy>
          <EvaluationPage key={`${route.unitCode}/${route.year}`} unitCode={route.unitCode} year={route.year} />
        </Lazy>
      );
    case 'department-evaluation':
      return (
        <Lazy>
          <DepartmentEvaluationPage
            key={`${route.unitCode}/${route.year}`}
            unitCode={route.unitCode}
            year={route.year}
          />
        </Lazy>
      );
    case 'monitoring':
      return (
        <Lazy>
          <MonitoringPage key={`${route.unitCode}/${route.year}`} unitCode={route.unitCode} year={route.year} />
        </Lazy>
      );
    case 'bureauMonitoring':
      return (
        <Lazy>
          <BureauMonitoringPage />
        </Lazy>
      );
    case 'bureauRecheck':
      return (
        <Lazy>
          <RecheckPage />
        </Lazy>
      );
    case 'policies':
      return (
        <Lazy>
          <PoliciesPage />
        </Lazy>
      );
    case 'auditLog':
      return (
        <Lazy>
          <AuditLogPage />
        </Lazy>
      );
    case 'results':
      return (
        <Lazy>
          <ResultsPage />
        </Lazy>
      );
    case 'unitResults':
      return (
        <Lazy>
          <UnitResultsPage key={`${route.unitCode}/${route.year}`} unitCode={route.unitCode} year={route.year} />
        </Lazy>
      );
    case 'years':
      return (
        <Lazy>
          <YearsPage />
        </Lazy>
      );
    case 'disclosure':
      return (
        <Lazy>
          <DisclosurePage />
        </Lazy>
      );
    case 'organisations':
      return (
        <Lazy>
          <OrganisationsPage />
        </Lazy>
      );
    case 'account':
      return (
        <Lazy>
          <AccountPage />
        </Lazy>
      );
    case 'users':
      return (
        <Lazy>
          <UsersPage />
        </Lazy>
      );
    case 'audit':
      return (
        <Lazy>
          <AuditPage key={`${route.unitCode}/${route.year}`} unitCode={route.unitCode} year={route.year} />
        </Lazy>
      );
    case 'print':
      return (
        <Lazy>
          <PrintPage key={`${route.unitCode}/${route.year}`} unitCode={route.unitCode} year={route.year} />
        </Lazy>
      );
    case 'setup':
      return null;
    case 'notFound':
      return (
        <Empty className="not-found" description={t('app.notFound')}>
          <Button type="primary" onClick={() => navigate({ name: 'workbench' })}>
            {t('app.backHome')}
          </Button>
        </Empty>
      );
  }
}

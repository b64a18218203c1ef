import { Permission, ROLE_PERMISSIONS, type Role } from '@jalon/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { currentSession, restoreSession } from '../auth/session';
import { SessionExpiredDialog } from '../auth/session-expired-dialog';
import { NotFoundPage } from '../screens/not-found-page';
import { AppLayout } from './app-layout';

interface RouterContext {
  queryClient: QueryClient;
}

/** Where a role lands after signing in. */
export function homeOf(role: Role): '/tableau-de-bord' | '/accueil' {
  return ROLE_PERMISSIONS[role].includes(Permission.DashboardRead) ? '/tableau-de-bord' : '/accueil';
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <>
      <Outlet />
      <SessionExpiredDialog />
    </>
  ),
  notFoundComponent: NotFoundPage,
});

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/connexion',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({ redirect: text(search['redirect']) }),
  component: lazyRouteComponent(() => import('../screens/login-page'), 'LoginPage'),
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitation',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({ token: text(search['token']) }),
  component: lazyRouteComponent(() => import('../screens/accept-invitation-page'), 'AcceptInvitationPage'),
});

/** Every page behind it needs a session: restored from the cookie, else the sign-in page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ location }) => {
    await restoreSession();
    const { status, session } = currentSession();
    if (status === 'signed-out' || !session) throw redirect({ to: '/connexion', search: { redirect: location.href } });
    return { session };
  },
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: homeOf(context.session.role) });
  },
});

/** Pages of one permission: roles without it are sent to their own home page. */
const requirePermission =
  (permission: Permission) =>
  ({ context }: { context: { session: { role: Role } } }) => {
    if (!ROLE_PERMISSIONS[context.session.role].includes(permission)) throw redirect({ to: homeOf(context.session.role) });
  };

/** Staff pages: other roles are sent to their own home page. */
const requireStaff = ({ context }: { context: { session: { role: Role } } }) => {
  if (!ROLE_PERMISSIONS[context.session.role].includes(Permission.DashboardRead)) throw redirect({ to: homeOf(context.session.role) });
};

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tableau-de-bord',
  validateSearch: (search: Record<string, unknown>): { promotion?: string } => ({ promotion: text(search['promotion']) }),
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../screens/dashboard-page'), 'DashboardPage'),
});

export interface PathwaysSearch {
  q?: string;
  etat?: string;
  promotion?: string;
  page?: number;
}

const pathwaysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/parcours',
  validateSearch: (search: Record<string, unknown>): PathwaysSearch => {
    const page = Number(search['page']);
    return { q: text(search['q']), etat: text(search['etat']), promotion: text(search['promotion']), page: Number.isInteger(page) && page > 1 ? page : undefined };
  },
  component: lazyRouteComponent(() => import('../screens/pathways-page'), 'PathwaysPage'),
});

const pathwayRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/parcours/$pathwayId',
  component: lazyRouteComponent(() => import('../screens/pathway-page'), 'PathwayPage'),
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accueil',
  component: lazyRouteComponent(() => import('../screens/home-page'), 'HomePage'),
});

const invitationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/invitations',
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../screens/invitations-page'), 'InvitationsPage'),
});

const candidatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personnes',
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../screens/candidates-page'), 'CandidatesPage'),
});

const employersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/entreprises',
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../screens/employers-page'), 'EmployersPage'),
});

const cohortsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/promotions',
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../screens/cohorts-page'), 'CohortsPage'),
});

/** Staff: a person's, a company's and a certification's own pages, and the certification catalogue. */
const candidateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personnes/$candidateId',
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../screens/candidate-page'), 'CandidatePage'),
});

const employerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/entreprises/$employerId',
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../screens/employer-page'), 'EmployerPage'),
});

const certificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/certifications',
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../screens/certifications-page'), 'CertificationsPage'),
});

const newCertificationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/certifications/nouvelle',
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../screens/new-certification-page'), 'NewCertificationPage'),
});

const certificationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/certifications/$certificationId',
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../screens/certification-page'), 'CertificationPage'),
});

const registerRoutes = [candidateRoute, employerRoute, certificationsRoute, newCertificationRoute, certificationRoute];

/** Tenant admins: the GEIQ's reminder lead times. */
const reminderSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/parametres/rappels',
  beforeLoad: requirePermission(Permission.SettingsManage),
  component: lazyRouteComponent(() => import('../screens/reminder-settings-page'), 'ReminderSettingsPage'),
});

/** Tenant admins: the GEIQ's members, their roles and access. */
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/utilisateurs',
  beforeLoad: requirePermission(Permission.UsersManage),
  component: lazyRouteComponent(() => import('../screens/users-page'), 'UsersPage'),
});

/** The tutor's quick entry (`?parcours=` preselects an alternant). */
const progressEntryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/saisie',
  validateSearch: (search: Record<string, unknown>): { parcours?: string } => ({ parcours: text(search['parcours']) }),
  component: lazyRouteComponent(() => import('../screens/progress-entry-page'), 'ProgressEntryPage'),
});

/** The tutor's AFEST cycles (`?parcours=` preselects an alternant). */
const afestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/afest',
  validateSearch: (search: Record<string, unknown>): { parcours?: string } => ({ parcours: text(search['parcours']) }),
  component: lazyRouteComponent(() => import('../screens/afest-page'), 'AfestPage'),
});

const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: lazyRouteComponent(() => import('../screens/notifications-page'), 'NotificationsPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  invitationRoute,
  appRoute.addChildren([indexRoute, dashboardRoute, pathwaysRoute, pathwayRoute, homeRoute, progressEntryRoute, afestRoute, candidatesRoute, employersRoute, cohortsRoute, invitationsRoute, usersRoute, reminderSettingsRoute, notificationsRoute, ...registerRoutes]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}

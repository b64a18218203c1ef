/**
 * Pages of the web app that e-mails and notifications link to, relative to
 * PUBLIC_URL: the web app serves them, the API and the worker write them.
 */
export const WEB_PATHS = {
  pathway: (pathwayId: string) => `/parcours/${pathwayId}`,
  dashboard: '/tableau-de-bord',
} as const;

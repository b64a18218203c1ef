import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_METADATA, type RouteAccess } from '../src/access/access.decorators.js';
import { testConfig } from '../../../test/support/config.js';
import { startApi } from '../../../test/support/harness.js';

/**
 * Every route and who may call it. A new route, or a change of access, shows
 * up here in review; a route that declares neither @Public() nor @Can() fails.
 */
const EXPECTED: Record<string, string> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'POST /auth/login': 'public',
  'POST /auth/refresh': 'public',
  'POST /auth/logout': 'public',
  'POST /auth/accept-invitation': 'public',
  'GET /auth/password-rules': 'public',
  'GET /auth/me': 'session:read',
  'POST /auth/switch-tenant': 'session:read',
  'POST /invitations': 'invitations:manage',
  'GET /invitations': 'invitations:manage',
  'DELETE /invitations/:id': 'invitations:manage',
  'GET /users': 'users:read',
  'PATCH /users/:id': 'users:manage',
  'POST /users/:id/deactivate': 'users:manage',
  'POST /users/:id/reactivate': 'users:manage',
  'POST /platform/tenants': 'platform:tenants:manage',
  'GET /platform/tenants': 'platform:tenants:manage',
  'POST /employers': 'employers:manage',
  'GET /employers': 'employers:read',
  'GET /employers/:id': 'employers:read',
  'PATCH /employers/:id': 'employers:manage',
  'DELETE /employers/:id': 'employers:manage',
  'POST /certifications': 'certifications:manage',
  'GET /certifications': 'certifications:read',
  'GET /certifications/:id': 'certifications:read',
  'PATCH /certifications/:id': 'certifications:manage',
  'DELETE /certifications/:id': 'certifications:manage',
  'POST /candidates': 'candidates:manage',
  'GET /candidates': 'candidates:read',
  'GET /candidates/:id': 'candidates:read',
  'PATCH /candidates/:id': 'candidates:manage',
  'DELETE /candidates/:id': 'candidates:manage',
  'POST /cohorts': 'cohorts:manage',
  'GET /cohorts': 'cohorts:read',
  'GET /cohorts/:id': 'cohorts:read',
  'PATCH /cohorts/:id': 'cohorts:manage',
  'DELETE /cohorts/:id': 'cohorts:manage',
  'POST /pathways': 'pathways:manage',
  'GET /pathways': 'pathways:read',
  'GET /pathways/:id': 'pathways:read',
  'PATCH /pathways/:id': 'pathways:manage',
  'POST /pathways/:id/transitions': 'pathways:transition',
  'GET /pathways/:id/history': 'pathways:read',
  'POST /pathways/:id/contracts': 'pathways:manage',
  'PATCH /pathways/:id/contracts/:contractId': 'pathways:manage',
  'POST /pathways/:id/placements': 'pathways:manage',
  'PATCH /pathways/:id/placements/:placementId': 'pathways:manage',
  'GET /tutors': 'pathways:manage',
  'POST /pathways/:id/documents': 'documents:upload',
  'GET /pathways/:id/documents': 'pathways:read',
  'GET /pathways/:id/documents/:documentId/content': 'pathways:read',
  'DELETE /pathways/:id/documents/:documentId': 'documents:upload',
  'POST /pathways/:id/progress-entries': 'progress:write',
  'GET /pathways/:id/progress-entries': 'pathways:read',
  'PATCH /pathways/:id/progress-entries/:entryId': 'progress:write',
  'GET /pathways/:id/coverage': 'pathways:read',
  'POST /pathways/:id/afest-cycles': 'progress:write',
  'GET /pathways/:id/afest-cycles': 'pathways:read',
  'POST /pathways/:id/afest-cycles/:cycleId/steps': 'progress:write',
  'POST /pathways/:id/training-modules': 'pathways:manage',
  'GET /pathways/:id/training-modules': 'pathways:read',
  'PATCH /pathways/:id/training-modules/:moduleId': 'pathways:manage',
  'GET /pathways/:id/timeline': 'pathways:read',
  'POST /pathways/:id/comments': 'comments:write',
  'GET /dashboard': 'dashboard:read',
  'GET /home': 'home:read',
  'GET /pathways/:id/livret.pdf': 'pathways:read',
  'GET /notifications': 'notifications:read',
  'POST /notifications/read-all': 'notifications:read',
  'POST /notifications/:id/read': 'notifications:read',
  'GET /notifications/preferences': 'notifications:read',
  'PUT /notifications/preferences': 'notifications:read',
  'GET /pathways/:id/reminders': 'reminders:read',
  'GET /settings/reminders': 'settings:manage',
  'PATCH /settings/reminders': 'settings:manage',
};

describe('route access declarations', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startApi(testConfig());
  });

  afterAll(async () => {
    await app.close();
  });

  it('declares @Public() or a permission on every route, as listed', () => {
    const found: Record<string, string> = {};
    for (const module of app.get(ModulesContainer).values()) {
      for (const controller of module.controllers.values()) {
        const type = controller.metatype as new (...args: never[]) => unknown;
        const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = (type.prototype as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler))].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
          const access = (Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, type)) as RouteAccess | undefined;
          found[`${method} ${path}`] = !access ? 'UNDECLARED' : access.public ? 'public' : access.permission;
        }
      }
    }
    expect(Object.entries(found).filter(([, access]) => access === 'UNDECLARED')).toEqual([]);
    expect(found).toEqual(EXPECTED);
  });
});

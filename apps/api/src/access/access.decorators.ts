import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { Permission } from '@jalon/contracts';

export const ACCESS_METADATA = 'jalon:access';

/** What a route declares about who may call it. A route with neither is refused (deny by default). */
export type RouteAccess = { public: true } | { public: false; permission: Permission };

/** Callable without a token (login, health…). */
export const Public = () => applyDecorators(SetMetadata(ACCESS_METADATA, { public: true } satisfies RouteAccess), ApiSecurity({}));

/** Requires a valid access token whose role holds `permission` (contracts' ROLE_PERMISSIONS). */
export const Can = (permission: Permission) =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { public: false, permission } satisfies RouteAccess), ApiBearerAuth());

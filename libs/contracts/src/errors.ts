/**
 * Stable error codes. Every error the API answers is application/problem+json
 * `{ type, title, status, code, detail, errors? }`; clients branch on `code`,
 * users read `detail` (French).
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  MalformedJson: 'MALFORMED_JSON',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  NotFound: 'NOT_FOUND',
  RouteNotFound: 'ROUTE_NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  Unauthenticated: 'UNAUTHENTICATED',
  Conflict: 'CONFLICT',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  Internal: 'INTERNAL_ERROR',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  AuthInvalidCredentials: 'AUTH_INVALID_CREDENTIALS',
  AuthTokenExpired: 'AUTH_TOKEN_EXPIRED',
  AuthRefreshInvalid: 'AUTH_REFRESH_INVALID',
  AuthRefreshReused: 'AUTH_REFRESH_REUSED',
  AuthNoMembership: 'AUTH_NO_MEMBERSHIP',
  AuthTenantNotAllowed: 'AUTH_TENANT_NOT_ALLOWED',
  AuthTooManyAttempts: 'AUTH_TOO_MANY_ATTEMPTS',
  PasswordRejected: 'PASSWORD_REJECTED',
  InvitationInvalid: 'INVITATION_INVALID',
  InvitationRoleNotAllowed: 'INVITATION_ROLE_NOT_ALLOWED',
  InvitationAlreadyMember: 'INVITATION_ALREADY_MEMBER',
  InvitationAlreadyPending: 'INVITATION_ALREADY_PENDING',
  InvitationAlreadyAccepted: 'INVITATION_ALREADY_ACCEPTED',
  TenantSlugTaken: 'TENANT_SLUG_TAKEN',
  /** The change would leave the GEIQ without an active administrator. */
  LastTenantAdmin: 'LAST_TENANT_ADMIN',
  /** A business rule refused the change; `errors` lists every broken rule with its own code. */
  RuleViolation: 'RULE_VIOLATION',
  /** Optimistic lock: the record changed since it was read (`currentVersion` says to what). */
  VersionConflict: 'VERSION_CONFLICT',
  AlreadyExists: 'ALREADY_EXISTS',
  InUse: 'IN_USE',
  DocumentTooLarge: 'DOCUMENT_TOO_LARGE',
  DocumentTypeNotAccepted: 'DOCUMENT_TYPE_NOT_ACCEPTED',
  DocumentKindNotAllowed: 'DOCUMENT_KIND_NOT_ALLOWED',
  ProgressEntryLocked: 'PROGRESS_ENTRY_LOCKED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One field-level problem inside a VALIDATION_FAILED answer. */
export interface FieldError {
  /** Dotted path of the field, e.g. `contract.startDate`. */
  path: string;
  message: string;
  /** For RULE_VIOLATION: the rule's own stable code (e.g. CONTRACT_TOO_LONG). */
  code?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldError[];
}

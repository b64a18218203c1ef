import { ErrorCode, type FieldError } from '@jalon/contracts';

/**
 * An error the API answers on purpose: a stable code, an HTTP status and a
 * French detail for the person using the app. Mapped to problem+json by the
 * one exception filter; anything else becomes a 500 with no internals.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Extra members of the problem document (e.g. `currentVersion`). */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(`${code}: ${detail}`);
  }
}

export const notFound = (what = 'Cet élément') =>
  new AppError(404, ErrorCode.NotFound, `${what} est introuvable ou vous n’y avez pas accès.`);

export const forbidden = (detail = 'Vous n’avez pas les droits nécessaires pour cette action.') =>
  new AppError(403, ErrorCode.Forbidden, detail);

export const unauthenticated = (detail = 'Veuillez vous connecter.') =>
  new AppError(401, ErrorCode.Unauthenticated, detail);

export const validationFailed = (errors: FieldError[], detail = 'Certaines informations saisies sont invalides.') =>
  new AppError(400, ErrorCode.ValidationFailed, detail, errors);

/** 422: business rules refused the change; each broken rule keeps its own code. */
export const ruleViolation = (violations: { code: string; message: string; path?: string }[], detail?: string) =>
  new AppError(
    422,
    ErrorCode.RuleViolation,
    detail ?? (violations.length === 1 ? violations[0]!.message : `${violations.length} règles ne sont pas respectées.`),
    violations.map((v) => ({ path: v.path ?? '', message: v.message, code: v.code })),
  );

export const alreadyExists = (detail: string) => new AppError(409, ErrorCode.AlreadyExists, detail);

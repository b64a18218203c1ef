import type { FieldError, Problem } from '@jalon/contracts';

const NETWORK = 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.';
const UNEXPECTED = 'Une erreur inattendue est survenue. Réessayez dans un instant.';

/** An answer of the API other than a success, with its French explanation. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? (status === 0 ? NETWORK : UNEXPECTED));
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  /** Field-level messages by dotted path (`email`, `contract.startDate`). */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem?.errors ?? []).map((e: FieldError) => [e.path, e.message]));
  }
}

/** What to show a person for any failure. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : error instanceof TypeError ? NETWORK : UNEXPECTED;
}

function asProblem(body: unknown): Problem | null {
  return body && typeof body === 'object' && 'code' in body && 'detail' in body ? (body as Problem) : null;
}

/** Turns an openapi-fetch answer into its data, or throws an ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, null);
  }
  if (result.response.ok) return result.data as T;
  throw new ApiError(result.response.status, asProblem(result.error));
}

/** For plain fetch calls (the session routes). */
export async function problemOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  return new ApiError(response.status, asProblem(body));
}

import { ErrorCode, type FieldError, type Problem } from '@jalon/contracts';

const TITLES: Partial<Record<number, string>> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Introuvable',
  405: 'Méthode non autorisée',
  409: 'Conflit',
  410: 'Expiré',
  413: 'Contenu trop volumineux',
  415: 'Format non pris en charge',
  422: 'Règle non respectée',
  429: 'Trop de tentatives',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

export function problem(status: number, code: ErrorCode, detail: string, errors?: FieldError[], extensions?: Record<string, unknown>): Problem & Record<string, unknown> {
  return {
    type: `urn:jalon:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Erreur',
    status,
    code,
    detail,
    ...(errors?.length ? { errors } : {}),
    ...extensions,
  };
}

/** Problems raised before a route runs (parsing, routing, size), by HTTP status. */
export function problemForStatus(status: number): Problem {
  switch (status) {
    case 400:
      return problem(400, ErrorCode.MalformedJson, 'Le contenu envoyé n’est pas un JSON valide.');
    case 404:
      return problem(404, ErrorCode.RouteNotFound, 'Cette adresse n’existe pas.');
    case 405:
      return problem(405, ErrorCode.RouteNotFound, 'Cette méthode n’est pas prise en charge pour cette adresse.');
    case 413:
      return problem(413, ErrorCode.PayloadTooLarge, 'Le contenu envoyé est trop volumineux (1 Mo au plus).');
    case 415:
      return problem(415, ErrorCode.UnsupportedMediaType, 'Le format envoyé n’est pas pris en charge : utilisez application/json.');
    case 429:
      return problem(429, ErrorCode.TooManyRequests, 'Trop de requêtes : réessayez dans un instant.');
    case 401:
      return problem(401, ErrorCode.Unauthenticated, 'Veuillez vous connecter.');
    case 403:
      return problem(403, ErrorCode.Forbidden, 'Vous n’avez pas les droits nécessaires pour cette action.');
    case 503:
      return problem(503, ErrorCode.ServiceUnavailable, 'Le service est momentanément indisponible.');
    default:
      return status >= 400 && status < 500
        ? problem(status, ErrorCode.ValidationFailed, 'La requête n’a pas pu être traitée.')
        : problem(500, ErrorCode.Internal, 'Une erreur inattendue s’est produite. L’équipe technique a été prévenue.');
  }
}

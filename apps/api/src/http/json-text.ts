/**
 * An answer whose JSON is already written, by PostgreSQL: sent as it is,
 * instead of being parsed into objects only to be serialised again (for a
 * page of 50 pathways, about a sixth of the request's CPU). `T` is the shape
 * the text holds: controllers declare `JsonText<Page<PathwaySummary>>` and
 * the OpenAPI document names `Page<PathwaySummary>`.
 */
export class JsonText<T> {
  /** Only a type: what the text holds. */
  declare readonly shape?: T;

  constructor(readonly text: string) {}
}

/** Fastify's reply serializer: a JsonText as it is, anything else through JSON.stringify, as Fastify's default does. */
export function serializeReply(payload: unknown): string {
  return payload instanceof JsonText ? payload.text : JSON.stringify(payload);
}

import { Prisma } from './generated/client.js';

/**
 * How a model's field comes back from JSON built in SQL: as it is, or as
 * Prisma would have given it: a Date for `date` and `timestamptz` columns, a
 * Decimal, a list (an empty one for NULL).
 */
export type JsonColumn = 'value' | 'date' | 'decimal' | 'list';

/** Every field of model M and how it comes back: the type checker keeps the list complete. */
export type JsonColumns<M> = { readonly [K in keyof M]-?: JsonColumn };

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * `json_build_object` of the row `alias` with the model's field names
 * (camelCase keys, snake_case columns, as the schema maps them), and
 * `extra` pairs after them (`'employer', json_build_object(…)`), for a
 * statement that builds its answer as JSON in one round trip.
 */
export function jsonObject<M>(alias: string, columns: JsonColumns<M>, extra?: Prisma.Sql): Prisma.Sql {
  // Written into the statement as they are: plain names only.
  const names = [alias, ...Object.keys(columns)];
  if (!names.every((name) => /^[a-z][A-Za-z0-9_]*$/.test(name))) throw new Error(`Not a plain SQL name among ${names.join(', ')}`);
  const pairs = Object.keys(columns).map((field) => `'${field}', ${alias}.${snakeCase(field)}`);
  return extra ? Prisma.sql`json_build_object(${Prisma.raw(pairs.join(', '))}, ${extra})` : Prisma.raw(`json_build_object(${pairs.join(', ')})`);
}

/** The model as Prisma would have read it, from the JSON of `jsonObject`. */
export function fromJson<M>(columns: JsonColumns<M>, json: Record<string, unknown>): M {
  const model: Record<string, unknown> = { ...json };
  for (const [field, kind] of Object.entries(columns) as Array<[string, JsonColumn]>) {
    const value = json[field];
    if (kind === 'list') model[field] = value ?? [];
    else if (value === null || value === undefined || kind === 'value') continue;
    else model[field] = kind === 'date' ? new Date(value as string) : new Prisma.Decimal(value as number);
  }
  return model as M;
}

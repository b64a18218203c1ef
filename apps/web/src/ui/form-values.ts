/**
 * Empty text fields are left out of the request, as the optional fields of
 * the shared schemas expect. `optional` limits this to some fields, so that a
 * required one left empty gets its own message ("Intitulé requis").
 */
export function filled(values: Record<string, unknown>, optional?: readonly string[]): Record<string, unknown> {
  const isEmpty = (key: string, v: unknown) => (!optional || optional.includes(key)) && typeof v === 'string' && v.trim() === '';
  return Object.fromEntries(Object.entries(values).filter(([key, v]) => !isEmpty(key, v)));
}

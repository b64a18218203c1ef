/**
 * Empty text fields are left out of the request, as the optional fields of
 * the shared schemas expect. `optional` limits this to some fields, so that a
 * required one left empty gets its own message ("Intitulé requis").
 */
export function filled(values: Record<string, unknown>, optional?: readonly string[]): Record<string, unknown> {
  const isEmpty = (key: string, v: unknown) => (!optional || optional.includes(key)) && typeof v === 'string' && v.trim() === '';
  return Object.fromEntries(Object.entries(values).filter(([key, v]) => !isEmpty(key, v)));
}

/** In an edit, an emptied text field is sent as null: the API clears it. */
export function cleared(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' ? null : v]));
}

/** Rows left blank at the end of a list are not sent (those before keep their place, and their messages their row). */
export function withoutBlankTail<T extends Record<string, unknown>>(rows: T[]): T[] {
  const blank = (row: T) => Object.values(row).every((v) => typeof v !== 'string' || v.trim() === '');
  let end = rows.length;
  while (end > 0 && blank(rows[end - 1]!)) end--;
  return rows.slice(0, end);
}

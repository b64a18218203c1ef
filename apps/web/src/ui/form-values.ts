/** Empty text fields are left out of the request, as the optional fields of the shared schemas expect. */
export function filled(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')));
}

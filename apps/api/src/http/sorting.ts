/** `name` → { name: 'asc' }, `-name` → { name: 'desc' }: the `sort` query parameter of lists. */
export function sortOrder<K extends string>(sort: K | `-${K}`): Record<K, 'asc' | 'desc'> {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as K;
  return { [field]: descending ? 'desc' : 'asc' } as Record<K, 'asc' | 'desc'>;
}

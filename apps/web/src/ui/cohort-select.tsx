import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';

export function useCohorts() {
  return useQuery({
    queryKey: ['cohorts', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/cohorts', { params: { query: { pageSize: 100 } } })),
    staleTime: 5 * 60_000,
  });
}

/** Filter by cohort (promotion): every cohort of the GEIQ, or none. */
export function CohortSelect({ value, onChange }: { value: string | undefined; onChange: (cohortId: string | undefined) => void }) {
  const cohorts = useCohorts();
  return (
    <Select
      label="Promotion"
      placeholder={cohorts.isError ? 'Promotions indisponibles' : 'Toutes les promotions'}
      data={(cohorts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      clearable
      searchable
      nothingFoundMessage="Aucune promotion"
      w={{ base: '100%', sm: 280 }}
    />
  );
}

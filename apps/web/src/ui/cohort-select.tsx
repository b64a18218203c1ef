import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { formatDate } from './format';

/**
 * The GEIQ's latest 100 cohorts, or those preparing one certification, asked
 * of the API (they may be older than the latest 100); none until a
 * certification is chosen ('').
 */
function useCohorts(certificationId?: string) {
  return useQuery({
    queryKey: ['cohorts', certificationId === undefined ? 'all' : `certification:${certificationId}`],
    queryFn: () => unwrap(api.GET('/api/v1/cohorts', { params: { query: { certificationId, pageSize: 100 } } })),
    enabled: certificationId !== '',
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

/** The cohort of a pathway: one of those preparing its certification, or none. */
export function CertificationCohortSelect({ certificationId, value, onChange, error }: { certificationId: string; value: string; onChange: (cohortId: string) => void; error?: string }) {
  const cohorts = useCohorts(certificationId);
  const cohortsOfIt = cohorts.data?.items ?? [];
  return (
    <Select
      label="Promotion"
      description={certificationId && !cohorts.isPending && cohortsOfIt.length === 0 ? 'Aucune promotion ouverte pour cette certification.' : 'Facultatif'}
      placeholder={!certificationId ? 'Choisissez d’abord la certification' : cohorts.isError ? 'Promotions indisponibles' : 'Sans promotion'}
      disabled={!certificationId || cohortsOfIt.length === 0}
      clearable
      data={cohortsOfIt.map((c) => ({ value: c.id, label: `${c.name} (début le ${formatDate(c.startDate)})` }))}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      error={error}
    />
  );
}

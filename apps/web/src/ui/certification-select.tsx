import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { choicePlaceholder } from './states';

/** The GEIQ's certification catalogue, with blocs (at most 100: a GEIQ runs a handful). */
export function useCertifications() {
  return useQuery({
    queryKey: ['certifications', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/certifications', { params: { query: { pageSize: 100 } } })),
    staleTime: 5 * 60_000,
  });
}

/** Choosing the certification aimed at, by title or code. */
export function CertificationSelect({ value, onChange, error }: { value: string; onChange: (certificationId: string) => void; error?: string }) {
  const certifications = useCertifications();
  return (
    <Select
      label="Certification visée"
      required
      searchable
      placeholder={choicePlaceholder(certifications, 'Choisir la certification', 'Certifications indisponibles')}
      nothingFoundMessage="Aucune certification"
      data={(certifications.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.code})` }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
    />
  );
}

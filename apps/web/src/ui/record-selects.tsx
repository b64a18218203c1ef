import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { useSession } from '../auth/session';
import { fullName } from './format';

interface RecordSelectProps {
  value: string | undefined;
  onChange: (id: string) => void;
  error?: string;
  required?: boolean;
}

/** The member company of an employer contact or a company tutor. */
export function EmployerSelect({ value, onChange, error, required }: RecordSelectProps) {
  const employers = useQuery({
    queryKey: ['employers', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/employers', { params: { query: { pageSize: 100 } } })),
  });
  return (
    <Select
      label="Entreprise adhérente"
      required={required}
      searchable
      clearable
      placeholder={employers.isPending ? 'Chargement…' : 'Choisir l’entreprise'}
      nothingFoundMessage="Aucune entreprise"
      data={(employers.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
    />
  );
}

/** The candidate record an alternant's account sees. */
export function CandidateSelect({ value, onChange, error }: RecordSelectProps) {
  const candidates = useQuery({
    queryKey: ['candidates', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/candidates', { params: { query: { pageSize: 100 } } })),
  });
  return (
    <Select
      label="Fiche de l’alternant·e"
      required
      searchable
      placeholder={candidates.isPending ? 'Chargement…' : 'Choisir la fiche'}
      nothingFoundMessage="Aucune fiche"
      data={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: fullName(c) }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
    />
  );
}

/** The GEIQ's active staff (administrators and coordinators): who may be a referent coordinator. */
export function useStaff() {
  return useQuery({
    queryKey: ['users', 'staff'],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { role: 'TENANT_ADMIN,COORDINATOR', status: 'ACTIVE', pageSize: 100 } } })),
    staleTime: 5 * 60_000,
  });
}

/** A referent coordinator, searchable by name; the person signed in is marked « (moi) ». */
export function ReferentSelect({ value, onChange, error }: RecordSelectProps) {
  const { session } = useSession();
  const staff = useStaff();
  return (
    <Select
      label="Coordinateur·rice référent·e"
      placeholder={staff.isPending ? 'Chargement…' : staff.isError ? 'Liste indisponible' : 'Personne pour le moment'}
      searchable
      clearable
      nothingFoundMessage="Aucun·e coordinateur·rice de ce nom"
      data={(staff.data?.items ?? []).map((m) => ({ value: m.id, label: m.id === session?.user.id ? `${fullName(m)} (moi)` : fullName(m) }))}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
    />
  );
}

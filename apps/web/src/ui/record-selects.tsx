import { Select, type ComboboxItem } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { useSession } from '../auth/session';
import { formatDate, fullName } from './format';
import { SearchSelect } from './search-select';

interface RecordSelectProps {
  value: string | undefined;
  onChange: (id: string) => void;
  error?: string;
  required?: boolean;
}

/** Member companies matching `q`, by name or SIRET, accents aside (the first ones when undefined). */
export const searchEmployers = async (q: string | undefined): Promise<ComboboxItem[]> =>
  (await unwrap(api.GET('/api/v1/employers', { params: { query: { q, pageSize: 20 } } }))).items.map((e) => ({ value: e.id, label: e.city ? `${e.name} (${e.city})` : e.name }));

/** People followed matching `q`, by name, accents aside, with their birth date to tell namesakes apart. */
export const searchCandidates = async (q: string | undefined): Promise<ComboboxItem[]> =>
  (await unwrap(api.GET('/api/v1/candidates', { params: { query: { q, pageSize: 20 } } }))).items.map((c) => ({ value: c.id, label: `${fullName(c)}, né·e le ${formatDate(c.birthDate)}` }));

/** The member company of an employer contact or a company tutor, searched among all of them. */
export function EmployerSelect({ value, onChange, error, required, initial }: RecordSelectProps & { initial?: ComboboxItem }) {
  return (
    <SearchSelect
      label="Entreprise adhérente"
      required={required}
      queryKey={['employers', 'choice']}
      search={searchEmployers}
      value={value ?? ''}
      onChange={onChange}
      initial={initial}
      error={error}
      placeholder="Raison sociale"
      nothingFound="Aucune entreprise de ce nom"
    />
  );
}

/** The candidate record an alternant's account sees, searched among all of them. */
export function CandidateSelect({ value, onChange, error, initial }: RecordSelectProps & { initial?: ComboboxItem }) {
  return (
    <SearchSelect
      label="Fiche de l’alternant·e"
      queryKey={['candidates', 'choice']}
      search={searchCandidates}
      value={value ?? ''}
      onChange={onChange}
      initial={initial}
      error={error}
      placeholder="Nom de la personne"
      nothingFound="Aucune fiche de ce nom"
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

/** A staff member's name by user id, among the active staff (undefined while loading, or for someone whose access was removed). */
export function useStaffName() {
  const staff = useStaff();
  return (userId: string) => {
    const member = staff.data?.items.find((m) => m.id === userId);
    return member ? fullName(member) : undefined;
  };
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

import { Anchor, Button, Group, MultiSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { PATHWAY_STATE_VALUES, Permission, type PathwayStateValue } from '@jalon/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import type { PathwaysSearch } from '../app/router';
import { can, useSession } from '../auth/session';
import { NewPathwayDialog } from '../pathway/new-pathway-dialog';
import { CohortSelect } from '../ui/cohort-select';
import { formatDate, fullName, plural } from '../ui/format';
import { PageNav } from '../ui/page-nav';
import { PATHWAY_STATE_LABELS } from '../ui/labels';
import { StateBadge } from '../ui/state-badge';
import { Empty, ErrorState, Loading } from '../ui/states';

const PAGE_SIZE = 20;
const STATE_OPTIONS = PATHWAY_STATE_VALUES.map((state) => ({ value: state, label: PATHWAY_STATE_LABELS[state] }));

/** Every pathway the person may see: search by name (accents do not matter), filter by state and cohort, page by page. */
export function PathwaysPage() {
  const search = useSearch({ from: '/app/parcours' });
  const navigate = useNavigate({ from: '/parcours' });
  const { session } = useSession();
  const staff = can(session, Permission.CohortsRead);
  const [typed, setTyped] = useState(search.q ?? '');
  const [creating, setCreating] = useState(false);
  const states = (search.etat?.split(',') ?? []).filter((s): s is PathwayStateValue => (PATHWAY_STATE_VALUES as readonly string[]).includes(s));
  const page = search.page ?? 1;

  const update = (change: Partial<PathwaysSearch>) => void navigate({ search: (current) => ({ ...current, page: undefined, ...change }), replace: true });
  const searchFor = useDebouncedCallback((q: string) => update({ q: q.trim() || undefined }), 300);

  const pathways = useQuery({
    queryKey: ['pathways', 'list', search],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/pathways', {
          params: { query: { q: search.q, state: states.length ? states.join(',') : undefined, cohortId: search.promotion, page, pageSize: PAGE_SIZE, sort: 'candidate' } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const pages = pathways.data ? Math.max(1, Math.ceil(pathways.data.total / PAGE_SIZE)) : 1;
  const title = session?.role === 'CANDIDATE' ? 'Mon parcours' : staff ? 'Parcours' : 'Mes alternant·es';

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{title}</Title>
        {can(session, Permission.PathwaysManage) && <Button onClick={() => setCreating(true)}>Nouveau parcours</Button>}
      </Group>
      {creating && <NewPathwayDialog onClose={() => setCreating(false)} />}
      <Paper withBorder p="md" component="section" aria-label="Filtres">
        <Group align="flex-end" gap="md">
          <TextInput
            label="Rechercher un·e alternant·e"
            placeholder="Nom ou prénom, avec ou sans accents"
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              searchFor(e.currentTarget.value);
            }}
            type="search"
            w={{ base: '100%', sm: 300 }}
          />
          <MultiSelect
            label="Étape"
            placeholder={states.length ? undefined : 'Toutes les étapes'}
            data={STATE_OPTIONS}
            value={states}
            onChange={(next) => update({ etat: next.length ? next.join(',') : undefined })}
            clearable
            w={{ base: '100%', sm: 320 }}
          />
          {staff && <CohortSelect value={search.promotion} onChange={(cohortId) => update({ promotion: cohortId })} />}
        </Group>
      </Paper>

      {pathways.isPending ? (
        <Loading label="Chargement des parcours…" />
      ) : pathways.isError ? (
        <ErrorState error={pathways.error} onRetry={() => void pathways.refetch()} />
      ) : pathways.data.items.length === 0 ? (
        <Empty title="Aucun parcours ne correspond">
          {search.q || states.length || search.promotion ? 'Essayez une autre orthographe ou retirez un filtre.' : can(session, Permission.PathwaysManage) ? 'Ouvrez le premier avec « Nouveau parcours ».' : 'Aucun parcours pour le moment.'}
        </Empty>
      ) : (
        <Paper withBorder component="section" aria-labelledby="resultats">
          <Group justify="space-between" p="sm">
            <Text id="resultats" fw={600} aria-live="polite">
              {plural(pathways.data.total, 'parcours trouvé', 'parcours trouvés')}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Alternant·e</Table.Th>
                  <Table.Th>Certification</Table.Th>
                  <Table.Th>Étape</Table.Th>
                  <Table.Th>Mis à jour</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pathways.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor fw={600} renderRoot={(props) => <Link to="/parcours/$pathwayId" params={{ pathwayId: p.id }} {...props} />}>
                        {fullName(p.candidate)}
                      </Anchor>
                      {p.activity === 'INACTIVE' && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          (inactif)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.certification.title}</Text>
                      <Text size="xs" c="dimmed">
                        {p.certification.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StateBadge state={p.state} />
                    </Table.Td>
                    <Table.Td>{formatDate(p.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PageNav page={page} pages={pages} onChange={(next) => void navigate({ search: (current) => ({ ...current, page: next > 1 ? next : undefined }) })} p="sm" />
        </Paper>
      )}
    </Stack>
  );
}

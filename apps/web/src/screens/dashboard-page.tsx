import { Anchor, Badge, Card, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { PATHWAY_STATE_VALUES, type DashboardView, type PathwayStateValue, type PathwaySummary } from '@jalon/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { CohortSelect } from '../ui/cohort-select';
import { formatDate, formatDateTime, fullName, plural } from '../ui/format';
import { DEADLINE_LABELS, PATHWAY_STATE_LABELS, STATE_COLORS } from '../ui/labels';
import { Empty, ErrorState, Loading } from '../ui/states';

const BOARD_SIZE = 100;
const OPEN_STATES = new Set<PathwayStateValue>(['CERTIFICATION_CHOSEN', 'EXPERIENCE', 'ADMISSIBILITY_PENDING', 'DOSSIER', 'DOSSIER_SUBMITTED', 'JURY_SCHEDULED']);

/** The coordinator's page: what needs attention, then every pathway by state. */
export function DashboardPage() {
  const { promotion } = useSearch({ from: '/app/tableau-de-bord' });
  const navigate = useNavigate({ from: '/tableau-de-bord' });
  const dashboard = useQuery({
    queryKey: ['dashboard', promotion ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/dashboard', { params: { query: { cohortId: promotion } } })),
  });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Tableau de bord</Title>
        <CohortSelect value={promotion} onChange={(cohortId) => void navigate({ search: { promotion: cohortId } })} />
      </Group>
      {dashboard.isPending ? (
        <Loading label="Chargement du tableau de bord…" />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Chiffres du {formatDateTime(dashboard.data.computedAt)} (mis à jour au plus toutes les minutes, et dès qu’un parcours change)
          </Text>
          <Cards view={dashboard.data} />
          <Deadlines view={dashboard.data} />
        </>
      )}
      <Board cohortId={promotion} counts={dashboard.data?.countsByState} />
    </Stack>
  );
}

/** The figures count everything (`totals`); the lists behind them hold the most urgent items only. */
function Cards({ view }: { view: DashboardView }) {
  const { totals } = view;
  const open = Object.entries(view.countsByState).reduce((sum, [state, n]) => sum + (OPEN_STATES.has(state as PathwayStateValue) ? n : 0), 0);
  const contracts = view.contractsEndingIn90Days;
  const withoutJury = contracts.filter((c) => !c.juryScheduled).length;
  const cards = [
    { title: 'Parcours en cours', value: open, detail: plural(view.countsByState.JURY_SCHEDULED, 'jury programmé', 'jurys programmés') },
    {
      title: 'Échéances en retard',
      value: totals.overdueDeadlines,
      detail: plural(totals.deadlines - totals.overdueDeadlines, 'autre dans les 30 jours', 'autres dans les 30 jours'),
      alert: totals.overdueDeadlines > 0,
    },
    { title: 'Jurys dans les 30 jours', value: totals.juriesNext30Days, detail: view.juriesNext30Days[0] ? `Prochain : ${formatDate(view.juriesNext30Days[0].date)}` : 'Aucun jury prévu' },
    {
      title: 'Contrats finissant sous 90 jours',
      value: totals.contractsEndingIn90Days,
      detail:
        plural(withoutJury, 'sans jury programmé', 'sans jury programmé') + (totals.contractsEndingIn90Days > contracts.length ? ` parmi les ${contracts.length} plus proches` : ''),
      alert: withoutJury > 0,
    },
    {
      title: 'Recevabilités en attente',
      value: totals.admissibilityAwaitingDecision,
      detail: plural(totals.admissibilityPastTwoMonths, 'peut être déclarée implicite', 'peuvent être déclarées implicites'),
    },
    {
      title: 'Tuteurs silencieux',
      value: totals.silentTutors,
      detail: view.silentTutors.length ? view.silentTutors.slice(0, 2).map(fullName).join(', ') : 'Tous les tuteurs ont saisi récemment',
      alert: totals.silentTutors > 0,
    },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} component="section" aria-label="Indicateurs">
      {cards.map((card) => (
        <Card key={card.title} withBorder padding="md" role="group" aria-label={card.title}>
          <Text size="sm" c="dimmed" fw={600}>
            {card.title}
          </Text>
          <Text fz={32} fw={700} c={card.alert ? 'red.8' : undefined}>
            {card.value}
          </Text>
          <Text size="sm">{card.detail}</Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Deadlines({ view }: { view: DashboardView }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="echeances">
      <Title order={2} size="h3" id="echeances" mb="sm">
        Échéances
      </Title>
      {view.deadlines.length === 0 ? (
        <Empty title="Aucune échéance dans les 30 prochains jours" />
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Échéance</Table.Th>
                <Table.Th>Alternant·e</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.deadlines.slice(0, 10).map((d) => (
                <Table.Tr key={`${d.pathwayId}-${d.kind}-${d.dueOn}`}>
                  <Table.Td>
                    {formatDate(d.dueOn)}{' '}
                    {d.overdue && (
                      <Badge color="red.8" size="sm">
                        En retard
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{DEADLINE_LABELS[d.kind]}</Table.Td>
                  <Table.Td>
                    <Anchor renderRoot={(props) => <Link to="/parcours/$pathwayId" params={{ pathwayId: d.pathwayId }} {...props} />}>{fullName(d.candidate)}</Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/**
 * Every pathway of the cohort (or the GEIQ) in one column per state, the
 * first ones by name; each column says how many it has in all (the
 * dashboard's counts) and links to the rest.
 */
function Board({ cohortId, counts }: { cohortId: string | undefined; counts: DashboardView['countsByState'] | undefined }) {
  const pathways = useQuery({
    queryKey: ['pathways', 'board', cohortId ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/pathways', { params: { query: { cohortId, pageSize: BOARD_SIZE, sort: 'candidate' } } })),
  });
  const byState = new Map<PathwayStateValue, PathwaySummary[]>();
  for (const p of pathways.data?.items ?? []) byState.set(p.state, [...(byState.get(p.state) ?? []), p]);

  return (
    <section aria-labelledby="tableau-etats">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="tableau-etats">
          Parcours par étape
        </Title>
        {pathways.data && pathways.data.total > BOARD_SIZE && (
          <Text size="sm">
            {BOARD_SIZE} parcours affichés sur {pathways.data.total} :{' '}
            <Anchor renderRoot={(props) => <Link to="/parcours" search={{ promotion: cohortId }} {...props} />}>voir la liste complète</Anchor>
          </Text>
        )}
      </Group>
      {pathways.isPending ? (
        <Loading label="Chargement des parcours…" />
      ) : pathways.isError ? (
        <ErrorState error={pathways.error} onRetry={() => void pathways.refetch()} />
      ) : pathways.data.items.length === 0 ? (
        <Empty title="Aucun parcours">{cohortId ? 'Cette promotion n’a pas encore de parcours.' : 'Les parcours créés apparaîtront ici.'}</Empty>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
            {PATHWAY_STATE_VALUES.filter((state) => byState.has(state) || OPEN_STATES.has(state) || (counts?.[state] ?? 0) > 0).map((state) => {
              const items = byState.get(state) ?? [];
              const total = Math.max(counts?.[state] ?? 0, items.length);
              return (
                <Paper key={state} withBorder p="xs" w={220} miw={220} bg="gray.0" component="section" aria-label={`${PATHWAY_STATE_LABELS[state]} : ${total}`}>
                  <Group justify="space-between" mb="xs" wrap="nowrap">
                    <Text size="sm" fw={700}>
                      {PATHWAY_STATE_LABELS[state]}
                    </Text>
                    <Badge color={STATE_COLORS[state]} variant="filled" aria-hidden>
                      {total}
                    </Badge>
                  </Group>
                  <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                    {items.map((p) => (
                      <li key={p.id}>
                        <Card withBorder padding="xs" radius="sm">
                          <Anchor size="sm" fw={600} renderRoot={(props) => <Link to="/parcours/$pathwayId" params={{ pathwayId: p.id }} {...props} />}>
                            {fullName(p.candidate)}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {p.certification.code}
                          </Text>
                        </Card>
                      </li>
                    ))}
                  </Stack>
                  {total > items.length && (
                    <Anchor size="sm" mt="xs" display="block" renderRoot={(props) => <Link to="/parcours" search={{ etat: state, promotion: cohortId }} {...props} />}>
                      {items.length === 0 ? `Voir les ${total} parcours` : `et ${plural(total - items.length, 'autre', 'autres')}`}
                    </Anchor>
                  )}
                </Paper>
              );
            })}
          </Group>
        </ScrollArea>
      )}
    </section>
  );
}

import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { useSession } from '../auth/session';
import { formatDate, fullName } from '../ui/format';
import { DEADLINE_LABELS, PATHWAY_STATE_LABELS } from '../ui/labels';
import { Empty, ErrorState, Loading } from '../ui/states';

/** Tutors, employer contacts and candidates: their alternants or their own pathway, and what comes next. */
export function HomePage() {
  const { session } = useSession();
  const home = useQuery({ queryKey: ['home'], queryFn: () => unwrap(api.GET('/api/v1/home')), enabled: session?.role !== 'PLATFORM_ADMIN' });

  if (session?.role === 'PLATFORM_ADMIN') {
    return <Empty title="Espace plateforme">La gestion des GEIQ se fait par l’API de la plateforme.</Empty>;
  }
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorState error={home.error} onRetry={() => void home.refetch()} />;
  const view = home.data;
  return (
    <Stack>
      <Title order={1}>Bonjour {session?.user.firstName}</Title>
      {view.nextSteps.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="xs">
            Prochaines étapes
          </Title>
          <List>
            {view.nextSteps.map((step) => (
              <List.Item key={step}>{step}</List.Item>
            ))}
          </List>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="xs">
          {view.role === 'CANDIDATE' ? 'Mon parcours' : 'Mes alternant·es'}
        </Title>
        {view.alternants.length === 0 ? (
          <Text c="dimmed">Aucun parcours pour le moment.</Text>
        ) : (
          <List spacing="sm">
            {view.alternants.map((a) => (
              <List.Item key={a.pathwayId}>
                <Anchor renderRoot={(props) => <Link to="/parcours/$pathwayId" params={{ pathwayId: a.pathwayId }} {...props} />}>{fullName(a.candidate)}</Anchor>
                <Text size="sm">
                  {PATHWAY_STATE_LABELS[a.state]} · {Math.round(a.acquiredShare * 100)} % des compétences acquises
                  {a.employer ? ` · ${a.employer.name}` : ''}
                </Text>
                <Text size="sm" c="dimmed">
                  {a.nextDeadline ? `Prochaine échéance : ${DEADLINE_LABELS[a.nextDeadline.kind]} le ${formatDate(a.nextDeadline.dueOn)}${a.nextDeadline.overdue ? ' (en retard)' : ''}` : 'Aucune échéance proche'}
                  {a.lastEntryDate ? ` · dernière saisie du tuteur le ${formatDate(a.lastEntryDate)}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      {view.deadlines.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="xs">
            Échéances
          </Title>
          <List>
            {view.deadlines.map((d) => (
              <List.Item key={`${d.kind}-${d.dueOn}`}>
                {formatDate(d.dueOn)} : {DEADLINE_LABELS[d.kind]}
                {d.overdue ? ' (en retard)' : ''}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}

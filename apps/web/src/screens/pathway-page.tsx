import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/problem';
import { formatDate, fullName } from '../ui/format';
import { PATHWAY_STATE_LABELS, STATE_COLORS } from '../ui/labels';
import { Empty, ErrorState, Loading } from '../ui/states';

/** A pathway's header: who, which certification, which step. */
export function PathwayPage() {
  const { pathwayId } = useParams({ from: '/app/parcours/$pathwayId' });
  const pathway = useQuery({
    queryKey: ['pathways', 'one', pathwayId],
    queryFn: () => unwrap(api.GET('/api/v1/pathways/{id}', { params: { path: { id: pathwayId } } })),
  });

  if (pathway.isPending) return <Loading label="Chargement du parcours…" />;
  if (pathway.isError) {
    return pathway.error instanceof ApiError && (pathway.error.status === 404 || pathway.error.status === 400) ? (
      <Empty title="Parcours introuvable">Il n’existe pas ou vous n’y avez pas accès.</Empty>
    ) : (
      <ErrorState error={pathway.error} onRetry={() => void pathway.refetch()} />
    );
  }
  const p = pathway.data;
  return (
    <Stack>
      <Anchor size="sm" renderRoot={(props) => <Link to="/parcours" {...props} />}>
        ← Tous les parcours
      </Anchor>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={1}>{fullName(p.candidate)}</Title>
            <Text>
              {p.certification.title} ({p.certification.code})
            </Text>
            <Text size="sm" c="dimmed">
              Parcours ouvert le {formatDate(p.createdAt)}
            </Text>
          </div>
          <Badge size="lg" color={STATE_COLORS[p.state]} styles={{ label: { textTransform: 'none' } }}>
            {PATHWAY_STATE_LABELS[p.state]}
          </Badge>
        </Group>
      </Paper>
    </Stack>
  );
}

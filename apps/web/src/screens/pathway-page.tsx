import { Alert, Anchor, Badge, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Permission, type PathwayView } from '@jalon/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/problem';
import { can, useSession } from '../auth/session';
import { ContractSection, CoverageSection, DocumentsSection, RemindersSection, TimelineSection, VaeRecordsSection } from '../pathway/pathway-sections';
import { AssignmentDialog } from '../pathway/assignment-dialog';
import { TransitionActions } from '../pathway/transition-actions';
import { useStaffName } from '../ui/record-selects';
import { formatDate, fullName } from '../ui/format';
import { PATHWAY_STATE_LABELS, STATE_COLORS } from '../ui/labels';
import { Empty, ErrorState, Loading } from '../ui/states';

/** One pathway: its step and the actions allowed now, then everything about it. */
export function PathwayPage() {
  const { pathwayId } = useParams({ from: '/app/parcours/$pathwayId' });
  const { session } = useSession();
  const [warnings, setWarnings] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [assigned, setAssigned] = useState(false);
  const staffView = can(session, Permission.PathwaysManage);
  const pathway = useQuery({
    queryKey: ['pathways', 'one', pathwayId],
    queryFn: () => unwrap(api.GET('/api/v1/pathways/{id}', { params: { path: { id: pathwayId } } })),
  });
  const coverage = useQuery({ queryKey: ['pathways', 'coverage', pathwayId], queryFn: () => unwrap(api.GET('/api/v1/pathways/{id}/coverage', { params: { path: { id: pathwayId } } })) });

  if (pathway.isPending) return <Loading label="Chargement du parcours…" />;
  if (pathway.isError) {
    return pathway.error instanceof ApiError && (pathway.error.status === 404 || pathway.error.status === 400) ? (
      <Empty title="Parcours introuvable">Il n’existe pas ou vous n’y avez pas accès.</Empty>
    ) : (
      <ErrorState error={pathway.error} onRetry={() => void pathway.refetch()} />
    );
  }
  const p = pathway.data;
  const jury = p.jurySessions.find((j) => j.isActive);
  return (
    <Stack>
      <Anchor size="sm" renderRoot={(props) => <Link to="/parcours" {...props} />}>
        ← Tous les parcours
      </Anchor>
      <Paper withBorder p="md" component="header">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={1}>{fullName(p.candidate)}</Title>
              <Text>
                {p.certification.title} ({p.certification.code})
                {p.targetBlocCodes.length > 0 ? ` – blocs ${p.targetBlocCodes.join(', ')}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                Parcours ouvert le {formatDate(p.createdAt)}
                {jury ? ` · jury le ${formatDate(jury.date)}${jury.place ? `, ${jury.place}` : ''}` : ''}
              </Text>
              {staffView && (
                <Assignment
                  pathway={p}
                  onEdit={() => {
                    setAssigned(false);
                    setAssigning(true);
                  }}
                />
              )}
            </div>
            <Badge size="lg" color={STATE_COLORS[p.state]} styles={{ label: { textTransform: 'none' } }}>
              {PATHWAY_STATE_LABELS[p.state]}
            </Badge>
          </Group>
          {can(session, Permission.PathwaysTransition) && (
            <TransitionActions pathway={p} blocCodes={coverage.data?.blocs.map((b) => b.code) ?? p.targetBlocCodes} onWarnings={setWarnings} />
          )}
          {assigned && (
            <Alert color="teal.9" variant="outline" role="status" title="C’est fait" withCloseButton closeButtonLabel="Fermer" onClose={() => setAssigned(false)}>
              La promotion et le ou la référent·e du parcours sont enregistrés.
            </Alert>
          )}
          {warnings.length > 0 && (
            <Alert color="yellow" title="Action enregistrée, à vérifier" withCloseButton closeButtonLabel="Fermer" onClose={() => setWarnings([])}>
              <List size="sm">
                {warnings.map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      </Paper>
      {assigning && (
        <AssignmentDialog
          pathway={p}
          onClose={() => setAssigning(false)}
          onSaved={() => {
            setAssigning(false);
            setAssigned(true);
          }}
        />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TimelineSection pathwayId={p.id} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <ContractSection pathway={p} />
            <VaeRecordsSection pathway={p} />
            <CoverageSection pathwayId={p.id} />
            <DocumentsSection pathwayId={p.id} />
            {can(session, Permission.RemindersRead) && <RemindersSection pathwayId={p.id} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The pathway's cohort and referent coordinator, by name, with the button that changes them. */
function Assignment({ pathway, onEdit }: { pathway: PathwayView; onEdit: () => void }) {
  const cohortId = pathway.cohortId;
  const cohort = useQuery({
    queryKey: ['cohorts', 'one', cohortId],
    queryFn: () => unwrap(api.GET('/api/v1/cohorts/{id}', { params: { path: { id: cohortId! } } })),
    enabled: cohortId !== null,
  });
  const staffName = useStaffName();
  return (
    <Group gap="xs" mt={4}>
      <Text size="sm">
        Promotion : {cohortId ? (cohort.data?.name ?? (cohort.isError ? '—' : '…')) : 'aucune'} · Référent·e : {pathway.referentCoordinatorId ? (staffName(pathway.referentCoordinatorId) ?? '—') : 'personne'}
      </Text>
      <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label="Modifier la promotion et le ou la référent·e">
        Modifier
      </Button>
    </Group>
  );
}

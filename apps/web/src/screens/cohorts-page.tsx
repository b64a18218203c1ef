import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { CreateCohortRequest, UpdateCohortRequest, type CohortView, type CreateCohortInput, type UpdateCohortInput } from '@jalon/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { useSession } from '../auth/session';
import { CertificationSelect, useCertifications } from '../ui/certification-select';
import { FormDialog } from '../ui/form-dialog';
import { filled } from '../ui/form-values';
import { formatDate, plural } from '../ui/format';
import { PageNav } from '../ui/page-nav';
import { ReferentSelect, useStaffName } from '../ui/record-selects';
import { Empty, FormOutcome, ListResult } from '../ui/states';
import { useCreateForm } from '../ui/use-create-form';
import { useDialogForm } from '../ui/use-dialog-form';
import { useZodForm } from '../ui/use-zod-form';

const PAGE_SIZE = 20;

/** The GEIQ's cohorts (promotions), page by page, and a form to open one. */
export function CohortsPage() {
  const { session } = useSession();
  const [page, setPage] = useState(1);
  const cohorts = useQuery({
    queryKey: ['cohorts', 'list', page],
    queryFn: () => unwrap(api.GET('/api/v1/cohorts', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const certifications = useCertifications();
  const certificationOf = (id: string) => certifications.data?.items.find((c) => c.id === id);
  const staffName = useStaffName();
  /** Active staff only: a referent whose access was removed shows as none. */
  const referentName = (id: string | null) => (id && staffName(id)) || '—';
  const pages = cohorts.data ? Math.max(1, Math.ceil(cohorts.data.total / PAGE_SIZE)) : 1;
  const [editing, setEditing] = useState<CohortView | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <Stack>
      <Title order={1}>Promotions</Title>
      <CohortForm />
      {saved && (
        <Alert color="teal.9" variant="outline" role="status" title="C’est fait" withCloseButton closeButtonLabel="Fermer" onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      )}
      {editing && (
        <CohortDialog
          cohort={editing}
          onClose={() => setEditing(null)}
          onSaved={(cohort) => {
            setEditing(null);
            setSaved(`La promotion ${cohort.name} est modifiée.`);
          }}
        />
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="liste-promotions">
        <Title order={2} size="h3" id="liste-promotions" mb="sm">
          Promotions enregistrées
        </Title>
        <ListResult
          query={cohorts}
          loading="Chargement des promotions…"
          empty={<Empty title="Aucune promotion enregistrée">Ouvrez la première promotion avec le formulaire ci-dessus.</Empty>}
          count={(total) => plural(total, 'promotion', 'promotions')}
        >
          {(data) => (
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Promotion</Table.Th>
                    <Table.Th>Certification</Table.Th>
                    <Table.Th>Début</Table.Th>
                    <Table.Th>Référent·e</Table.Th>
                    <Table.Th>Parcours</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td fw={600}>
                        {c.name}
                        {session && c.referentCoordinatorId === session.user.id && (
                          <Text size="xs" c="dimmed">
                            Vous en êtes le ou la référent·e
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{certificationOf(c.certificationId)?.title ?? '—'}</Table.Td>
                      <Table.Td>{formatDate(c.startDate)}</Table.Td>
                      <Table.Td>{referentName(c.referentCoordinatorId)}</Table.Td>
                      <Table.Td>{c.pathwayCount}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`Modifier la promotion ${c.name}`}
                          onClick={() => {
                            setSaved(null);
                            setEditing(c);
                          }}
                        >
                          Modifier
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListResult>
        <PageNav page={page} pages={pages} onChange={setPage} mt="sm" />
      </Paper>
    </Stack>
  );
}

const EMPTY = { name: '', certificationId: '', startDate: '', referentCoordinatorId: '' };

function CohortForm() {
  const form = useZodForm(CreateCohortRequest, EMPTY, (values) => ({ ...filled(values), name: values['name'] }));
  const { submit, saved, failure, pending } = useCreateForm({
    form,
    empty: EMPTY,
    create: (body: CreateCohortInput) => unwrap(api.POST('/api/v1/cohorts', { body })),
    refresh: ['cohorts'],
    savedMessage: (cohort) => `La promotion ${cohort.name} est ouverte.`,
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="nouvelle-promotion">
      <Title order={2} size="h3" id="nouvelle-promotion" mb="sm">
        Nouvelle promotion
      </Title>
      <form onSubmit={submit} noValidate aria-label="Nouvelle promotion">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Nom de la promotion" required value={String(form.values['name'])} onChange={(e) => form.setField('name', e.currentTarget.value)} error={form.errors['name']} />
            <CertificationSelect value={String(form.values['certificationId'])} onChange={(id) => form.setField('certificationId', id)} error={form.errors['certificationId']} />
            <TextInput label="Date de début" type="date" required value={String(form.values['startDate'])} onChange={(e) => form.setField('startDate', e.currentTarget.value)} error={form.errors['startDate']} />
            <ReferentSelect value={String(form.values['referentCoordinatorId'])} onChange={(id) => form.setField('referentCoordinatorId', id)} error={form.errors['referentCoordinatorId']} />
          </SimpleGrid>
          <FormOutcome failure={failure} failureTitle="Promotion non enregistrée" success={saved} successTitle="C’est fait" />
          <Group>
            <Button type="submit" loading={pending}>
              Ouvrir la promotion
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const EDIT_FIELDS = ['name', 'certificationId', 'startDate', 'referentCoordinatorId'];

/** Corrects a cohort: its name, start and referent; its certification too while no pathway follows it. */
function CohortDialog({ cohort, onClose, onSaved }: { cohort: CohortView; onClose: () => void; onSaved: (cohort: CohortView) => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm(UpdateCohortRequest, { name: cohort.name, certificationId: cohort.certificationId, startDate: cohort.startDate, referentCoordinatorId: cohort.referentCoordinatorId ?? '' }, (values) => ({
    name: values['name'],
    startDate: values['startDate'],
    ...(cohort.pathwayCount === 0 ? { certificationId: values['certificationId'] || undefined } : {}),
    // Emptied: the cohort has no referent any more.
    referentCoordinatorId: values['referentCoordinatorId'] || null,
  }));
  const { submit, refusal, pending } = useDialogForm({
    form,
    isField: (path) => EDIT_FIELDS.includes(path),
    send: (body: UpdateCohortInput) => unwrap(api.PATCH('/api/v1/cohorts/{id}', { params: { path: { id: cohort.id } }, body })),
    onSent: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: ['cohorts'] });
      onSaved(updated);
    },
    refusedTitle: 'Promotion non modifiée',
  });
  return (
    <FormDialog title={`Modifier la promotion ${cohort.name}`} onClose={onClose} onSubmit={submit} refusal={refusal} pending={pending} submitLabel="Enregistrer">
      <TextInput label="Nom de la promotion" required value={String(form.values['name'])} onChange={(e) => form.setField('name', e.currentTarget.value)} error={form.errors['name']} />
      {cohort.pathwayCount === 0 ? (
        <CertificationSelect value={String(form.values['certificationId'])} onChange={(id) => form.setField('certificationId', id)} error={form.errors['certificationId']} />
      ) : (
        <Text size="sm">
          Certification : la promotion compte {plural(cohort.pathwayCount, 'parcours', 'parcours')}, elle ne peut plus en changer.
        </Text>
      )}
      <TextInput label="Date de début" type="date" required value={String(form.values['startDate'])} onChange={(e) => form.setField('startDate', e.currentTarget.value)} error={form.errors['startDate']} />
      <ReferentSelect value={String(form.values['referentCoordinatorId'])} onChange={(id) => form.setField('referentCoordinatorId', id)} error={form.errors['referentCoordinatorId']} />
    </FormDialog>
  );
}

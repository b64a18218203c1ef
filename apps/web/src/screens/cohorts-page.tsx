import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { CreateCohortRequest, type CreateCohortInput } from '@jalon/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { useSession } from '../auth/session';
import { CertificationSelect, useCertifications } from '../ui/certification-select';
import { filled } from '../ui/form-values';
import { formatDate, fullName, plural } from '../ui/format';
import { PageNav } from '../ui/page-nav';
import { ReferentSelect, useStaff } from '../ui/record-selects';
import { Empty, FormOutcome, ListResult } from '../ui/states';
import { useCreateForm } from '../ui/use-create-form';
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
  const staff = useStaff();
  /** Active staff only: a referent whose access was removed shows as none. */
  const referentName = (id: string | null) => {
    const referent = id ? staff.data?.items.find((m) => m.id === id) : undefined;
    return referent ? fullName(referent) : '—';
  };
  const pages = cohorts.data ? Math.max(1, Math.ceil(cohorts.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Title order={1}>Promotions</Title>
      <CohortForm />
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

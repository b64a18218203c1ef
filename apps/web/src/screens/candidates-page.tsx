import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden, type ComboboxItem } from '@mantine/core';
import { CreateCandidateRequest, type CreateCandidateInput } from '@jalon/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type React from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { NewPathwayDialog } from '../pathway/new-pathway-dialog';
import { filled } from '../ui/form-values';
import { formatDate, fullName, plural } from '../ui/format';
import { PageNav } from '../ui/page-nav';
import { Empty, ErrorState, FormOutcome, Loading } from '../ui/states';
import { useCreateForm } from '../ui/use-create-form';
import { useSearchedPages } from '../ui/use-searched-pages';
import { useZodForm } from '../ui/use-zod-form';

const PAGE_SIZE = 20;
const LEVELS = [
  { value: '0', label: 'Sans diplôme' },
  { value: '3', label: 'Niveau 3 (CAP, BEP)' },
  { value: '4', label: 'Niveau 4 (Bac)' },
  { value: '5', label: 'Niveau 5 (Bac +2)' },
  { value: '6', label: 'Niveau 6 (Licence, Bac +3)' },
  { value: '7', label: 'Niveau 7 (Master, Bac +5)' },
  { value: '8', label: 'Niveau 8 (Doctorat)' },
];
const levelLabel = (level: number) => LEVELS.find((l) => l.value === String(level))?.label ?? `Niveau ${level}`;

/** The people accompanied by the GEIQ: search by name (accents do not matter), page by page, and a form to add one. */
export function CandidatesPage() {
  const { typed, type, q, page, setPage } = useSearchedPages();
  const [opening, setOpening] = useState<ComboboxItem | null>(null);
  const candidates = useQuery({
    queryKey: ['candidates', 'list', q, page],
    queryFn: () => unwrap(api.GET('/api/v1/candidates', { params: { query: { q, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const pages = candidates.data ? Math.max(1, Math.ceil(candidates.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Title order={1}>Personnes accompagnées</Title>
      <CandidateForm />
      <Paper withBorder p="md" component="section" aria-labelledby="liste-personnes">
        <Title order={2} size="h3" id="liste-personnes" mb="sm">
          Fiches enregistrées
        </Title>
        <TextInput
          label="Rechercher une personne"
          placeholder="Nom ou prénom, avec ou sans accents"
          type="search"
          value={typed}
          onChange={(e) => type(e.currentTarget.value)}
          w={{ base: '100%', sm: 300 }}
          mb="sm"
        />
        {candidates.isPending ? (
          <Loading label="Chargement des fiches…" />
        ) : candidates.isError ? (
          <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} />
        ) : candidates.data.items.length === 0 ? (
          <Empty title={q ? 'Aucune personne ne correspond' : 'Aucune personne enregistrée'}>{q ? 'Essayez une autre orthographe.' : 'Ajoutez la première fiche avec le formulaire ci-dessus.'}</Empty>
        ) : (
          <>
            <Text fw={600} aria-live="polite" mb="xs">
              {plural(candidates.data.total, 'personne trouvée', 'personnes trouvées')}
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Nom</Table.Th>
                    <Table.Th>Date de naissance</Table.Th>
                    <Table.Th>Contact</Table.Th>
                    <Table.Th>Niveau de qualification</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {candidates.data.items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td fw={600}>{fullName(c)}</Table.Td>
                      <Table.Td>{formatDate(c.birthDate)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{c.email ?? '—'}</Text>
                        {c.phone && <Text size="sm">{c.phone}</Text>}
                      </Table.Td>
                      <Table.Td>{levelLabel(c.qualificationLevel)}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="default" onClick={() => setOpening({ value: c.id, label: fullName(c) })} aria-label={`Ouvrir un parcours pour ${fullName(c)}`}>
                          Ouvrir un parcours
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        <PageNav page={page} pages={pages} onChange={setPage} mt="sm" />
      </Paper>
      {opening && <NewPathwayDialog candidate={opening} onClose={() => setOpening(null)} />}
    </Stack>
  );
}

const EMPTY = { firstName: '', lastName: '', birthDate: '', email: '', phone: '', qualificationLevel: '0', highestQualification: '', prescriber: '' };

function CandidateForm() {
  const form = useZodForm(CreateCandidateRequest, EMPTY, (values) => ({
    ...filled(values),
    firstName: values['firstName'],
    lastName: values['lastName'],
    qualificationLevel: Number(values['qualificationLevel'] ?? 0),
  }));
  const { submit, saved, failure, pending } = useCreateForm({
    form,
    empty: EMPTY,
    create: (body: CreateCandidateInput) => unwrap(api.POST('/api/v1/candidates', { body })),
    refresh: ['candidates'],
    savedMessage: (candidate) => `Fiche de ${fullName(candidate)} enregistrée.`,
  });
  const text = (key: keyof typeof EMPTY) => ({ value: String(form.values[key] ?? ''), onChange: (e: React.ChangeEvent<HTMLInputElement>) => form.setField(key, e.currentTarget.value), error: form.errors[key] });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="nouvelle-personne">
      <Title order={2} size="h3" id="nouvelle-personne" mb="sm">
        Nouvelle personne accompagnée
      </Title>
      <form onSubmit={submit} noValidate aria-label="Nouvelle personne accompagnée">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Prénom" required autoComplete="off" {...text('firstName')} />
            <TextInput label="Nom" required autoComplete="off" {...text('lastName')} />
            <TextInput label="Date de naissance" type="date" required {...text('birthDate')} />
            <Select
              label="Niveau de qualification"
              data={LEVELS}
              value={String(form.values['qualificationLevel'] ?? '0')}
              onChange={(v) => form.setField('qualificationLevel', v ?? '0')}
              error={form.errors['qualificationLevel']}
              allowDeselect={false}
            />
            <TextInput label="Adresse e-mail" type="email" autoComplete="off" {...text('email')} />
            <TextInput label="Téléphone" type="tel" autoComplete="off" {...text('phone')} />
            <TextInput label="Diplôme le plus élevé" {...text('highestQualification')} />
            <TextInput label="Prescripteur" description="France Travail, mission locale, Cap emploi…" {...text('prescriber')} />
          </SimpleGrid>
          <FormOutcome failure={failure} failureTitle="Fiche non enregistrée" success={saved} successTitle="C’est fait" />
          <Group>
            <Button type="submit" loading={pending}>
              Enregistrer la fiche
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

import { Button, Fieldset, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { CreateEmployerRequest, type CreateEmployerInput } from '@jalon/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type React from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { filled } from '../ui/form-values';
import { plural } from '../ui/format';
import { PageNav } from '../ui/page-nav';
import { Empty, ErrorState, FormOutcome, Loading } from '../ui/states';
import { useCreateForm } from '../ui/use-create-form';
import { useSearchedPages } from '../ui/use-searched-pages';
import { useZodForm } from '../ui/use-zod-form';

const PAGE_SIZE = 20;
const formatSiret = (siret: string) => siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');

/** The member companies of the GEIQ: search by name (accents do not matter), page by page, and a form to add one. */
export function EmployersPage() {
  const { typed, type, q, page, setPage } = useSearchedPages();
  const employers = useQuery({
    queryKey: ['employers', 'list', q, page],
    queryFn: () => unwrap(api.GET('/api/v1/employers', { params: { query: { q, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const pages = employers.data ? Math.max(1, Math.ceil(employers.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Title order={1}>Entreprises adhérentes</Title>
      <EmployerForm />
      <Paper withBorder p="md" component="section" aria-labelledby="liste-entreprises">
        <Title order={2} size="h3" id="liste-entreprises" mb="sm">
          Entreprises enregistrées
        </Title>
        <TextInput
          label="Rechercher une entreprise"
          placeholder="Raison sociale, avec ou sans accents"
          type="search"
          value={typed}
          onChange={(e) => type(e.currentTarget.value)}
          w={{ base: '100%', sm: 300 }}
          mb="sm"
        />
        {employers.isPending ? (
          <Loading label="Chargement des entreprises…" />
        ) : employers.isError ? (
          <ErrorState error={employers.error} onRetry={() => void employers.refetch()} />
        ) : employers.data.items.length === 0 ? (
          <Empty title={q ? 'Aucune entreprise ne correspond' : 'Aucune entreprise enregistrée'}>{q ? 'Essayez une autre orthographe.' : 'Ajoutez la première entreprise avec le formulaire ci-dessus.'}</Empty>
        ) : (
          <>
            <Text fw={600} aria-live="polite" mb="xs">
              {plural(employers.data.total, 'entreprise trouvée', 'entreprises trouvées')}
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Raison sociale</Table.Th>
                    <Table.Th>SIRET</Table.Th>
                    <Table.Th>Ville</Table.Th>
                    <Table.Th>OPCO</Table.Th>
                    <Table.Th>Contact</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {employers.data.items.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td fw={600}>{e.name}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSiret(e.siret)}</Table.Td>
                      <Table.Td>{[e.postalCode, e.city].filter(Boolean).join(' ') || '—'}</Table.Td>
                      <Table.Td>{e.opco ?? '—'}</Table.Td>
                      <Table.Td>{e.contacts[0]?.name ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
        <PageNav page={page} pages={pages} onChange={setPage} mt="sm" />
      </Paper>
    </Stack>
  );
}

const EMPTY = { name: '', siret: '', nafCode: '', idcc: '', opco: '', addressLine: '', postalCode: '', city: '', contactName: '', contactRole: '', contactEmail: '', contactPhone: '' };
type Key = keyof typeof EMPTY;
/** The contact's fields, and where the API reports their problems. */
const CONTACT: Partial<Record<Key, string>> = { contactName: 'name', contactRole: 'role', contactEmail: 'email', contactPhone: 'phone' };

/** The company's fields, and its contact when one of their fields is filled in. */
function toRequest(values: Record<string, unknown>): Record<string, unknown> {
  const { contactName, contactRole, contactEmail, contactPhone, ...company } = values;
  const contact = filled({ name: contactName, role: contactRole, email: contactEmail, phone: contactPhone });
  return { ...filled(company), name: company['name'], siret: company['siret'], contacts: Object.keys(contact).length > 0 ? [{ name: '', ...contact }] : [] };
}

function EmployerForm() {
  const form = useZodForm(CreateEmployerRequest, EMPTY, toRequest);
  const { submit, saved, failure, pending } = useCreateForm({
    form,
    empty: EMPTY,
    create: (body: CreateEmployerInput) => unwrap(api.POST('/api/v1/employers', { body })),
    refresh: ['employers'],
    savedMessage: (employer) => `${employer.name} est enregistrée.`,
  });
  const errorOf = (key: Key) => (CONTACT[key] ? form.errors[`contacts.0.${CONTACT[key]}`] : form.errors[key]);
  const text = (key: Key) => ({ value: String(form.values[key] ?? ''), onChange: (e: React.ChangeEvent<HTMLInputElement>) => form.setField(key, e.currentTarget.value), error: errorOf(key) });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="nouvelle-entreprise">
      <Title order={2} size="h3" id="nouvelle-entreprise" mb="sm">
        Nouvelle entreprise adhérente
      </Title>
      <form onSubmit={submit} noValidate aria-label="Nouvelle entreprise adhérente">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Raison sociale" required autoComplete="off" {...text('name')} />
            <TextInput label="SIRET" required description="14 chiffres, espaces acceptés" inputMode="numeric" autoComplete="off" {...text('siret')} />
            <TextInput label="Code NAF" description="Ex. 25.62B" {...text('nafCode')} />
            <TextInput label="IDCC" description="Convention collective, 4 chiffres au plus" inputMode="numeric" {...text('idcc')} />
            <TextInput label="OPCO" {...text('opco')} />
            <TextInput label="Adresse" {...text('addressLine')} />
            <TextInput label="Code postal" inputMode="numeric" {...text('postalCode')} />
            <TextInput label="Ville" {...text('city')} />
          </SimpleGrid>
          <Fieldset legend="Contact dans l’entreprise (facultatif)">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Nom du contact" {...text('contactName')} />
              <TextInput label="Fonction" {...text('contactRole')} />
              <TextInput label="E-mail du contact" type="email" {...text('contactEmail')} />
              <TextInput label="Téléphone du contact" type="tel" {...text('contactPhone')} />
            </SimpleGrid>
          </Fieldset>
          <FormOutcome failure={failure} failureTitle="Entreprise non enregistrée" success={saved} successTitle="C’est fait" />
          <Group>
            <Button type="submit" loading={pending}>
              Enregistrer l’entreprise
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

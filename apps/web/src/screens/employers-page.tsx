import { Anchor, Paper, Stack, Table, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { EmployerForm } from '../employers/employer-form';
import { formatSiret, plural } from '../ui/format';
import { ListSection, usePagedList } from '../ui/paged-list';
import { useSearchedPages } from '../ui/use-searched-pages';

/** The member companies of the GEIQ: search by name (accents do not matter), page by page, each opening its record, and a form to add one. */
export function EmployersPage() {
  const search = useSearchedPages();
  const { q, page } = search;
  const employers = usePagedList(['employers', 'list', q], page, (p) => unwrap(api.GET('/api/v1/employers', { params: { query: { q, ...p } } })));

  return (
    <Stack>
      <Title order={1}>Entreprises adhérentes</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="nouvelle-entreprise">
        <Title order={2} size="h3" id="nouvelle-entreprise" mb="sm">
          Nouvelle entreprise adhérente
        </Title>
        <EmployerForm />
      </Paper>
      <ListSection
        id="liste-entreprises"
        title="Entreprises enregistrées"
        search={{ label: 'Rechercher une entreprise', placeholder: 'Raison sociale, avec ou sans accents', state: search }}
        page={search}
        list={employers}
        loading="Chargement des entreprises…"
        empty={q ? 'Aucune entreprise ne correspond' : 'Aucune entreprise enregistrée'}
        emptyHint={q ? 'Essayez une autre orthographe.' : 'Ajoutez la première entreprise avec le formulaire ci-dessus.'}
        count={(n) => plural(n, 'entreprise trouvée', 'entreprises trouvées')}
      >
        {(items) => (
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
              {items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor fw={600} renderRoot={(props) => <Link to="/entreprises/$employerId" params={{ employerId: e.id }} {...props} />}>
                      {e.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSiret(e.siret)}</Table.Td>
                  <Table.Td>{[e.postalCode, e.city].filter(Boolean).join(' ') || '—'}</Table.Td>
                  <Table.Td>{e.opco ?? '—'}</Table.Td>
                  <Table.Td>{e.contacts[0]?.name ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListSection>
    </Stack>
  );
}

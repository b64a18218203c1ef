import { Anchor, Button, Paper, Stack, Table, Text, Title, VisuallyHidden, type ComboboxItem } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { CandidateForm } from '../candidates/candidate-form';
import { NewPathwayDialog } from '../pathway/new-pathway-dialog';
import { formatDate, formatPhone, fullName, plural } from '../ui/format';
import { levelLabel } from '../ui/labels';
import { ListSection, usePagedList } from '../ui/paged-list';
import { useSearchedPages } from '../ui/use-searched-pages';

/** The people accompanied by the GEIQ: search by name (accents do not matter), page by page, each opening its record, and a form to add one. */
export function CandidatesPage() {
  const search = useSearchedPages();
  const { q, page } = search;
  const [opening, setOpening] = useState<ComboboxItem | null>(null);
  const candidates = usePagedList(['candidates', 'list', q], page, (p) => unwrap(api.GET('/api/v1/candidates', { params: { query: { q, ...p } } })));

  return (
    <Stack>
      <Title order={1}>Personnes accompagnées</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="nouvelle-personne">
        <Title order={2} size="h3" id="nouvelle-personne" mb="sm">
          Nouvelle personne accompagnée
        </Title>
        <CandidateForm />
      </Paper>
      <ListSection
        id="liste-personnes"
        title="Fiches enregistrées"
        search={{ label: 'Rechercher une personne', placeholder: 'Nom ou prénom, avec ou sans accents', state: search }}
        page={search}
        list={candidates}
        loading="Chargement des fiches…"
        empty={q ? 'Aucune personne ne correspond' : 'Aucune personne enregistrée'}
        emptyHint={q ? 'Essayez une autre orthographe.' : 'Ajoutez la première fiche avec le formulaire ci-dessus.'}
        count={(n) => plural(n, 'personne trouvée', 'personnes trouvées')}
      >
        {(items) => (
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
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor fw={600} renderRoot={(props) => <Link to="/personnes/$candidateId" params={{ candidateId: c.id }} {...props} />}>
                      {fullName(c)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(c.birthDate)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.email ?? '—'}</Text>
                    {c.phone && <Text size="sm">{formatPhone(c.phone)}</Text>}
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
        )}
      </ListSection>
      {opening && <NewPathwayDialog candidate={opening} onClose={() => setOpening(null)} />}
    </Stack>
  );
}

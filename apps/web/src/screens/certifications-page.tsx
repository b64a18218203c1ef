import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { plural } from '../ui/format';
import { CERTIFICATION_KIND_LABELS } from '../ui/labels';
import { ListSection, usePagedList } from '../ui/paged-list';
import { useSearchedPages } from '../ui/use-searched-pages';

/** The GEIQ's catalogue of certifications: search by title or code, page by page, each opening its blocs and competencies. */
export function CertificationsPage() {
  const search = useSearchedPages();
  const { q, page } = search;
  const certifications = usePagedList(['certifications', 'list', q], page, (p) => unwrap(api.GET('/api/v1/certifications', { params: { query: { q, ...p } } })));

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Certifications</Title>
        <Button renderRoot={(props) => <Link to="/certifications/nouvelle" {...props} />}>Nouvelle certification</Button>
      </Group>
      <ListSection
        id="liste-certifications"
        title="Catalogue du GEIQ"
        search={{ label: 'Rechercher une certification', placeholder: 'Intitulé ou code (ex. RNCP35190)', state: search }}
        page={search}
        list={certifications}
        loading="Chargement des certifications…"
        empty={q ? 'Aucune certification ne correspond' : 'Aucune certification enregistrée'}
        emptyHint={q ? 'Essayez un autre mot ou le code RNCP.' : 'Ajoutez la première avec le bouton « Nouvelle certification ».'}
        count={(n) => plural(n, 'certification trouvée', 'certifications trouvées')}
      >
        {(items) => (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Code</Table.Th>
                <Table.Th>Intitulé</Table.Th>
                <Table.Th>Niveau</Table.Th>
                <Table.Th>Blocs</Table.Th>
                <Table.Th>Parcours</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.code}</Table.Td>
                  <Table.Td>
                    <Anchor fw={600} renderRoot={(props) => <Link to="/certifications/$certificationId" params={{ certificationId: c.id }} {...props} />}>
                      {c.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {CERTIFICATION_KIND_LABELS[c.kind]} · {c.certifier}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.level ?? '—'}</Table.Td>
                  <Table.Td>{c.blocs.length}</Table.Td>
                  <Table.Td>{c.pathwayCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListSection>
    </Stack>
  );
}

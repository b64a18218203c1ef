import { Anchor, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { formatDate, fullName, plural } from './format';
import { ListSection, usePagedList } from './paged-list';
import { StateBadge } from './state-badge';

/**
 * The pathways of one person or one member company, each a link to its page:
 * a person's are named by their certification, a company's by their alternant.
 */
export function PathwayTable({ filter, title, empty }: { filter: { candidateId: string } | { employerId: string }; title: string; empty: string }) {
  const [page, setPage] = useState(1);
  const byCandidate = 'candidateId' in filter;
  const pathways = usePagedList(['pathways', 'list', filter], page, (p) =>
    unwrap(api.GET('/api/v1/pathways', { params: { query: { ...filter, ...p, sort: byCandidate ? '-createdAt' : 'candidate' } } })),
  );

  return (
    <ListSection
      id={byCandidate ? 'parcours-personne' : 'parcours-entreprise'}
      title={title}
      list={pathways}
      page={{ page, setPage }}
      loading="Chargement des parcours…"
      empty={empty}
      count={(n) => plural(n, 'parcours', 'parcours')}
    >
      {(items) => (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{byCandidate ? 'Certification' : 'Alternant·e'}</Table.Th>
              {!byCandidate && <Table.Th>Certification</Table.Th>}
              <Table.Th>Étape</Table.Th>
              <Table.Th>Mis à jour</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor fw={600} renderRoot={(props) => <Link to="/parcours/$pathwayId" params={{ pathwayId: p.id }} {...props} />}>
                    {byCandidate ? p.certification.title : fullName(p.candidate)}
                  </Anchor>
                  {byCandidate && (
                    <Text size="xs" c="dimmed">
                      {p.certification.code}
                    </Text>
                  )}
                </Table.Td>
                {!byCandidate && <Table.Td>{p.certification.title}</Table.Td>}
                <Table.Td>
                  <StateBadge state={p.state} />
                </Table.Td>
                <Table.Td>{formatDate(p.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </ListSection>
  );
}

import { Radio, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { fullName } from '../ui/format';
import { Empty, ErrorState, Loading } from '../ui/states';

/**
 * The tutor's alternants (from the home page's answer), as large radio cards
 * a thumb can hit. The only alternant is chosen already; `children` gets the
 * chosen pathway.
 */
export function AlternantPicker({ chosen, onChoose, children }: { chosen: string | undefined; onChoose: (pathwayId: string) => void; children: (pathwayId: string) => ReactNode }) {
  const home = useQuery({ queryKey: ['home'], queryFn: () => unwrap(api.GET('/api/v1/home')) });
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorState error={home.error} onRetry={() => void home.refetch()} />;
  const alternants = home.data.alternants;
  if (alternants.length === 0) {
    return <Empty title="Aucun alternant à suivre">Les alternant·es dont vous êtes tuteur ou tutrice apparaîtront ici.</Empty>;
  }
  const pathwayId = chosen ?? (alternants.length === 1 ? alternants[0]!.pathwayId : undefined);
  return (
    <>
      <Radio.Group label="Alternant·e" value={pathwayId ?? null} onChange={onChoose}>
        <Stack gap="xs" mt="xs">
          {alternants.map((a) => (
            <Radio.Card key={a.pathwayId} value={a.pathwayId} p="sm" radius="md" withBorder>
              <Radio.Indicator style={{ float: 'left', marginRight: 12 }} />
              <Text fw={600}>{fullName(a.candidate)}</Text>
              <Text size="sm" c="dimmed">
                {a.certification.title}
              </Text>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      {pathwayId && children(pathwayId)}
    </>
  );
}

import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { NOTIFICATIONS_KEY, useMarkRead } from '../app/notification-bell';
import { formatDateTime } from '../ui/format';
import { Empty, ErrorState, Loading } from '../ui/states';

export function NotificationsPage() {
  const pages = useInfiniteQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'all'],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 20, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const markRead = useMarkRead();
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Title order={1}>Notifications</Title>
      {pages.isPending ? (
        <Loading />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
      ) : items.length === 0 ? (
        <Empty title="Aucune notification">Les rappels et alertes de vos parcours apparaîtront ici.</Empty>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((n) => (
            <Paper key={n.id} withBorder p="sm" component="li">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Text fw={n.readAt ? 400 : 700}>
                    {n.link ? <Anchor renderRoot={(props) => <Link to={n.link!} {...props} />}>{n.title}</Anchor> : n.title}
                    {!n.readAt && <Text span size="xs" c="red.8"> · non lue</Text>}
                  </Text>
                  <Text size="sm">{n.body}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </div>
                {!n.readAt && (
                  <Button size="compact-sm" variant="light" onClick={() => markRead.mutate(n.id)} aria-label={`Marquer « ${n.title} » comme lue`}>
                    Marquer comme lue
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {pages.hasNextPage && (
        <Button variant="default" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          Afficher plus
        </Button>
      )}
    </Stack>
  );
}

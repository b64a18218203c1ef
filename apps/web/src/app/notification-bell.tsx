import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { formatDateTime } from '../ui/format';
import { BellIcon } from '../ui/icons';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** Marks one notification read; the bell's count and the lists follow. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

/** The bell of the header: unread count, the latest notifications, all marked read in one click. */
export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const queryClient = useQueryClient();
  const latest = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'latest'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 5 } } })),
    refetchInterval: 60_000,
  });
  const readAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
  const markRead = useMarkRead();
  const unread = latest.data?.unreadCount ?? 0;
  const label = unread === 0 ? 'Notifications : aucune non lue' : `Notifications : ${unread} non lue${unread > 1 ? 's' : ''}`;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" trapFocus>
      <Indicator label={unread > 99 ? '99+' : unread} disabled={unread === 0} size={18} color="red.8" offset={4}>
        <Popover.Target>
          <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setOpened((o) => !o)}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>Notifications</Text>
            {unread > 0 && (
              <Button size="compact-xs" variant="subtle" loading={readAll.isPending} onClick={() => readAll.mutate()}>
                Tout marquer comme lu
              </Button>
            )}
          </Group>
          <Divider />
          {latest.isPending ? (
            <Text size="sm" c="dimmed">
              Chargement…
            </Text>
          ) : latest.isError ? (
            <Text size="sm" c="red.8">
              Notifications indisponibles pour le moment.
            </Text>
          ) : latest.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              Aucune notification.
            </Text>
          ) : (
            latest.data.items.map((n) => (
              // A link to what it is about (or to all notifications); opening it marks it read.
              <Anchor
                key={n.id}
                c="inherit"
                underline="hover"
                display="block"
                renderRoot={(props) => <Link to={n.link ?? '/notifications'} {...props} />}
                onClick={() => {
                  setOpened(false);
                  if (!n.readAt) markRead.mutate(n.id);
                }}
              >
                <Text size="sm" fw={n.readAt ? 400 : 700}>
                  {n.title}
                  {!n.readAt && <VisuallyHidden> (non lue)</VisuallyHidden>}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt)}
                </Text>
              </Anchor>
            ))
          )}
          <Divider />
          <Anchor size="sm" renderRoot={(props) => <Link to="/notifications" {...props} />} onClick={() => setOpened(false)}>
            Voir toutes les notifications
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

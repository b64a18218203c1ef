import { AppShell, Burger, Button, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Permission, ROLE_LABELS } from '@jalon/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { messageOf } from '../api/problem';
import { can, logout, switchTenant, useSession, type SessionInfo } from '../auth/session';
import { fullName } from '../ui/format';
import { ChevronIcon } from '../ui/icons';
import { NotificationBell } from './notification-bell';
import { homeOf } from './router';

interface NavItem {
  to: '/tableau-de-bord' | '/parcours' | '/personnes' | '/entreprises' | '/promotions' | '/certifications' | '/accueil' | '/saisie' | '/afest' | '/invitations' | '/utilisateurs' | '/parametres/rappels' | '/notifications';
  label: string;
}

/** What each role finds in the menu (DESIGN.md §6). */
function navigation(session: SessionInfo): NavItem[] {
  if (can(session, Permission.DashboardRead)) {
    return [
      { to: '/tableau-de-bord', label: 'Tableau de bord' },
      { to: '/parcours', label: 'Parcours' },
      { to: '/personnes', label: 'Personnes accompagnées' },
      { to: '/entreprises', label: 'Entreprises adhérentes' },
      { to: '/promotions', label: 'Promotions' },
      { to: '/certifications', label: 'Certifications' },
      { to: '/invitations', label: 'Invitations' },
      ...(can(session, Permission.UsersManage) ? [{ to: '/utilisateurs' as const, label: 'Utilisateurs' }] : []),
      ...(can(session, Permission.SettingsManage) ? [{ to: '/parametres/rappels' as const, label: 'Réglages des rappels' }] : []),
      { to: '/notifications', label: 'Notifications' },
    ];
  }
  const pathways = session.role === 'CANDIDATE' ? 'Mon parcours' : 'Mes alternant·es';
  return [
    { to: '/accueil', label: 'Accueil' },
    ...(session.role === 'TUTOR'
      ? [
          { to: '/saisie' as const, label: 'Saisir un progrès' },
          { to: '/afest' as const, label: 'Cycles AFEST' },
        ]
      : []),
    { to: '/parcours', label: pathways },
    { to: '/notifications', label: 'Notifications' },
  ];
}

export function AppLayout() {
  const { session } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  if (!session) return null;

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#contenu" className="skip-link">
        Aller au contenu
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Fermer le menu' : 'Ouvrir le menu'} />
            <Text fw={800} size="lg" component={Link} to={homeOf(session.role)} c="blue.9" td="none">
              Jalon
            </Text>
            <TenantSwitcher session={session} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <UserMenu session={session} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigation principale" component="nav">
        {navigation(session).map((item) => (
          <NavLink
            key={item.to}
            label={item.label}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
            // Filled: white on the dark primary, readable also under the pointer (the light variant's hover tint is not).
            variant="filled"
            aria-current={pathname === item.to ? 'page' : undefined}
            onClick={close}
            renderRoot={(props) => <Link to={item.to} {...props} />}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="contenu" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

/** The GEIQ the session acts in; a menu when the person belongs to several. */
function TenantSwitcher({ session }: { session: SessionInfo }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const name = session.tenant?.name ?? 'Plateforme';
  if (session.memberships.length < 2) {
    return (
      <Text size="sm" c="dimmed" visibleFrom="xs" truncate maw={220}>
        {name}
      </Text>
    );
  }
  // A menu holds menu items only (ARIA): its heading is presentational (see the theme), a failure is said beside it.
  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={`GEIQ : ${name}. Changer de GEIQ`}>
            <Group gap={4} wrap="nowrap">
              <Text size="sm" truncate maw={200}>
                {name}
              </Text>
              <ChevronIcon />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label role="presentation">Changer de GEIQ</Menu.Label>
          {session.memberships.map((m) => (
            <Menu.Item
              key={m.tenant.id}
              disabled={m.tenant.id === session.tenant?.id}
              onClick={async () => {
                try {
                  const next = await switchTenant(m.tenant.slug);
                  queryClient.clear();
                  void navigate({ to: homeOf(next.role) });
                } catch (error) {
                  setFailure(messageOf(error));
                }
              }}
            >
              {m.tenant.name} — {ROLE_LABELS[m.role]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {failure && (
        <Text role="alert" size="sm" c="red.8">
          {failure}
        </Text>
      )}
    </>
  );
}

function UserMenu({ session }: { session: SessionInfo }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" rightSection={<ChevronIcon />} aria-label={`Mon compte : ${fullName(session.user)}`}>
          <Text size="sm" visibleFrom="sm">
            {fullName(session.user)}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label role="presentation">{ROLE_LABELS[session.role]}</Menu.Label>
        <Menu.Item
          onClick={async () => {
            await logout();
            queryClient.clear();
            void navigate({ to: '/connexion', search: {} });
          }}
        >
          Se déconnecter
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

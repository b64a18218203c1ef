import { Alert, Anchor, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ChangeMemberRoleRequest, Permission, ROLE_LABELS, TENANT_ROLES, type ChangeMemberRoleInput, type MemberStatus, type MemberView, type TenantRole } from '@jalon/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { messageOf, unwrap } from '../api/problem';
import { homeOf } from '../app/router';
import { can, currentSession, logout, refresh, useSession } from '../auth/session';
import { formatDateTime, fullName, plural } from '../ui/format';
import { PageNav } from '../ui/page-nav';
import { CandidateSelect, EmployerSelect } from '../ui/record-selects';
import { Empty, FormOutcome, ListResult } from '../ui/states';
import { StatusBadge } from '../ui/status-badge';
import { useCreateForm } from '../ui/use-create-form';
import { useSearchedPages } from '../ui/use-searched-pages';
import { useZodForm } from '../ui/use-zod-form';

const PAGE_SIZE = 20;
const ROLE_OPTIONS = TENANT_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const STATUS_OPTIONS: { value: MemberStatus; label: string }[] = [
  { value: 'ACTIVE', label: 'Accès actif' },
  { value: 'INACTIVE', label: 'Accès désactivé' },
];

/** The GEIQ's members for its administrator: who has access with which role; change a role, remove or give back access. */
export function UsersPage() {
  const { session } = useSession();
  const { typed, type, q, page, setPage } = useSearchedPages();
  const [role, setRole] = useState<TenantRole | undefined>();
  const [status, setStatus] = useState<MemberStatus | undefined>();
  const members = useQuery({
    queryKey: ['users', 'list', q, role, status, page],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { q, role, status, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<MemberView | null>(null);
  const [toggling, setToggling] = useState<MemberView | null>(null);
  const [done, setDone] = useState<ReactNode>(null);
  const pages = members.data ? Math.max(1, Math.ceil(members.data.total / PAGE_SIZE)) : 1;
  const filtered = !!(q || role || status);
  const isMe = (m: MemberView) => m.id === session?.user.id;
  /** A filter's choice (none when cleared) shows its results from the first page. */
  const filterBy =
    <T extends string>(set: (value: T | undefined) => void) =>
    (value: string | null) => {
      set((value as T | null) ?? undefined);
      setPage(1);
    };
  // The dialogs are unmounted when closed, so focus is given back here to the button that opened them.
  const trigger = useRef<HTMLElement | null>(null);
  const open = (dialog: (m: MemberView) => void, m: MemberView) => {
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDone(null);
    dialog(m);
  };
  const close = (dialog: (m: null) => void) => {
    dialog(null);
    setTimeout(() => trigger.current?.focus());
  };

  return (
    <Stack>
      <Title order={1}>Utilisateurs</Title>
      <Text>
        Les personnes qui ont accès à Jalon pour votre GEIQ. Pour en ajouter une, envoyez-lui une invitation depuis la page{' '}
        <Anchor renderRoot={(props) => <Link to="/invitations" {...props} />}>Invitations</Anchor>.
      </Text>
      <Paper withBorder p="md" component="section" aria-labelledby="liste-utilisateurs">
        <Title order={2} size="h3" id="liste-utilisateurs" mb="sm">
          Membres du GEIQ
        </Title>
        <Group align="flex-end" mb="sm">
          <TextInput label="Rechercher une personne" placeholder="Nom, prénom ou e-mail" type="search" value={typed} onChange={(e) => type(e.currentTarget.value)} w={{ base: '100%', sm: 280 }} />
          <Select
            label="Rôle"
            placeholder="Tous les rôles"
            data={ROLE_OPTIONS}
            value={role ?? null}
            onChange={filterBy<TenantRole>(setRole)}
            clearable
            w={{ base: '100%', sm: 240 }}
          />
          <Select
            label="Accès"
            placeholder="Actif ou désactivé"
            data={STATUS_OPTIONS}
            value={status ?? null}
            onChange={filterBy<MemberStatus>(setStatus)}
            clearable
            w={{ base: '100%', sm: 200 }}
          />
        </Group>
        <FormOutcome failure={null} failureTitle="" success={done} successTitle="C’est fait" />
        <ListResult
          query={members}
          loading="Chargement des utilisateurs…"
          empty={<Empty title={filtered ? 'Aucune personne ne correspond' : 'Aucun utilisateur'}>{filtered ? 'Essayez une autre orthographe ou un autre filtre.' : 'Invitez une première personne.'}</Empty>}
          count={(total) => plural(total, 'personne', 'personnes')}
        >
          {(data) => (
            <Table.ScrollContainer minWidth={820}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Nom</Table.Th>
                    <Table.Th>E-mail</Table.Th>
                    <Table.Th>Rôle</Table.Th>
                    <Table.Th>Accès</Table.Th>
                    <Table.Th>Dernière connexion</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td fw={600}>
                        {fullName(m)}
                        {isMe(m) && (
                          <Text span size="sm" c="dimmed" fw={400}>
                            {' '}
                            (vous)
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{m.email}</Table.Td>
                      <Table.Td>
                        {ROLE_LABELS[m.role]}
                        {m.employer && (
                          <Text size="sm" c="dimmed">
                            {m.employer.name}
                          </Text>
                        )}
                        {m.candidate && (
                          <Text size="sm" c="dimmed">
                            Fiche : {fullName(m.candidate)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge color={m.active ? 'teal.9' : 'gray.8'}>{m.active ? 'Actif' : 'Désactivé'}</StatusBadge>
                      </Table.Td>
                      <Table.Td>{m.lastSignInAt ? formatDateTime(m.lastSignInAt) : '—'}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button size="compact-sm" variant="default" onClick={() => open(setEditing, m)} aria-label={`Changer le rôle de ${fullName(m)}`}>
                            Changer le rôle
                          </Button>
                          <Button size="compact-sm" variant="default" onClick={() => open(setToggling, m)} aria-label={`${m.active ? 'Désactiver' : 'Réactiver'} l’accès de ${fullName(m)}`}>
                            {m.active ? 'Désactiver' : 'Réactiver'}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListResult>
        <PageNav page={page} pages={pages} onChange={setPage} mt="sm" />
      </Paper>
      {editing && <RoleDialog member={editing} isMe={isMe(editing)} onClose={() => close(setEditing)} onDone={setDone} />}
      {toggling && <AccessDialog member={toggling} isMe={isMe(toggling)} tenantName={session?.tenant?.name ?? 'votre GEIQ'} onClose={() => close(setToggling)} onDone={setDone} />}
    </Stack>
  );
}

interface DialogProps {
  member: MemberView;
  isMe: boolean;
  onClose: () => void;
  onDone: (message: ReactNode) => void;
}

/** After a change to one's own membership, the session follows it: a new role, or no access any more. */
function useAfterOwnChange() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (signedOut: boolean) => {
    if (signedOut) {
      await logout();
      queryClient.clear();
      void navigate({ to: '/connexion', search: {} });
      return;
    }
    await refresh();
    const { session } = currentSession();
    if (session && !can(session, Permission.UsersManage)) void navigate({ to: homeOf(session.role) });
  };
}

function RoleDialog({ member, isMe, onClose, onDone }: DialogProps) {
  const afterOwnChange = useAfterOwnChange();
  const form = useZodForm(ChangeMemberRoleRequest, { role: member.role, employerId: member.employer?.id ?? '', candidateId: member.candidate?.id ?? '' }, (values) => ({
    role: values['role'],
    // Only the record the chosen role uses is sent.
    employerId: values['role'] === 'EMPLOYER' || values['role'] === 'TUTOR' ? values['employerId'] || undefined : undefined,
    candidateId: values['role'] === 'CANDIDATE' ? values['candidateId'] || undefined : undefined,
  }));
  const role = form.values['role'] as TenantRole;
  const needsEmployer = role === 'EMPLOYER' || role === 'TUTOR';
  const { submit, failure, pending } = useCreateForm({
    form,
    empty: {},
    create: (body: ChangeMemberRoleInput) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: member.id } }, body })),
    refresh: ['users'],
    savedMessage: (changed) => `${fullName(changed)} a maintenant le rôle « ${ROLE_LABELS[changed.role]} ».`,
    onSaved: async (_changed, message) => {
      onDone(message);
      onClose();
      if (isMe) await afterOwnChange(false);
    },
  });

  return (
    <Modal opened onClose={onClose} title={`Changer le rôle de ${fullName(member)}`} centered>
      <form onSubmit={submit} noValidate aria-label={`Changer le rôle de ${fullName(member)}`}>
        <Stack>
          <Select label="Rôle" required data={ROLE_OPTIONS} value={role} onChange={(v) => v && form.setField('role', v)} allowDeselect={false} error={form.errors['role']} />
          {needsEmployer && (
            <EmployerSelect
              required={role === 'EMPLOYER'}
              value={form.values['employerId'] as string}
              onChange={(id) => form.setField('employerId', id)}
              initial={member.employer ? { value: member.employer.id, label: member.employer.name } : undefined}
              error={form.errors['employerId']}
            />
          )}
          {role === 'CANDIDATE' && (
            <CandidateSelect
              value={form.values['candidateId'] as string}
              onChange={(id) => form.setField('candidateId', id)}
              initial={member.candidate ? { value: member.candidate.id, label: fullName(member.candidate) } : undefined}
              error={form.errors['candidateId']}
            />
          )}
          {isMe && role !== 'TENANT_ADMIN' && (
            <Alert color="red.9" variant="outline" title="Attention">
              Vous ne pourrez plus gérer les utilisateurs ni les réglages du GEIQ.
            </Alert>
          )}
          <FormOutcome failure={failure} failureTitle="Rôle non modifié" success={null} successTitle="" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={pending}>
              Enregistrer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Asks before removing or giving back someone's access. */
function AccessDialog({ member, isMe, tenantName, onClose, onDone }: DialogProps & { tenantName: string }) {
  const queryClient = useQueryClient();
  const afterOwnChange = useAfterOwnChange();
  const name = fullName(member);
  const deactivating = member.active;
  const [failure, setFailure] = useState<string | null>(null);
  const toggle = useMutation({
    mutationFn: () =>
      unwrap(deactivating ? api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id: member.id } } }) : api.POST('/api/v1/users/{id}/reactivate', { params: { path: { id: member.id } } })),
    onSuccess: async () => {
      onDone(deactivating ? `L’accès de ${name} est désactivé.` : `L’accès de ${name} est réactivé.`);
      onClose();
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      if (isMe) await afterOwnChange(true);
    },
    onError: (error) => setFailure(messageOf(error)),
  });
  const title = deactivating ? `Désactiver l’accès de ${name} ?` : `Réactiver l’accès de ${name} ?`;

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <Stack>
        {deactivating ? (
          <Text>
            {isMe
              ? `Vous ne pourrez plus vous connecter à ${tenantName} et serez déconnecté·e tout de suite. Un autre administrateur pourra réactiver votre accès.`
              : `${name} ne pourra plus se connecter à ${tenantName} et sera déconnecté·e d’ici quelques minutes au plus tard. Son historique (parcours, saisies, documents) est conservé, et vous pourrez réactiver cet accès à tout moment.`}
          </Text>
        ) : (
          <Text>
            {name} pourra de nouveau se connecter à {tenantName}, avec le rôle « {ROLE_LABELS[member.role]} ».
          </Text>
        )}
        <FormOutcome failure={failure} failureTitle={deactivating ? 'Accès non désactivé' : 'Accès non réactivé'} success={null} successTitle="" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button color={deactivating ? 'red.9' : undefined} loading={toggle.isPending} onClick={() => toggle.mutate()}>
            {deactivating ? 'Désactiver l’accès' : 'Réactiver l’accès'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

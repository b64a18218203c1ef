import { Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { CreateInvitationRequest, invitableRoles, ROLE_LABELS, type InvitationStatus, type TenantRole } from '@jalon/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { messageOf, unwrap } from '../api/problem';
import { useSession } from '../auth/session';
import { formatDate } from '../ui/format';
import { PageNav } from '../ui/page-nav';
import { CandidateSelect, EmployerSelect } from '../ui/record-selects';
import { Empty, FormOutcome, ListResult } from '../ui/states';
import { StatusBadge } from '../ui/status-badge';
import { useZodForm } from '../ui/use-zod-form';

const STATUS_LABELS: Record<InvitationStatus, string> = { PENDING: 'En attente', ACCEPTED: 'Acceptée', EXPIRED: 'Expirée', REVOKED: 'Annulée' };
const STATUS_COLORS: Record<InvitationStatus, string> = { PENDING: 'blue.9', ACCEPTED: 'teal.9', EXPIRED: 'gray.8', REVOKED: 'gray.8' };
const PAGE_SIZE = 20;

/** Who is invited to the GEIQ, and a form to invite someone: the invitation e-mail carries the link to choose a password. */
export function InvitationsPage() {
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const invitations = useQuery({
    queryKey: ['invitations', page],
    queryFn: () => unwrap(api.GET('/api/v1/invitations', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/invitations/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['invitations'] }),
  });
  const pages = invitations.data ? Math.max(1, Math.ceil(invitations.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Title order={1}>Invitations</Title>
      <InvitationForm />
      <Paper withBorder p="md" component="section" aria-labelledby="invitations-envoyees">
        <Title order={2} size="h3" id="invitations-envoyees" mb="sm">
          Invitations envoyées
        </Title>
        <ListResult query={invitations} empty={<Empty title="Aucune invitation pour le moment" />}>
          {(data) => (
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>E-mail</Table.Th>
                    <Table.Th>Rôle</Table.Th>
                    <Table.Th>État</Table.Th>
                    <Table.Th>Valable jusqu’au</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>{i.email}</Table.Td>
                      <Table.Td>{ROLE_LABELS[i.role]}</Table.Td>
                      <Table.Td>
                        <StatusBadge color={STATUS_COLORS[i.status]}>{STATUS_LABELS[i.status]}</StatusBadge>
                      </Table.Td>
                      <Table.Td>{formatDate(i.expiresAt)}</Table.Td>
                      <Table.Td>
                        {i.status === 'PENDING' && (
                          <Button size="compact-sm" variant="default" loading={revoke.isPending && revoke.variables === i.id} onClick={() => revoke.mutate(i.id)} aria-label={`Annuler l’invitation de ${i.email}`}>
                            Annuler
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListResult>
        {revoke.isError && (
          <Text c="red.9" size="sm" role="alert">
            {messageOf(revoke.error)}
          </Text>
        )}
        <PageNav page={page} pages={pages} onChange={setPage} mt="sm" />
      </Paper>
    </Stack>
  );
}

function InvitationForm() {
  const { session } = useSession();
  const queryClient = useQueryClient();
  const roles = session ? invitableRoles(session.role) : [];
  const form = useZodForm(CreateInvitationRequest, { email: '', role: roles.includes('TUTOR') ? 'TUTOR' : (roles[0] ?? '') });
  const role = form.values['role'] as TenantRole | '';
  const needsEmployer = role === 'EMPLOYER' || role === 'TUTOR';
  const [sent, setSent] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (body: { email: string; role: TenantRole; employerId?: string; candidateId?: string }) => unwrap(api.POST('/api/v1/invitations', { body })),
    onSuccess: async (invitation) => {
      setSent(`Invitation envoyée à ${invitation.email}.`);
      // Ready for the next person: same role and company (several tutors of one company), but each alternant has her own record.
      form.setField('email', '');
      form.setField('candidateId', '');
      await queryClient.invalidateQueries({ queryKey: ['invitations'] });
    },
    onError: (error) => setFailure(messageOf(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    setFailure(null);
    const links = {
      employerId: needsEmployer ? (form.values['employerId'] as string | undefined) || undefined : undefined,
      candidateId: role === 'CANDIDATE' ? (form.values['candidateId'] as string | undefined) || undefined : undefined,
    };
    const input = form.validate(links);
    if (input) send.mutate(input);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="inviter">
      <Title order={2} size="h3" id="inviter" mb="sm">
        Inviter une personne
      </Title>
      <form onSubmit={submit} noValidate aria-label="Inviter une personne">
        <Stack gap="sm" maw={520}>
          <TextInput label="Adresse e-mail" type="email" required value={String(form.values['email'])} onChange={(e) => form.setField('email', e.currentTarget.value)} error={form.errors['email']} />
          <Select
            label="Rôle"
            required
            data={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            value={role || null}
            onChange={(v) => form.setField('role', v ?? '')}
            error={form.errors['role']}
          />
          {needsEmployer && (
            <EmployerSelect
              required={role === 'EMPLOYER'}
              value={form.values['employerId'] as string | undefined}
              onChange={(id) => form.setField('employerId', id)}
              error={form.errors['employerId']}
            />
          )}
          {role === 'CANDIDATE' && <CandidateSelect value={form.values['candidateId'] as string | undefined} onChange={(id) => form.setField('candidateId', id)} error={form.errors['candidateId']} />}
          <FormOutcome failure={failure} failureTitle="Invitation non envoyée" success={sent && `${sent} Le lien reçu par e-mail permet de choisir un mot de passe.`} successTitle="C’est fait" />
          <Group>
            <Button type="submit" loading={send.isPending}>
              Envoyer l’invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

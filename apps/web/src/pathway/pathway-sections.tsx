import { Anchor, Button, Checkbox, FileInput, Group, List, Paper, Progress, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { CreateCommentRequest, DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, DOCUMENT_KINDS_BY_ROLE, Permission, type DocumentKind, type PathwayView } from '@jalon/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api/client';
import { messageOf, problemOf, unwrap } from '../api/problem';
import { authorizedFetch, can, useSession } from '../auth/session';
import { formatDate, formatDateTime, fullName } from '../ui/format';
import { ADMISSIBILITY_DECISION_LABELS, EXIT_OUTCOME_LABELS, JURY_RESULT_LABELS, OPCO_DECISION_LABELS, REMINDER_KIND_LABELS, REMINDER_STATUS_LABELS } from '../ui/labels';
import { Empty, ErrorState, Loading } from '../ui/states';
import { ContractActions } from './contract-forms';
import { useZodForm } from '../ui/use-zod-form';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The contract (the latest) and where the alternant works, with whom; staff record and change them here. */
export function ContractSection({ pathway }: { pathway: PathwayView }) {
  const { session } = useSession();
  const contract = pathway.contracts.at(-1);
  const open = pathway.state !== 'CLOSED' && pathway.state !== 'WITHDRAWN';
  return (
    <Section title="Contrat et placement">
      {!contract ? (
        <Text c="dimmed">Aucun contrat enregistré.</Text>
      ) : (
        <Stack gap={4}>
          <Text>
            {contract.kind === 'VAE_INVERSEE' ? 'Contrat de professionnalisation VAE inversée' : 'Contrat de professionnalisation'}
            {contract.isRenewal ? ' (renouvellement)' : ''} du {formatDate(contract.startDate)} au {formatDate(contract.actualEndDate ?? contract.plannedEndDate)}
            {contract.actualEndDate ? ' (rompu)' : ''}
          </Text>
          {contract.trialEndDate && <Text size="sm">Fin de la période d’essai : {formatDate(contract.trialEndDate)}</Text>}
          <Text size="sm">
            {contract.opco ?? 'OPCO'} : {OPCO_DECISION_LABELS[contract.opcoDecision]}
            {contract.opcoFiledOn ? `, déposé le ${formatDate(contract.opcoFiledOn)}` : ', pas encore déposé'}
          </Text>
          <Text size="sm">
            Rémunération : {contract.payPercentOfSmic} % du SMIC{contract.weeklyHours ? `, ${String(contract.weeklyHours).replace('.', ',')} h par semaine` : ''}
          </Text>
          {contract.terminationReason && <Text size="sm">Motif de la rupture : {contract.terminationReason}</Text>}
        </Stack>
      )}
      {pathway.placements.length > 0 && (
        <List mt="sm" size="sm">
          {pathway.placements.map((p) => (
            <List.Item key={p.id}>
              {p.employer.name}, tuteur {fullName(p.tutor)}, depuis le {formatDate(p.startDate)}
              {p.endDate ? ` jusqu’au ${formatDate(p.endDate)}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {open && can(session, Permission.PathwaysManage) && <ContractActions pathway={pathway} />}
    </Section>
  );
}

/** The VAE file as it went: recevabilité requests, validation dossiers and juries, with their dates and outcomes. */
export function VaeRecordsSection({ pathway }: { pathway: PathwayView }) {
  const { admissibilities, validationDossiers, jurySessions } = pathway;
  const earlier = (isActive: boolean) => (isActive ? '' : ' (précédent)');
  return (
    <Section title="Démarches VAE">
      <Stack gap="sm">
        {admissibilities.length === 0 ? (
          <Text c="dimmed">Pas encore de demande de recevabilité.</Text>
        ) : (
          <VaeRecordList title="Recevabilité">
            {admissibilities.map((a) => (
              <List.Item key={a.id}>
                Demande n° {a.attempt}
                {a.blocsOnly ? ' (certains blocs)' : ''} déposée le {formatDate(a.submittedOn)}
                {earlier(a.isActive)}
                {a.completeOn ? `, complète le ${formatDate(a.completeOn)}` : ''}
                {a.decision ? ` · ${ADMISSIBILITY_DECISION_LABELS[a.decision] ?? a.decision}${a.decidedOn ? ` le ${formatDate(a.decidedOn)}` : ''}` : ' · en attente de décision'}
                {a.validUntil ? ` · valable jusqu’au ${formatDate(a.validUntil)}` : ''}
              </List.Item>
            ))}
          </VaeRecordList>
        )}
        {validationDossiers.length > 0 && (
          <VaeRecordList title="Dossier de validation">
            {validationDossiers.map((d) => (
              <List.Item key={d.id}>
                Dossier n° {d.attempt} déposé le {formatDate(d.submittedOn)}
                {earlier(d.isActive)}
                {d.returnedOn ? ` · renvoyé le ${formatDate(d.returnedOn)}${d.returnReason ? ` : ${d.returnReason}` : ''}` : ''}
              </List.Item>
            ))}
          </VaeRecordList>
        )}
        {jurySessions.length > 0 && (
          <VaeRecordList title="Jury">
            {jurySessions.map((j) => (
              <List.Item key={j.id}>
                Jury n° {j.attempt} le {formatDate(j.date)}
                {j.place ? `, ${j.place}` : ''}
                {earlier(j.isActive)}
                {j.result ? ` · ${JURY_RESULT_LABELS[j.result] ?? j.result}` : ' · résultat à saisir'}
                {j.blocResults.length > 0 && ` (${j.blocResults.map((b) => `${b.blocCode} ${b.acquired ? 'acquis' : 'non acquis'}`).join(', ')})`}
              </List.Item>
            ))}
          </VaeRecordList>
        )}
        {pathway.acquiredBlocCodes.length > 0 && <Text size="sm">Blocs acquis : {pathway.acquiredBlocCodes.join(', ')}</Text>}
        {pathway.exitOutcome && <Text size="sm">Sortie : {EXIT_OUTCOME_LABELS[pathway.exitOutcome] ?? pathway.exitOutcome}</Text>}
      </Stack>
    </Section>
  );
}

function VaeRecordList({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Title order={3} size="h5">
        {title}
      </Title>
      <List size="sm">{children}</List>
    </div>
  );
}

/** Share of each bloc's competencies acquired, from the tutors' entries. */
export function CoverageSection({ pathwayId }: { pathwayId: string }) {
  const coverage = useQuery({ queryKey: ['pathways', 'coverage', pathwayId], queryFn: () => unwrap(api.GET('/api/v1/pathways/{id}/coverage', { params: { path: { id: pathwayId } } })) });
  return (
    <Section title="Compétences acquises">
      {coverage.isPending ? (
        <Loading />
      ) : coverage.isError ? (
        <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : coverage.data.blocs.length === 0 ? (
        <Empty title="Aucun bloc de compétences" />
      ) : (
        <Stack gap="sm">
          {coverage.data.blocs.map((b) => (
            <div key={b.code}>
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={600}>
                  {b.code} – {b.title}
                </Text>
                <Text size="sm">
                  {b.acquired}/{b.competencies} acquises
                </Text>
              </Group>
              <Progress value={Math.round(b.acquiredShare * 100)} aria-label={`${b.code} : ${Math.round(b.acquiredShare * 100)} % des compétences acquises`} />
            </div>
          ))}
          <Text size="sm" c="dimmed">
            {coverage.data.lastEntryDate ? `Dernière saisie du tuteur : ${formatDate(coverage.data.lastEntryDate)}` : 'Aucune saisie du tuteur pour le moment.'}
          </Text>
        </Stack>
      )}
    </Section>
  );
}

export function DocumentsSection({ pathwayId }: { pathwayId: string }) {
  const { session } = useSession();
  const documents = useQuery({ queryKey: ['pathways', 'documents', pathwayId], queryFn: () => unwrap(api.GET('/api/v1/pathways/{id}/documents', { params: { path: { id: pathwayId } } })) });
  const [failure, setFailure] = useState<string | null>(null);
  const download = async (documentId: string, fileName: string) => {
    setFailure(null);
    const { data, response } = await api.GET('/api/v1/pathways/{id}/documents/{documentId}/content', { params: { path: { id: pathwayId, documentId } }, parseAs: 'blob' });
    if (!response.ok || !data) return setFailure('Le document n’a pas pu être téléchargé.');
    const url = URL.createObjectURL(data as Blob);
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Section title="Documents">
      {documents.isPending ? (
        <Loading />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.data.length === 0 ? (
        <Text c="dimmed">Aucun document déposé.</Text>
      ) : (
        <List size="sm">
          {documents.data.map((d) => (
            <List.Item key={d.id}>
              <Anchor component="button" type="button" size="sm" onClick={() => void download(d.id, d.fileName)}>
                {d.fileName}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {DOCUMENT_KIND_LABELS[d.kind]}, {formatDate(d.createdAt)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {failure && (
        <Text size="sm" c="red.8" role="alert">
          {failure}
        </Text>
      )}
      {session && can(session, Permission.DocumentsUpload) && <UploadForm pathwayId={pathwayId} role={session.role} />}
    </Section>
  );
}

/** Adds a document; each role chooses among the kinds it may file. */
function UploadForm({ pathwayId, role }: { pathwayId: string; role: string }) {
  const queryClient = useQueryClient();
  const allowed = DOCUMENT_KINDS_BY_ROLE[role] ?? [];
  const kinds = allowed === 'all' ? DOCUMENT_KINDS : allowed;
  const [kind, setKind] = useState<DocumentKind | null>(kinds.length === 1 ? kinds[0]! : null);
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const body = new FormData();
      // The API reads the kind before the file.
      body.append('kind', kind!);
      body.append('file', file!);
      const response = await authorizedFetch(new Request(`/api/v1/pathways/${pathwayId}/documents`, { method: 'POST', body }));
      if (!response.ok) throw await problemOf(response);
    },
    onSuccess: async () => {
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ['pathways', 'documents', pathwayId] });
      await queryClient.invalidateQueries({ queryKey: ['pathways', 'timeline', pathwayId] });
      // A required document (the livret 1) may open the next step.
      await queryClient.invalidateQueries({ queryKey: ['pathways', 'one', pathwayId] });
    },
    onError: (error) => setFailure(messageOf(error)),
  });
  if (kinds.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!kind) return setFailure('Choisissez le type de document.');
    if (!file) return setFailure('Choisissez un fichier.');
    upload.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Déposer un document">
      <Stack gap="xs" mt="md">
        {kinds.length > 1 && (
          <Select label="Type de document" data={kinds.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))} value={kind} onChange={(v) => setKind(v as DocumentKind | null)} />
        )}
        <FileInput
          label={kinds.length === 1 ? `Déposer : ${DOCUMENT_KIND_LABELS[kinds[0]!].toLowerCase()}` : 'Fichier'}
          description="PDF, PNG, JPEG, DOCX ou ODT, 20 Mo au plus"
          placeholder="Choisir un fichier"
          value={file}
          onChange={setFile}
          clearable
          clearButtonProps={{ 'aria-label': 'Retirer le fichier' }}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={upload.isPending}>
            Déposer
          </Button>
        </Group>
        {failure && (
          <Text size="sm" c="red.9" role="alert">
            {failure}
          </Text>
        )}
      </Stack>
    </form>
  );
}

export function RemindersSection({ pathwayId }: { pathwayId: string }) {
  const reminders = useQuery({ queryKey: ['pathways', 'reminders', pathwayId], queryFn: () => unwrap(api.GET('/api/v1/pathways/{id}/reminders', { params: { path: { id: pathwayId } } })) });
  return (
    <Section title="Rappels">
      {reminders.isPending ? (
        <Loading />
      ) : reminders.isError ? (
        <ErrorState error={reminders.error} onRetry={() => void reminders.refetch()} />
      ) : reminders.data.length === 0 ? (
        <Text c="dimmed">Aucun rappel prévu.</Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Rappel</Table.Th>
                <Table.Th>État</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reminders.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDate(r.dueAt)}</Table.Td>
                  <Table.Td>{REMINDER_KIND_LABELS[r.kind] ?? r.kind}</Table.Td>
                  <Table.Td>{REMINDER_STATUS_LABELS[r.status]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/** What happened, newest first, and a comment box for those who may comment. */
export function TimelineSection({ pathwayId }: { pathwayId: string }) {
  const { session } = useSession();
  const timeline = useInfiniteQuery({
    queryKey: ['pathways', 'timeline', pathwayId],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/pathways/{id}/timeline', { params: { path: { id: pathwayId }, query: { limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Section title="Historique et commentaires">
      <Stack>
        {can(session, Permission.CommentsWrite) && <CommentForm pathwayId={pathwayId} staff={can(session, Permission.PathwaysManage)} />}
        {timeline.isPending ? (
          <Loading />
        ) : timeline.isError ? (
          <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
        ) : items.length === 0 ? (
          <Text c="dimmed">Rien pour le moment.</Text>
        ) : (
          <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <li key={`${item.type}-${item.id}`}>
                <Text size="sm" fw={item.type === 'COMMENT' ? 400 : 600} style={{ whiteSpace: 'pre-wrap' }}>
                  {item.type === 'COMMENT' ? String(item.data['body'] ?? item.summary) : item.summary}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(item.at)}
                  {item.actor ? ` · ${fullName(item.actor)}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {timeline.hasNextPage && (
          <Button variant="default" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
            Afficher les événements plus anciens
          </Button>
        )}
      </Stack>
    </Section>
  );
}

function CommentForm({ pathwayId, staff }: { pathwayId: string; staff: boolean }) {
  const queryClient = useQueryClient();
  const form = useZodForm(CreateCommentRequest, { body: '', sharedWithCandidate: false });
  const [failure, setFailure] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (body: { body: string; sharedWithCandidate: boolean }) => unwrap(api.POST('/api/v1/pathways/{id}/comments', { params: { path: { id: pathwayId } }, body })),
    onSuccess: async () => {
      form.setField('body', '');
      await queryClient.invalidateQueries({ queryKey: ['pathways', 'timeline', pathwayId] });
    },
    onError: (error) => setFailure(messageOf(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = form.validate();
    if (input) send.mutate(input);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Ajouter un commentaire">
      <Stack gap="xs">
        <Textarea label="Commentaire" autosize minRows={2} value={String(form.values['body'])} onChange={(e) => form.setField('body', e.currentTarget.value)} error={form.errors['body']} />
        <Group justify="space-between">
          {staff ? (
            <Checkbox
              label="Visible par l’alternant·e"
              checked={form.values['sharedWithCandidate'] === true}
              onChange={(e) => form.setField('sharedWithCandidate', e.currentTarget.checked)}
            />
          ) : (
            <span />
          )}
          <Button type="submit" loading={send.isPending}>
            Publier
          </Button>
        </Group>
        {failure && (
          <Text size="sm" c="red.8" role="alert">
            {failure}
          </Text>
        )}
      </Stack>
    </form>
  );
}

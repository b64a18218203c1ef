import { Button, Card, NumberInput, Radio, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { CreateProgressEntryRequest, type CompetencyLevelValue } from '@jalon/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { messageOf, unwrap } from '../api/problem';
import { fullName, todayInParis } from '../ui/format';
import { Empty, ErrorState, FormOutcome, Loading } from '../ui/states';
import { useZodForm } from '../ui/use-zod-form';

const NOT_ASSESSED = 'NONE';
const LEVELS = [
  { value: NOT_ASSESSED, label: 'Aucun avis' },
  { value: 'NOT_STARTED', label: 'Non abordée' },
  { value: 'IN_PROGRESS', label: 'En cours' },
  { value: 'ACQUIRED', label: 'Acquise' },
];

/** The tutor's quick entry, made for a phone on the shop floor: which alternant, which competencies, one comment, save. */
export function ProgressEntryPage() {
  const { parcours } = useSearch({ from: '/app/saisie' });
  const navigate = useNavigate({ from: '/saisie' });
  const home = useQuery({ queryKey: ['home'], queryFn: () => unwrap(api.GET('/api/v1/home')) });

  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorState error={home.error} onRetry={() => void home.refetch()} />;
  const alternants = home.data.alternants;
  const chosen = parcours ?? (alternants.length === 1 ? alternants[0]!.pathwayId : undefined);
  return (
    <Stack maw={640}>
      <Title order={1}>Saisir un progrès</Title>
      {alternants.length === 0 ? (
        <Empty title="Aucun alternant à suivre">Les alternant·es dont vous êtes tuteur ou tutrice apparaîtront ici.</Empty>
      ) : (
        <Radio.Group label="Alternant·e" value={chosen ?? null} onChange={(id) => void navigate({ search: { parcours: id } })}>
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
      )}
      {chosen && <EntryForm key={chosen} pathwayId={chosen} />}
    </Stack>
  );
}

function EntryForm({ pathwayId }: { pathwayId: string }) {
  const queryClient = useQueryClient();
  const competencies = useQuery({
    queryKey: ['pathways', 'competencies', pathwayId],
    queryFn: async () => {
      const pathway = await unwrap(api.GET('/api/v1/pathways/{id}', { params: { path: { id: pathwayId } } }));
      const certification = await unwrap(api.GET('/api/v1/certifications/{id}', { params: { path: { id: pathway.certification.id } } }));
      const targets = new Set(pathway.targetBlocCodes);
      return certification.blocs.filter((b) => targets.size === 0 || targets.has(b.code));
    },
  });
  const form = useZodForm(CreateProgressEntryRequest, { date: todayInParis(), activity: '', hours: 7, comment: '' });
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (body: Parameters<typeof send>[0]) => send(body),
    onSuccess: async (entry) => {
      setSaved(`Saisie du ${new Date(`${entry.date}T12:00:00Z`).toLocaleDateString('fr-FR')} enregistrée (${entry.assessments.length} compétence${entry.assessments.length > 1 ? 's' : ''}).`);
      setLevels({});
      form.setField('activity', '');
      form.setField('comment', '');
      await queryClient.invalidateQueries({ queryKey: ['pathways'] });
      await queryClient.invalidateQueries({ queryKey: ['home'] });
    },
    onError: (error) => setFailure(messageOf(error)),
  });
  const send = (body: { date: string; activity: string; hours: number; comment?: string; assessments: { competencyId: string; level: CompetencyLevelValue }[]; attachmentIds: string[] }) =>
    unwrap(api.POST('/api/v1/pathways/{id}/progress-entries', { params: { path: { id: pathwayId } }, body }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const assessments = Object.entries(levels)
      .filter(([, level]) => level !== NOT_ASSESSED)
      .map(([competencyId, level]) => ({ competencyId, level }));
    const comment = String(form.values['comment'] ?? '').trim();
    const input = form.validate({ assessments, comment: comment || undefined });
    if (input) save.mutate(input);
  };

  if (competencies.isPending) return <Loading label="Chargement des compétences…" />;
  if (competencies.isError) return <ErrorState error={competencies.error} onRetry={() => void competencies.refetch()} />;
  return (
    <form onSubmit={submit} noValidate aria-label="Saisie du tuteur">
      <Stack>
        {competencies.data.map((bloc) => (
          <Card key={bloc.id} withBorder padding="sm" component="fieldset" style={{ margin: 0, minWidth: 0 }}>
            <Text component="legend" fw={700} size="sm" px={4}>
              {bloc.code} – {bloc.title}
            </Text>
            <Stack gap="sm">
              {bloc.competencies.map((c) => (
                <div key={c.id}>
                  <Text size="sm" mb={4} id={`competency-${c.id}`}>
                    {c.code} – {c.title}
                  </Text>
                  <SegmentedControl
                    fullWidth
                    size="xs"
                    data={LEVELS}
                    styles={{ label: { paddingInline: 4 } }}
                    aria-labelledby={`competency-${c.id}`}
                    value={levels[c.id] ?? NOT_ASSESSED}
                    onChange={(level) => setLevels((l) => ({ ...l, [c.id]: level }))}
                  />
                </div>
              ))}
            </Stack>
          </Card>
        ))}
        <TextInput type="date" label="Date" required value={String(form.values['date'])} onChange={(e) => form.setField('date', e.currentTarget.value)} error={form.errors['date']} />
        <Textarea
          label="Activité réalisée"
          required
          autosize
          minRows={2}
          value={String(form.values['activity'])}
          onChange={(e) => form.setField('activity', e.currentTarget.value)}
          error={form.errors['activity']}
        />
        <NumberInput label="Heures" required min={0.25} max={24} step={0.5} decimalSeparator="," value={Number(form.values['hours'])} onChange={(v) => form.setField('hours', typeof v === 'number' ? v : Number(v))} error={form.errors['hours']} />
        <Textarea label="Commentaire" autosize minRows={2} value={String(form.values['comment'] ?? '')} onChange={(e) => form.setField('comment', e.currentTarget.value)} error={form.errors['comment']} />
        {form.errors['assessments'] && (
          <Text c="red.9" size="sm" role="alert">
            {form.errors['assessments']}
          </Text>
        )}
        <FormOutcome failure={failure} failureTitle="Saisie non enregistrée" success={saved} successTitle="C’est noté" />
        <Button type="submit" size="md" loading={save.isPending} fullWidth>
          Enregistrer la saisie
        </Button>
      </Stack>
    </form>
  );
}

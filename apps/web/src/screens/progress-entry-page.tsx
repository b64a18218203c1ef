import { Button, NumberInput, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { CreateProgressEntryRequest, type CompetencyLevelValue } from '@jalon/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { messageOf, unwrap } from '../api/problem';
import { AlternantPicker } from '../tutor/alternant-picker';
import { assessmentsOf, CompetencyLevelPicker } from '../tutor/competency-levels';
import { usePathwayBlocs } from '../tutor/use-pathway-blocs';
import { todayInParis } from '../ui/format';
import { ErrorState, FormOutcome, Loading } from '../ui/states';
import { useZodForm } from '../ui/use-zod-form';

/** The tutor's quick entry, made for a phone on the shop floor: which alternant, which competencies, one comment, save. */
export function ProgressEntryPage() {
  const { parcours } = useSearch({ from: '/app/saisie' });
  const navigate = useNavigate({ from: '/saisie' });
  return (
    <Stack maw={640}>
      <Title order={1}>Saisir un progrès</Title>
      <AlternantPicker chosen={parcours} onChoose={(id) => void navigate({ search: { parcours: id } })}>
        {(pathwayId) => <EntryForm key={pathwayId} pathwayId={pathwayId} />}
      </AlternantPicker>
    </Stack>
  );
}

function EntryForm({ pathwayId }: { pathwayId: string }) {
  const queryClient = useQueryClient();
  const competencies = usePathwayBlocs(pathwayId);
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
    const assessments = assessmentsOf(levels);
    const comment = String(form.values['comment'] ?? '').trim();
    const input = form.validate({ assessments, comment: comment || undefined });
    if (input) save.mutate(input);
  };

  if (competencies.isPending) return <Loading label="Chargement des compétences…" />;
  if (competencies.isError) return <ErrorState error={competencies.error} onRetry={() => void competencies.refetch()} />;
  return (
    <form onSubmit={submit} noValidate aria-label="Saisie du tuteur">
      <Stack>
        <CompetencyLevelPicker blocs={competencies.data} levels={levels} onChange={setLevels} />
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

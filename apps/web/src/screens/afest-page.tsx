import { Badge, Button, Card, Checkbox, Group, List, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { AFEST_STEP_LABELS, AFEST_STEPS, CreateAfestCycleRequest, RecordAfestStepRequest, type AfestCycleView, type CreateAfestCycleInput, type RecordAfestStepInput } from '@jalon/contracts';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { AlternantPicker } from '../tutor/alternant-picker';
import { assessmentsOf, COMPETENCY_LEVEL_LABELS, CompetencyLevelPicker } from '../tutor/competency-levels';
import { usePathwayBlocs, type PathwayBloc } from '../tutor/use-pathway-blocs';
import { filled } from '../ui/form-values';
import { formatDate, todayInParis } from '../ui/format';
import { Empty, ErrorState, FormOutcome, Loading } from '../ui/states';
import { useCreateForm } from '../ui/use-create-form';
import { useZodForm } from '../ui/use-zod-form';


/**
 * The tutor's AFEST cycles (action de formation en situation de travail): each
 * opens with an analysis of the activity, then a mise en situation, a séquence
 * réflexive away from production, and an evaluation of the competencies worked.
 */
export function AfestPage() {
  const { parcours } = useSearch({ from: '/app/afest' });
  const navigate = useNavigate({ from: '/afest' });
  return (
    <Stack maw={720}>
      <Title order={1}>Cycles AFEST</Title>
      <Text c="dimmed">Analyse de l’activité, mise en situation, séquence réflexive hors production, puis évaluation : chaque étape se note une fois faite.</Text>
      <AlternantPicker chosen={parcours} onChoose={(id) => void navigate({ search: { parcours: id } })}>
        {(pathwayId) => <Cycles key={pathwayId} pathwayId={pathwayId} />}
      </AlternantPicker>
    </Stack>
  );
}

function Cycles({ pathwayId }: { pathwayId: string }) {
  const blocs = usePathwayBlocs(pathwayId);
  const cycles = useQuery({ queryKey: ['pathways', 'afest', pathwayId], queryFn: () => unwrap(api.GET('/api/v1/pathways/{id}/afest-cycles', { params: { path: { id: pathwayId } } })) });
  if (blocs.isPending || cycles.isPending) return <Loading label="Chargement des cycles…" />;
  if (blocs.isError) return <ErrorState error={blocs.error} onRetry={() => void blocs.refetch()} />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;
  // Cycles under way first, then the finished ones; the newest first in each.
  const ordered = [...cycles.data].sort((a, b) => Number(a.nextStep === null) - Number(b.nextStep === null) || b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack>
      <NewCycleForm pathwayId={pathwayId} blocs={blocs.data} />
      {ordered.length === 0 ? (
        <Empty title="Aucun cycle pour le moment">Ouvrez un cycle dès que l’analyse de l’activité est faite.</Empty>
      ) : (
        ordered.map((cycle) => <CycleCard key={cycle.id} pathwayId={pathwayId} cycle={cycle} blocs={blocs.data} />)
      )}
    </Stack>
  );
}

function NewCycleForm({ pathwayId, blocs }: { pathwayId: string; blocs: PathwayBloc[] }) {
  const [opened, setOpened] = useState(false);
  const [announced, setAnnounced] = useState<ReactNode>(null);
  const empty = { title: '', competencyIds: [] as string[], analysisOn: todayInParis(), analysisNotes: '' };
  const form = useZodForm(CreateAfestCycleRequest, empty, (values) => filled(values, ['analysisNotes']));
  const { submit, failure, pending } = useCreateForm<CreateAfestCycleInput, AfestCycleView>({
    form,
    empty,
    create: (body) => unwrap(api.POST('/api/v1/pathways/{id}/afest-cycles', { params: { path: { id: pathwayId } }, body })),
    refresh: ['pathways'],
    savedMessage: (cycle) => `Cycle « ${cycle.title} » ouvert. Prochaine étape : la mise en situation.`,
    onSaved: (_cycle, message) => {
      setAnnounced(message);
      setOpened(false);
    },
  });

  if (!opened) {
    return (
      <Stack gap="xs" align="flex-start">
        <FormOutcome failure={null} failureTitle="" success={announced} successTitle="C’est noté" />
        <Button
          onClick={() => {
            setAnnounced(null);
            setOpened(true);
          }}
        >
          Ouvrir un cycle
        </Button>
      </Stack>
    );
  }
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-label="Nouveau cycle AFEST">
      <Stack>
        <Title order={2} size="h4">
          Nouveau cycle : l’analyse de l’activité
        </Title>
        <TextInput label="Intitulé" required description="La situation de travail choisie, par exemple « Changement de série sur la presse 3 »" value={String(form.values['title'])} onChange={(e) => form.setField('title', e.currentTarget.value)} error={form.errors['title']} />
        <Checkbox.Group
          label="Compétences travaillées"
          required
          value={form.values['competencyIds'] as string[]}
          onChange={(ids) => form.setField('competencyIds', ids)}
          error={form.errors['competencyIds']}
        >
          <Stack gap={6} mt={6}>
            {blocs.map((bloc) => (
              <Stack key={bloc.id} gap={4}>
                <Text size="sm" fw={700}>
                  {bloc.code} – {bloc.title}
                </Text>
                {bloc.competencies.map((c) => (
                  <Checkbox key={c.id} value={c.id} label={`${c.code} – ${c.title}`} />
                ))}
              </Stack>
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput type="date" label="Analyse faite le" required value={String(form.values['analysisOn'])} onChange={(e) => form.setField('analysisOn', e.currentTarget.value)} error={form.errors['analysisOn']} />
        <Textarea label="Notes de l’analyse" autosize minRows={2} value={String(form.values['analysisNotes'])} onChange={(e) => form.setField('analysisNotes', e.currentTarget.value)} error={form.errors['analysisNotes']} />
        <FormOutcome failure={failure} failureTitle="Cycle non ouvert" success={null} successTitle="" />
        <Group>
          <Button type="submit" loading={pending}>
            Ouvrir le cycle
          </Button>
          <Button variant="default" onClick={() => setOpened(false)}>
            Fermer
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CycleCard({ pathwayId, cycle, blocs }: { pathwayId: string; cycle: AfestCycleView; blocs: PathwayBloc[] }) {
  const worked = new Set(cycle.competencyIds);
  const competencies = blocs.flatMap((b) => b.competencies).filter((c) => worked.has(c.id));
  const levels = new Map(cycle.assessments.map((a) => [a.competencyId, a.level]));
  const headingId = `cycle-${cycle.id}`;
  const [saved, setSaved] = useState<ReactNode>(null);
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={headingId}>
            {cycle.title}
          </Title>
          <Badge color={cycle.nextStep ? 'blue.9' : 'teal.9'}>{cycle.nextStep ? `À faire : ${AFEST_STEP_LABELS[cycle.nextStep]}` : 'Cycle terminé'}</Badge>
        </Group>
        <List size="sm" spacing={2} aria-label="Compétences travaillées">
          {competencies.map((c) => (
            <List.Item key={c.id}>
              {c.code} – {c.title}
              {levels.has(c.id) && <strong> : {COMPETENCY_LEVEL_LABELS[levels.get(c.id) as keyof typeof COMPETENCY_LEVEL_LABELS]}</strong>}
            </List.Item>
          ))}
        </List>
        <List component="ol" size="sm" spacing={4} aria-label="Étapes du cycle">
          {AFEST_STEPS.map((step) => {
            const done = cycle.steps[step];
            return (
              <List.Item key={step}>
                <Text size="sm" span fw={600}>
                  {AFEST_STEP_LABELS[step]}
                </Text>
                <Text size="sm" span c={done ? undefined : 'dimmed'}>
                  {done ? ` : le ${formatDate(done.date)}` : ' : à venir'}
                </Text>
                {done?.notes && (
                  <Text size="sm" c="dimmed">
                    {done.notes}
                  </Text>
                )}
              </List.Item>
            );
          })}
        </List>
        <FormOutcome failure={null} failureTitle="" success={saved} successTitle="C’est noté" />
        {cycle.nextStep && (
          <StepForm
            key={cycle.nextStep}
            pathwayId={pathwayId}
            cycle={cycle}
            step={cycle.nextStep}
            competencies={blocs.map((b) => ({ ...b, competencies: b.competencies.filter((c) => worked.has(c.id)) })).filter((b) => b.competencies.length > 0)}
            onSaved={setSaved}
          />
        )}
      </Stack>
    </Card>
  );
}

function StepForm({
  pathwayId,
  cycle,
  step,
  competencies,
  onSaved,
}: {
  pathwayId: string;
  cycle: AfestCycleView;
  step: NonNullable<AfestCycleView['nextStep']>;
  competencies: PathwayBloc[];
  onSaved: (message: ReactNode) => void;
}) {
  const [levels, setLevels] = useState<Record<string, string>>({});
  const form = useZodForm(RecordAfestStepRequest, { step, date: todayInParis(), notes: '' }, (values) => filled(step === 'EVALUATION' ? { ...values, assessments: assessmentsOf(levels) } : values, ['notes']));
  const { submit, failure, pending } = useCreateForm<RecordAfestStepInput, AfestCycleView>({
    form,
    empty: {},
    create: (body) => unwrap(api.POST('/api/v1/pathways/{id}/afest-cycles/{cycleId}/steps', { params: { path: { id: pathwayId, cycleId: cycle.id } }, body })),
    refresh: ['pathways'],
    savedMessage: (answer) => `${AFEST_STEP_LABELS[step]} enregistrée. ${answer.nextStep ? `Prochaine étape : ${AFEST_STEP_LABELS[answer.nextStep].toLowerCase()}.` : 'Le cycle est terminé.'}`,
    // The form goes with its step: the card says it.
    onSaved: (_answer, message) => onSaved(message),
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`Enregistrer : ${AFEST_STEP_LABELS[step]}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {AFEST_STEP_LABELS[step]}
        </Title>
        {step === 'EVALUATION' && <CompetencyLevelPicker nested blocs={competencies} levels={levels} onChange={setLevels} />}
        {form.errors['assessments'] && (
          <Text c="red.9" size="sm" role="alert">
            {form.errors['assessments']}
          </Text>
        )}
        <TextInput type="date" label="Faite le" required value={String(form.values['date'])} onChange={(e) => form.setField('date', e.currentTarget.value)} error={form.errors['date']} />
        <Textarea label="Notes" autosize minRows={2} value={String(form.values['notes'])} onChange={(e) => form.setField('notes', e.currentTarget.value)} error={form.errors['notes']} />
        {step === 'REFLECTION' && (
          <Checkbox
            label="La séquence s’est tenue en dehors de la production"
            checked={form.values['separateFromProduction'] === true}
            onChange={(e) => form.setField('separateFromProduction', e.currentTarget.checked)}
            error={form.errors['separateFromProduction']}
          />
        )}
        <FormOutcome failure={failure} failureTitle="Étape non enregistrée" success={null} successTitle="" />
        <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
          Enregistrer l’étape
        </Button>
      </Stack>
    </form>
  );
}

import { Alert, Button, Checkbox, Group, List, Modal, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ErrorCode, PATHWAY_ACTION_LABELS, TransitionRequest, type PathwayActionType, type PathwayView, type TransitionResponse } from '@jalon/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError, messageOf, unwrap } from '../api/problem';
import { ADMISSIBILITY_DECISION_LABELS, EXIT_OUTCOME_LABELS, JURY_RESULT_LABELS } from '../ui/labels';
import { useZodForm } from '../ui/use-zod-form';

type Field =
  | { name: string; label: string; kind: 'date' | 'text' | 'textarea'; optional?: boolean; help?: string }
  | { name: string; label: string; kind: 'select'; options: Record<string, string> }
  | { name: string; label: string; kind: 'checkbox' }
  | { name: string; label: string; kind: 'blocs'; when: (values: Record<string, unknown>) => boolean };

/** What each action of the VAE machine asks for (contracts' TransitionRequest), in French. */
const FIELDS: Record<PathwayActionType, Field[]> = {
  start: [],
  submitAdmissibility: [
    { name: 'submittedOn', label: 'Demande déposée le', kind: 'date' },
    { name: 'completeOn', label: 'Dossier complet le', kind: 'date', optional: true, help: 'Le délai de deux mois du certificateur court à partir de cette date.' },
  ],
  recordAdmissibility: [
    { name: 'decision', label: 'Réponse du certificateur', kind: 'select', options: ADMISSIBILITY_DECISION_LABELS },
    { name: 'decidedOn', label: 'Date de la réponse', kind: 'date' },
    { name: 'validUntil', label: 'Recevabilité valable jusqu’au', kind: 'date', optional: true },
    { name: 'completeOn', label: 'Dossier complet le', kind: 'date', optional: true },
  ],
  submitDossier: [{ name: 'submittedOn', label: 'Dossier déposé le', kind: 'date' }],
  returnDossier: [
    { name: 'returnedOn', label: 'Dossier retourné le', kind: 'date' },
    { name: 'reason', label: 'Motif du retour', kind: 'textarea' },
  ],
  scheduleJury: [
    { name: 'date', label: 'Date du jury', kind: 'date' },
    { name: 'place', label: 'Lieu', kind: 'text', optional: true },
  ],
  rescheduleJury: [
    { name: 'date', label: 'Nouvelle date du jury', kind: 'date' },
    { name: 'place', label: 'Lieu', kind: 'text', optional: true },
  ],
  recordJuryResult: [
    { name: 'result', label: 'Décision du jury', kind: 'select', options: JURY_RESULT_LABELS },
    { name: 'acquiredBlocCodes', label: 'Blocs validés', kind: 'blocs', when: (v) => v['result'] === 'PARTIAL' },
  ],
  resume: [],
  close: [{ name: 'exitOutcome', label: 'Situation à la sortie', kind: 'select', options: EXIT_OUTCOME_LABELS }],
  withdraw: [
    { name: 'date', label: 'Date de sortie', kind: 'date' },
    { name: 'reason', label: 'Motif', kind: 'textarea' },
    { name: 'inTrial', label: 'Pendant la période d’essai', kind: 'checkbox' },
  ],
};

const isAction = (action: string): action is PathwayActionType => action in FIELDS;

/** One button per action the API allows now; each opens its form. */
export function TransitionActions({ pathway, blocCodes, onWarnings }: { pathway: PathwayView; blocCodes: string[]; onWarnings: (warnings: string[]) => void }) {
  const [open, setOpen] = useState<PathwayActionType | null>(null);
  const actions = pathway.availableActions.filter(isAction);
  if (actions.length === 0) return null;
  return (
    <>
      <Group gap="xs" role="group" aria-label="Actions possibles">
        {actions.map((action) => (
          <Button key={action} variant={action === 'withdraw' ? 'default' : 'filled'} onClick={() => setOpen(action)}>
            {PATHWAY_ACTION_LABELS[action]}
          </Button>
        ))}
      </Group>
      {open && <TransitionForm key={open} action={open} pathway={pathway} blocCodes={blocCodes} onClose={() => setOpen(null)} onWarnings={onWarnings} />}
    </>
  );
}

function TransitionForm({
  action,
  pathway,
  blocCodes,
  onClose,
  onWarnings,
}: {
  action: PathwayActionType;
  pathway: PathwayView;
  blocCodes: string[];
  onClose: () => void;
  onWarnings: (warnings: string[]) => void;
}) {
  const queryClient = useQueryClient();
  const fields = FIELDS[action];
  const form = useZodForm(TransitionRequest, Object.fromEntries(fields.map((f) => [f.name, f.kind === 'checkbox' ? false : f.kind === 'blocs' ? [] : ''])));
  const [refusal, setRefusal] = useState<{ title: string; reasons: string[] } | null>(null);

  const send = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      unwrap(api.POST('/api/v1/pathways/{id}/transitions', { params: { path: { id: pathway.id } }, body: body as never })) as Promise<TransitionResponse>,
    onSuccess: async (answer) => {
      queryClient.setQueryData(['pathways', 'one', pathway.id], answer.pathway);
      await queryClient.invalidateQueries({ queryKey: ['pathways'] });
      onWarnings(answer.warnings.map((w) => w.message));
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === ErrorCode.VersionConflict) {
        void queryClient.invalidateQueries({ queryKey: ['pathways', 'one', pathway.id] });
        setRefusal({ title: 'Ce parcours vient d’être modifié', reasons: ['La page a été mise à jour : vérifiez l’étape actuelle puis recommencez.'] });
      } else if (error instanceof ApiError && error.code === ErrorCode.ValidationFailed) {
        form.setErrors(error.fieldErrors);
      } else if (error instanceof ApiError && error.problem?.errors?.length) {
        // A broken rule about one field is shown on it; the others above the form.
        const onField = (path: string) => fields.some((f) => f.name === path);
        form.setErrors(Object.fromEntries(error.problem.errors.filter((e) => onField(e.path)).map((e) => [e.path, e.message])));
        const others = error.problem.errors.filter((e) => !onField(e.path)).map((e) => e.message);
        setRefusal({ title: 'Action refusée', reasons: others.length ? others : ['Corrigez le champ signalé ci-dessous.'] });
      } else {
        setRefusal({ title: 'Action impossible', reasons: [messageOf(error)] });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    // Optional fields left empty are not sent.
    const filled = Object.fromEntries(Object.entries(form.values).filter(([name, v]) => v !== '' && fields.some((f) => f.name === name && (f.kind !== 'blocs' || f.when(form.values)))));
    const input = form.validate({ ...filled, action, expectedVersion: pathway.version });
    if (input) send.mutate(input);
  };

  return (
    <Modal opened onClose={onClose} title={PATHWAY_ACTION_LABELS[action]} centered size="lg">
      <form onSubmit={submit} noValidate aria-label={PATHWAY_ACTION_LABELS[action]}>
        <Stack>
          {refusal && (
            <Alert color="red" role="alert" title={refusal.title}>
              {refusal.reasons.length === 1 ? (
                <Text size="sm">{refusal.reasons[0]}</Text>
              ) : (
                <List size="sm">
                  {refusal.reasons.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          {fields.length === 0 && <Text>Confirmez-vous cette action ?</Text>}
          {fields.map((field) => (
            <FieldInput key={field.name} field={field} form={form} blocCodes={blocCodes} />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={send.isPending}>
              Valider
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function FieldInput({ field, form, blocCodes }: { field: Field; form: ReturnType<typeof useZodForm>; blocCodes: string[] }) {
  const error = form.errors[field.name];
  switch (field.kind) {
    case 'date':
    case 'text':
      return (
        <TextInput
          type={field.kind}
          label={field.label}
          description={field.help}
          required={!field.optional}
          value={String(form.values[field.name] ?? '')}
          onChange={(e) => form.setField(field.name, e.currentTarget.value)}
          error={error}
        />
      );
    case 'textarea':
      return <Textarea label={field.label} required autosize minRows={2} value={String(form.values[field.name] ?? '')} onChange={(e) => form.setField(field.name, e.currentTarget.value)} error={error} />;
    case 'select':
      return (
        <Select
          label={field.label}
          required
          data={Object.entries(field.options).map(([value, label]) => ({ value, label }))}
          value={(form.values[field.name] as string) || null}
          onChange={(v) => form.setField(field.name, v ?? '')}
          error={error}
        />
      );
    case 'checkbox':
      return <Checkbox label={field.label} checked={form.values[field.name] === true} onChange={(e) => form.setField(field.name, e.currentTarget.checked)} />;
    case 'blocs':
      return field.when(form.values) ? (
        <MultiSelect label={field.label} data={blocCodes} value={(form.values[field.name] as string[]) ?? []} onChange={(v) => form.setField(field.name, v)} error={error} />
      ) : null;
  }
}

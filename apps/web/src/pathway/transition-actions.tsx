import { Button, Group, List, Stack, Text } from '@mantine/core';
import { PATHWAY_ACTION_LABELS, TransitionRequest, type PathwayActionType, type PathwayView, type TransitionResponse } from '@jalon/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { FormDialog } from '../ui/form-dialog';
import { FieldInput, initialValues, shownValues, type Field } from '../ui/form-fields';
import { ADMISSIBILITY_DECISION_LABELS, EXIT_OUTCOME_LABELS, JURY_RESULT_LABELS } from '../ui/labels';
import { useDialogForm } from '../ui/use-dialog-form';
import { useZodForm } from '../ui/use-zod-form';
import { explainVersionConflict } from './version-conflict';

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
    { name: 'acquiredBlocCodes', label: 'Blocs validés', kind: 'multi', when: (v) => v['result'] === 'PARTIAL' },
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

/** One button per action the API allows now, each opening its form; then what the step still waits for. */
export function TransitionActions({ pathway, blocCodes, onWarnings }: { pathway: PathwayView; blocCodes: string[]; onWarnings: (warnings: string[]) => void }) {
  const [open, setOpen] = useState<PathwayActionType | null>(null);
  const actions = pathway.availableActions.filter(isAction);
  const heldBack = pathway.heldBackActions.filter((h) => isAction(h.action));
  return (
    <>
      {actions.length > 0 && (
        <Group gap="xs" role="group" aria-label="Actions possibles">
          {actions.map((action) => (
            <Button key={action} variant={action === 'withdraw' ? 'default' : 'filled'} onClick={() => setOpen(action)}>
              {PATHWAY_ACTION_LABELS[action]}
            </Button>
          ))}
        </Group>
      )}
      {heldBack.length > 0 && (
        <Stack gap={4} component="section" aria-labelledby="pas-encore-possible">
          <Text size="sm" fw={700} id="pas-encore-possible">
            Pas encore possible
          </Text>
          <List size="sm" spacing={4}>
            {heldBack.map((h) => (
              <List.Item key={h.action}>
                <Text span size="sm" fw={600}>
                  {PATHWAY_ACTION_LABELS[h.action as PathwayActionType]}
                </Text>{' '}
                : {h.reason}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
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
  // Optional fields left empty are not sent.
  const form = useZodForm(TransitionRequest, initialValues(fields), (values) => shownValues(fields, values));
  const { submit, refusal, pending } = useDialogForm({
    form,
    isField: (path) => fields.some((f) => f.name === path),
    send: (body: Record<string, unknown>) =>
      unwrap(api.POST('/api/v1/pathways/{id}/transitions', { params: { path: { id: pathway.id } }, body: body as never })) as Promise<TransitionResponse>,
    onSent: async (answer) => {
      queryClient.setQueryData(['pathways', 'one', pathway.id], answer.pathway);
      await queryClient.invalidateQueries({ queryKey: ['pathways'] });
      onWarnings(answer.warnings.map((w) => w.message));
      onClose();
    },
    refusedTitle: 'Action refusée',
    explain: explainVersionConflict(queryClient, pathway.id, 'vérifiez l’étape actuelle'),
  });

  return (
    <FormDialog
      title={PATHWAY_ACTION_LABELS[action]}
      onClose={onClose}
      onSubmit={(event) => submit(event, { action, expectedVersion: pathway.version })}
      refusal={refusal}
      pending={pending}
    >
      {fields.length === 0 && <Text>Confirmez-vous cette action ?</Text>}
      {fields.map((field) => (
        <FieldInput key={field.name} field={field} form={form} choices={blocCodes} />
      ))}
    </FormDialog>
  );
}

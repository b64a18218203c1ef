import { UpdatePathwayRequest, type PathwayView, type UpdatePathwayInput } from '@jalon/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { CertificationCohortSelect } from '../ui/cohort-select';
import { FormDialog } from '../ui/form-dialog';
import { ReferentSelect } from '../ui/record-selects';
import { useDialogForm } from '../ui/use-dialog-form';
import { useZodForm } from '../ui/use-zod-form';
import { explainVersionConflict } from './version-conflict';

const FIELDS = ['cohortId', 'referentCoordinatorId'];

/** Which cohort the pathway belongs to and who follows it; either can be emptied. */
export function AssignmentDialog({ pathway, onClose, onSaved }: { pathway: PathwayView; onClose: () => void; onSaved: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm(UpdatePathwayRequest, { cohortId: pathway.cohortId ?? '', referentCoordinatorId: pathway.referentCoordinatorId ?? '' }, (values) => ({
    cohortId: values['cohortId'] || null,
    referentCoordinatorId: values['referentCoordinatorId'] || null,
  }));
  const { submit, refusal, pending } = useDialogForm({
    form,
    isField: (path) => FIELDS.includes(path),
    send: (body: UpdatePathwayInput) => unwrap(api.PATCH('/api/v1/pathways/{id}', { params: { path: { id: pathway.id } }, body })),
    onSent: async (updated) => {
      queryClient.setQueryData(['pathways', 'one', pathway.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['pathways'] });
      await queryClient.invalidateQueries({ queryKey: ['cohorts'] });
      onSaved();
    },
    refusedTitle: 'Affectation non modifiée',
    explain: explainVersionConflict(queryClient, pathway.id, 'vérifiez'),
  });
  return (
    <FormDialog title="Promotion et référent·e" onClose={onClose} onSubmit={(event) => submit(event, { expectedVersion: pathway.version })} refusal={refusal} pending={pending} submitLabel="Enregistrer">
      <CertificationCohortSelect certificationId={pathway.certification.id} value={String(form.values['cohortId'])} onChange={(id) => form.setField('cohortId', id)} error={form.errors['cohortId']} />
      <ReferentSelect value={String(form.values['referentCoordinatorId'])} onChange={(id) => form.setField('referentCoordinatorId', id)} error={form.errors['referentCoordinatorId']} />
    </FormDialog>
  );
}

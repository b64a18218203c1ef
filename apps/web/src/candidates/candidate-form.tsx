import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CreateCandidateRequest, PUBLIC_CATEGORIES, UpdateCandidateRequest, type CandidateView, type CreateCandidateInput, type UpdateCandidateInput } from '@jalon/contracts';
import type { ReactNode } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { cleared, filled } from '../ui/form-values';
import { formatPhone, fullName } from '../ui/format';
import { PUBLIC_CATEGORY_LABELS, levelOptions } from '../ui/labels';
import { FormFooter } from '../ui/states';
import { useCreateForm } from '../ui/use-create-form';
import { useZodForm } from '../ui/use-zod-form';

const LEVELS = levelOptions([0, 3, 4, 5, 6, 7, 8]);
const CATEGORIES = PUBLIC_CATEGORIES.map((c) => ({ value: c, label: PUBLIC_CATEGORY_LABELS[c] }));

const EMPTY = { firstName: '', lastName: '', birthDate: '', email: '', phone: '', qualificationLevel: '0', publicCategory: '', highestQualification: '', prescriber: '' };

function valuesOf(c: CandidateView): typeof EMPTY {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    birthDate: c.birthDate,
    email: c.email ?? '',
    phone: c.phone ? formatPhone(c.phone) : '',
    qualificationLevel: String(c.qualificationLevel),
    publicCategory: c.publicCategory ?? '',
    highestQualification: c.highestQualification ?? '',
    prescriber: c.prescriber ?? '',
  };
}

/** The request: optional fields left empty are not sent in a creation, and cleared in an edit; names are always sent, to be checked. */
const toRequest = (editing: boolean) => (values: Record<string, unknown>) => ({
  ...(editing ? cleared(values) : filled(values)),
  firstName: values['firstName'],
  lastName: values['lastName'],
  birthDate: values['birthDate'],
  qualificationLevel: Number(values['qualificationLevel'] ?? 0),
});

/**
 * A person's record: a new one (then the form empties for the next), or the
 * changes to `candidate`, handed to `onSaved`.
 */
export function CandidateForm({ candidate, onSaved, onCancel }: { candidate?: CandidateView; onSaved?: (candidate: CandidateView, message: ReactNode) => void; onCancel?: () => void }) {
  const editing = candidate !== undefined;
  const form = useZodForm(editing ? UpdateCandidateRequest : CreateCandidateRequest, editing ? valuesOf(candidate) : EMPTY, toRequest(editing));
  const outcome = useCreateForm({
    form,
    empty: editing ? undefined : EMPTY,
    create: (body: CreateCandidateInput | UpdateCandidateInput) =>
      editing ? unwrap(api.PATCH('/api/v1/candidates/{id}', { params: { path: { id: candidate.id } }, body })) : unwrap(api.POST('/api/v1/candidates', { body: body as CreateCandidateInput })),
    refresh: ['candidates'],
    savedMessage: (c) => (editing ? `Fiche de ${fullName(c)} mise à jour.` : `Fiche de ${fullName(c)} enregistrée.`),
    onSaved,
  });
  const label = editing ? 'Modifier la fiche' : 'Nouvelle personne accompagnée';

  return (
    <form onSubmit={outcome.submit} noValidate aria-label={label}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Prénom" required autoComplete="off" data-autofocus {...form.input('firstName')} />
          <TextInput label="Nom" required autoComplete="off" {...form.input('lastName')} />
          <TextInput label="Date de naissance" type="date" required {...form.input('birthDate')} />
          <Select
            label="Niveau de qualification"
            data={LEVELS}
            value={String(form.values['qualificationLevel'] ?? '0')}
            onChange={(v) => form.setField('qualificationLevel', v ?? '0')}
            error={form.errors['qualificationLevel']}
            allowDeselect={false}
          />
          <TextInput label="Adresse e-mail" type="email" autoComplete="off" {...form.input('email')} />
          <TextInput label="Téléphone" type="tel" autoComplete="off" {...form.input('phone')} />
          <TextInput label="Diplôme le plus élevé" {...form.input('highestQualification')} />
          <Select
            label="Public prioritaire"
            description="Allonge la durée possible d’un contrat de professionnalisation classique"
            placeholder="Aucun"
            data={CATEGORIES}
            clearable
            value={String(form.values['publicCategory'] ?? '') || null}
            onChange={(v) => form.setField('publicCategory', v ?? '')}
            error={form.errors['publicCategory']}
          />
          <TextInput label="Prescripteur" description="France Travail, mission locale, Cap emploi…" {...form.input('prescriber')} />
        </SimpleGrid>
        <FormFooter outcome={outcome} failureTitle="Fiche non enregistrée" submitLabel={editing ? 'Enregistrer les modifications' : 'Enregistrer la fiche'} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

import { Button, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CreateEmployerRequest, UpdateEmployerRequest, type CreateEmployerInput, type EmployerView, type UpdateEmployerInput } from '@jalon/contracts';
import type { ReactNode } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { cleared, filled, withoutBlankTail } from '../ui/form-values';
import { formatPhone, formatSiret } from '../ui/format';
import { FormFooter } from '../ui/states';
import { useCreateForm } from '../ui/use-create-form';
import { useRows } from '../ui/use-rows';
import { useZodForm, type ZodForm } from '../ui/use-zod-form';

interface ContactRow extends Record<string, string> {
  name: string;
  role: string;
  email: string;
  phone: string;
}
const blankContact = (): ContactRow => ({ name: '', role: '', email: '', phone: '' });

const COMPANY = { name: '', siret: '', nafCode: '', idcc: '', opco: '', addressLine: '', postalCode: '', city: '' };
const EMPTY = { ...COMPANY, contacts: [blankContact()] };

function valuesOf(e: EmployerView): typeof EMPTY {
  const company = Object.fromEntries(Object.keys(COMPANY).map((key) => [key, String(e[key as keyof typeof COMPANY] ?? '')])) as typeof COMPANY;
  const contacts = e.contacts.map((c) => ({ name: c.name, role: c.role ?? '', email: c.email ?? '', phone: c.phone ? formatPhone(c.phone) : '' }));
  return { ...company, siret: formatSiret(e.siret), contacts: contacts.length ? contacts : [blankContact()] };
}

/** The company's fields (optional ones left out of a creation, cleared in an edit) and its contacts, less the blank rows at the end. */
const toRequest = (editing: boolean) => (values: Record<string, unknown>) => {
  const { contacts, ...company } = values;
  return {
    ...(editing ? cleared(company) : filled(company)),
    name: company['name'],
    siret: company['siret'],
    contacts: withoutBlankTail(contacts as ContactRow[]).map((c) => ({ ...filled(c), name: c.name })),
  };
};

/**
 * A member company: a new one (then the form empties for the next), or the
 * changes to `employer`, handed to `onSaved`.
 */
export function EmployerForm({ employer, onSaved, onCancel }: { employer?: EmployerView; onSaved?: (employer: EmployerView, message: ReactNode) => void; onCancel?: () => void }) {
  const editing = employer !== undefined;
  const form = useZodForm(editing ? UpdateEmployerRequest : CreateEmployerRequest, editing ? valuesOf(employer) : EMPTY, toRequest(editing));
  const outcome = useCreateForm({
    form,
    empty: editing ? undefined : EMPTY,
    create: (body: CreateEmployerInput | UpdateEmployerInput) =>
      editing ? unwrap(api.PATCH('/api/v1/employers/{id}', { params: { path: { id: employer.id } }, body })) : unwrap(api.POST('/api/v1/employers', { body: body as CreateEmployerInput })),
    refresh: ['employers'],
    savedMessage: (e) => (editing ? `${e.name} : modifications enregistrées.` : `${e.name} est enregistrée.`),
    onSaved,
  });
  const label = editing ? 'Modifier l’entreprise' : 'Nouvelle entreprise adhérente';

  return (
    <form onSubmit={outcome.submit} noValidate aria-label={label}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Raison sociale" required autoComplete="off" data-autofocus {...form.input('name')} />
          <TextInput label="SIRET" required description="14 chiffres, espaces acceptés" inputMode="numeric" autoComplete="off" {...form.input('siret')} />
          <TextInput label="Code NAF" description="Ex. 25.62B" {...form.input('nafCode')} />
          <TextInput label="IDCC" description="Convention collective, 4 chiffres au plus" inputMode="numeric" {...form.input('idcc')} />
          <TextInput label="OPCO" {...form.input('opco')} />
          <TextInput label="Adresse" {...form.input('addressLine')} />
          <TextInput label="Code postal" inputMode="numeric" {...form.input('postalCode')} />
          <TextInput label="Ville" {...form.input('city')} />
        </SimpleGrid>
        <Contacts form={form} />
        <FormFooter outcome={outcome} failureTitle="Entreprise non enregistrée" submitLabel={editing ? 'Enregistrer les modifications' : 'Enregistrer l’entreprise'} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function Contacts({ form }: { form: ZodForm }) {
  const contacts = useRows(form, 'contacts', 'contact', blankContact);
  const several = contacts.rows.length > 1;
  return (
    <Fieldset legend="Contacts dans l’entreprise (facultatif)">
      <Stack gap="sm">
        {contacts.rows.map((_, i) => (
          <Fieldset key={i} legend={several ? `Contact ${i + 1}` : undefined} aria-label={`Contact ${i + 1}`} variant={several ? 'default' : 'unstyled'}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput id={contacts.firstFieldId(i)} label="Nom du contact" {...form.input(`contacts.${i}.name`)} />
              <TextInput label="Fonction" {...form.input(`contacts.${i}.role`)} />
              <TextInput label="E-mail du contact" type="email" {...form.input(`contacts.${i}.email`)} />
              <TextInput label="Téléphone du contact" type="tel" {...form.input(`contacts.${i}.phone`)} />
            </SimpleGrid>
            {several && (
              <Button variant="default" size="xs" mt="xs" onClick={() => contacts.remove(i)}>
                Retirer le contact {i + 1}
              </Button>
            )}
          </Fieldset>
        ))}
        <Group>
          <Button id={contacts.addId} variant="default" size="xs" onClick={contacts.add}>
            Ajouter un contact
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

import { Alert, Anchor, Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { CERTIFICATION_KINDS, CreateCertificationRequest, UpdateCertificationRequest, type CertificationView, type CreateCertificationInput, type UpdateCertificationInput } from '@jalon/contracts';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { plural } from '../ui/format';
import { CERTIFICATION_KIND_LABELS, levelOptions } from '../ui/labels';
import { FormFooter } from '../ui/states';
import { useCreateForm } from '../ui/use-create-form';
import { useRows } from '../ui/use-rows';
import { useZodForm, type ZodForm } from '../ui/use-zod-form';

interface CompetencyRow {
  code: string;
  title: string;
}
interface BlocRow {
  code: string;
  title: string;
  competencies: CompetencyRow[];
}
const blankCompetency = (): CompetencyRow => ({ code: '', title: '' });
const blankBloc = (): BlocRow => ({ code: '', title: '', competencies: [blankCompetency()] });

const KINDS = CERTIFICATION_KINDS.map((kind) => ({ value: kind, label: CERTIFICATION_KIND_LABELS[kind] }));
const LEVELS = levelOptions([1, 2, 3, 4, 5, 6, 7, 8]);
const EMPTY = { kind: 'RNCP', code: '', title: '', level: '', certifier: '', admissibilityValidityMonths: '36', blocs: [blankBloc()] };

function valuesOf(c: CertificationView): typeof EMPTY {
  return {
    kind: c.kind,
    code: c.code,
    title: c.title,
    level: c.level === null ? '' : String(c.level),
    certifier: c.certifier,
    admissibilityValidityMonths: String(c.admissibilityValidityMonths),
    blocs: c.blocs.map((b) => ({ code: b.code, title: b.title, competencies: b.competencies.map((k) => ({ code: k.code, title: k.title })) })),
  };
}

/** The fiche as typed, with its numbers as numbers; an emptied level is cleared in an edit. */
const toRequest = (editing: boolean) => (values: Record<string, unknown>) => {
  const text = (key: string) => String(values[key] ?? '').trim();
  return {
    kind: values['kind'],
    code: values['code'],
    title: values['title'],
    certifier: values['certifier'],
    level: text('level') ? Number(text('level')) : editing ? null : undefined,
    admissibilityValidityMonths: !editing && !text('admissibilityValidityMonths') ? undefined : Number(text('admissibilityValidityMonths')),
    blocs: (values['blocs'] as BlocRow[]).map((b) => ({ code: b.code, title: b.title, competencies: b.competencies.map((k) => ({ code: k.code, title: k.title })) })),
  };
};

/**
 * A certification with its blocs and each bloc's competencies: a new one
 * (then the form empties for the next), or the changes to `certification`,
 * handed to `onSaved`. While pathways follow it, only titles can change.
 */
export function CertificationForm({ certification, onSaved, onCancel }: { certification?: CertificationView; onSaved?: (c: CertificationView, message: ReactNode) => void; onCancel?: () => void }) {
  const editing = certification !== undefined;
  const locked = (certification?.pathwayCount ?? 0) > 0;
  const form = useZodForm(editing ? UpdateCertificationRequest : CreateCertificationRequest, editing ? valuesOf(certification) : EMPTY, toRequest(editing));
  const outcome = useCreateForm({
    form,
    empty: editing ? undefined : EMPTY,
    create: (body: CreateCertificationInput | UpdateCertificationInput) =>
      editing
        ? unwrap(api.PATCH('/api/v1/certifications/{id}', { params: { path: { id: certification.id } }, body }))
        : unwrap(api.POST('/api/v1/certifications', { body: body as CreateCertificationInput })),
    refresh: ['certifications'],
    savedMessage: (c) =>
      editing ? (
        `${c.title} : modifications enregistrées.`
      ) : (
        <>
          La certification {c.title} est enregistrée.{' '}
          <Anchor renderRoot={(props) => <Link to="/certifications/$certificationId" params={{ certificationId: c.id }} {...props} />}>Voir sa fiche</Anchor>
        </>
      ),
    onSaved,
  });
  const blocs = useRows(form, 'blocs', 'bloc', blankBloc);
  const label = editing ? 'Modifier la certification' : 'Nouvelle certification';

  return (
    <form onSubmit={outcome.submit} noValidate aria-label={label}>
      <Stack gap="md">
        <Fieldset legend="La certification">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Type"
              required
              data={KINDS}
              allowDeselect={false}
              value={String(form.values['kind'])}
              onChange={(v) => form.setField('kind', v ?? 'RNCP')}
              error={form.errors['kind']}
            />
            <TextInput label="Code" required description="Ex. RNCP35190, ou le code du CQP" autoComplete="off" data-autofocus {...form.input('code')} />
            <TextInput label="Intitulé" required autoComplete="off" {...form.input('title')} />
            <Select
              label="Niveau"
              placeholder="Non précisé"
              clearable
              data={LEVELS}
              value={String(form.values['level'] ?? '') || null}
              onChange={(v) => form.setField('level', v ?? '')}
              error={form.errors['level']}
            />
            <TextInput label="Certificateur" required description="Ministère, branche ou organisme qui délivre la certification" {...form.input('certifier')} />
            <TextInput label="Validité de la recevabilité (mois)" description="36 mois le plus souvent" inputMode="numeric" {...form.input('admissibilityValidityMonths')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Blocs de compétences">
          <Stack gap="md">
            {locked && (
              <Alert color="blue" title="Structure verrouillée">
                {plural(certification!.pathwayCount, 'parcours suit', 'parcours suivent')} cette certification : vous pouvez corriger les intitulés, mais plus ajouter, retirer ni changer le code d’un bloc ou d’une compétence.
              </Alert>
            )}
            {blocs.rows.map((_, i) => (
              <BlocFields key={i} form={form} index={i} firstFieldId={blocs.firstFieldId(i)} locked={locked} onRemove={blocs.rows.length > 1 ? () => blocs.remove(i) : undefined} />
            ))}
            <ListError message={form.errors['blocs']} />
            {!locked && (
              <Group>
                <Button id={blocs.addId} variant="default" onClick={blocs.add}>
                  Ajouter un bloc
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>

        <FormFooter outcome={outcome} failureTitle="Certification non enregistrée" submitLabel={editing ? 'Enregistrer les modifications' : 'Enregistrer la certification'} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function BlocFields({ form, index, firstFieldId, locked, onRemove }: { form: ZodForm; index: number; firstFieldId: string; locked: boolean; onRemove?: () => void }) {
  const path = `blocs.${index}`;
  const competencies = useRows(form, `${path}.competencies`, `bloc-${index}-competence`, blankCompetency);
  const n = index + 1;
  return (
    <Fieldset legend={`Bloc ${n}`} variant="filled">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput id={firstFieldId} label="Code du bloc" required description="Ex. BC01 ou CCP1" readOnly={locked} variant={locked ? 'filled' : 'default'} {...form.input(`${path}.code`)} />
          <TextInput label="Intitulé du bloc" required style={{ gridColumn: 'span 2' }} {...form.input(`${path}.title`)} />
        </SimpleGrid>
        <Stack gap="xs" component="ul" role="list" aria-label={`Compétences du bloc ${n}`} p={0} m={0} style={{ listStyle: 'none' }}>
          {competencies.rows.map((_, j) => (
            <Group key={j} component="li" align="flex-start" gap="xs" wrap="nowrap">
              <TextInput id={competencies.firstFieldId(j)} label={`Code de la compétence ${j + 1}`} readOnly={locked} variant={locked ? 'filled' : 'default'} w={{ base: 120, sm: 220 }} {...form.input(`${path}.competencies.${j}.code`)} />
              <TextInput label={`Intitulé de la compétence ${j + 1}`} style={{ flex: 1 }} {...form.input(`${path}.competencies.${j}.title`)} />
              {!locked && competencies.rows.length > 1 && (
                <Button variant="default" mt={24} onClick={() => competencies.remove(j)} aria-label={`Retirer la compétence ${j + 1} du bloc ${n}`}>
                  Retirer
                </Button>
              )}
            </Group>
          ))}
        </Stack>
        <ListError message={form.errors[`${path}.competencies`]} />
        {!locked && (
          <Group>
            <Button id={competencies.addId} variant="default" size="xs" onClick={competencies.add}>
              Ajouter une compétence au bloc {n}
            </Button>
            {onRemove && (
              <Button variant="default" size="xs" onClick={onRemove}>
                Retirer le bloc {n}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

/** A message about a whole list (no bloc, no competency): announced, as it has no field of its own. */
function ListError({ message }: { message: string | undefined }) {
  return message ? (
    <Text size="sm" c="var(--mantine-color-error)" role="alert">
      {message}
    </Text>
  ) : null;
}

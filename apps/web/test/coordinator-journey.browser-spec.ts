/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import type { Locator, Page } from 'playwright-core';
import { addDays, addMonths, parisDate } from '@jalon/domain';
import { browserSuite, expectAccessible, screenshot, signedInPage } from '../../../test/support/browser.js';
import type { TestTenant, TestUser } from '../../../test/support/factories.js';

jest.setTimeout(240_000);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const today = () => parisDate(new Date());
/** How the page writes a business date: « 14 mars 2026 ». */
const longDate = (date: string) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(`${date}T12:00:00Z`));

describe('the coordinator’s journey in the browser, from a new person to a certification', () => {
  const suite = browserSuite();
  const { factory, pools } = suite;
  let tenant: TestTenant;
  let coordinator: TestUser;
  let employer: { id: string; name: string };
  let cohort: { id: string; name: string };

  beforeAll(async () => {
    tenant = await factory.tenant('GEIQ Tarn');
    coordinator = await factory.member(tenant, 'COORDINATOR', await factory.user({ firstName: 'Claire', lastName: 'Fabre' }));
    const certification = await factory.certification(tenant);
    cohort = await factory.cohort(tenant, certification.id, 'Usinage rentrée');
    // 110 later cohorts of another certification: the pathway's own is not among the GEIQ's latest 100.
    await pools.owner.query(
      `WITH other AS (
         INSERT INTO certifications (id, tenant_id, kind, code, title, level, certifier, admissibility_validity_months, updated_at)
         VALUES (gen_random_uuid(), $1, 'CQPM', 'CQPM-CHAUD', 'Chaudronnier', 3, 'UIMM', 36, now()) RETURNING id)
       INSERT INTO cohorts (id, tenant_id, name, certification_id, start_date, updated_at)
       SELECT gen_random_uuid(), $1, 'Chaudronnerie ' || n, other.id, date '2027-01-04' + n, now() FROM other, generate_series(1, 110) n`,
      [tenant.id],
    );
    employer = await factory.employer(tenant, 'Atelier Garonne');
    // A tutor of this company, and one of no company in particular.
    await factory.member(tenant, 'TUTOR', await factory.user({ firstName: 'Marc', lastName: 'Vidal' }), { employerId: employer.id });
    await factory.member(tenant, 'TUTOR', await factory.user({ firstName: 'Paul', lastName: 'Bonnet' }));
  });

  const signedIn = () => signedInPage(suite, coordinator);

  /** A select's option, chosen as a person would: open the list, click the option. */
  async function choose(scope: Locator, page: Page, label: string | RegExp, option: string | RegExp) {
    await scope.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  }

  /** The step's badge, in the pathway's header. */
  const stateBadge = (page: Page, label: string) => page.locator('main header').getByText(label, { exact: true }).waitFor();

  it('records a person, opens her pathway, records contract and placement, and runs it to CERTIFIED with the reminders planned', async () => {
    const { page, close } = await signedIn();
    const birthDate = addMonths(today(), -22 * 12);
    const start = addMonths(today(), -1);
    const plannedEnd = addDays(addMonths(start, 24), -1);

    // The person accompanied.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Personnes accompagnées' }).click();
    const person = page.getByRole('form', { name: 'Nouvelle personne accompagnée' });
    await person.getByRole('textbox', { name: 'Prénom' }).fill('Léa');
    await person.getByRole('textbox', { name: 'Nom', exact: true }).fill('Bérard');
    await person.getByLabel('Date de naissance').fill(birthDate);
    await person.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.getByText('Fiche de Léa Bérard enregistrée.').waitFor();

    // Her pathway, from her row: the certification is asked for in French before anything is sent.
    await page.getByRole('button', { name: 'Ouvrir un parcours pour Léa Bérard' }).click();
    const opening = page.getByRole('dialog', { name: 'Nouveau parcours' });
    await opening.getByText('Personne accompagnée : Léa Bérard').waitFor();
    await opening.getByRole('button', { name: 'Ouvrir le parcours' }).click();
    await opening.getByText('Choisissez la certification visée').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'journey-new-pathway');
    await choose(opening, page, 'Certification visée', /Opérateur régleur en usinage/);
    await opening.getByRole('combobox', { name: 'Blocs de compétences visés' }).waitFor();
    await choose(opening, page, 'Promotion', new RegExp(cohort.name));
    await opening.getByRole('button', { name: 'Ouvrir le parcours' }).click();
    await page.waitForURL(/\/parcours\/[0-9a-f-]{36}$/);
    const pathwayId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: 'Léa Bérard', level: 1 }).waitFor();
    await stateBadge(page, 'Certification choisie');
    const heldBack = page.getByRole('region', { name: 'Pas encore possible' });
    await heldBack.getByText(/Démarrer le parcours.*sans contrat/).waitFor();
    expect(await page.getByRole('group', { name: 'Actions possibles' }).getByRole('button').allTextContents()).toEqual(['Enregistrer une sortie du parcours']);
    await expectAccessible(page);
    await screenshot(page, 'journey-pathway-opened');
    const created = await pools.owner.query('SELECT state, cohort_id, referent_coordinator_id FROM pathways WHERE id = $1 AND tenant_id = $2', [pathwayId, tenant.id]);
    expect(created.rows).toEqual([{ state: 'CERTIFICATION_CHOSEN', cohort_id: cohort.id, referent_coordinator_id: coordinator.id }]);

    // Out of the cohort, and back in: the header says where the pathway belongs and who follows it.
    const header = page.locator('main header');
    await header.getByText(`Promotion : ${cohort.name} · Référent·e : Claire Fabre`).waitFor();
    for (const [option, shown] of [[new RegExp(cohort.name), 'aucune'], [new RegExp(cohort.name), cohort.name]] as const) {
      await header.getByRole('button', { name: 'Modifier la promotion et le ou la référent·e' }).click();
      const assignment = page.getByRole('dialog', { name: 'Promotion et référent·e' });
      await choose(assignment, page, 'Promotion', option); // the current one chosen again is emptied
      await assignment.getByRole('button', { name: 'Enregistrer' }).click();
      await assignment.waitFor({ state: 'detached' });
      await header.getByText(`Promotion : ${shown} · Référent·e : Claire Fabre`).waitFor();
    }
    await page.getByText('La promotion et le ou la référent·e du parcours sont enregistrés.').waitFor();
    await expectAccessible(page);

    // The contract, with the keyboard: the dialog takes the focus, Escape leaves it.
    const contractActions = page.getByRole('group', { name: 'Contrat et placement : actions' });
    await contractActions.getByRole('button', { name: 'Enregistrer le contrat' }).focus();
    await page.keyboard.press('Enter');
    let contract = page.getByRole('dialog', { name: 'Enregistrer le contrat' });
    await contract.waitFor();
    expect(await contract.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await contract.waitFor({ state: 'detached' });

    // Too long and underpaid: each rule is explained next to its field.
    await contractActions.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    contract = page.getByRole('dialog', { name: 'Enregistrer le contrat' });
    await contract.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await contract.getByText('Rémunération : un nombre entier de 1 à 300 (% du SMIC)').waitFor();
    expect(await contract.getByLabel(/^Début du contrat/).getAttribute('aria-invalid')).toBe('true');
    await contract.getByLabel(/^Début du contrat/).fill(start);
    await contract.getByLabel(/^Fin prévue/).fill(addMonths(start, 37));
    await contract.getByRole('textbox', { name: 'Rémunération' }).fill('40');
    await contract.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await contract.getByRole('alert').getByText('Contrat non enregistré').waitFor();
    await contract.getByText(/Le contrat dépasse la durée maximale de 36 mois pour un contrat de VAE inversée/).waitFor();
    await contract.getByText(/inférieur au minimum légal de 70 % du SMIC/).waitFor();
    expect(await contract.getByLabel(/^Fin prévue/).getAttribute('aria-invalid')).toBe('true');
    expect(await contract.getByRole('textbox', { name: 'Rémunération' }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'journey-contract-refused');
    await contract.getByLabel(/^Fin prévue/).fill(plannedEnd);
    await contract.getByRole('textbox', { name: 'Rémunération' }).fill('80');
    await contract.getByLabel(/^Fin de la période d’essai/).fill(addDays(start, 14));
    await contract.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await contract.waitFor({ state: 'detached' });
    const section = page.getByRole('region', { name: 'Contrat et placement' });
    await section.getByText(`Contrat de professionnalisation VAE inversée du ${longDate(start)} au ${longDate(plannedEnd)}`).waitFor();
    await section.getByText('OPCO : En attente, pas encore déposé').waitFor();
    await section.getByText(`Fin de la période d’essai : ${longDate(addDays(start, 14))}`).waitFor();
    await heldBack.getByText(/pas encore été transmis à l’OPCO/).waitFor();

    // Filed with the OPCO, which accepted it.
    await contractActions.getByRole('button', { name: 'Modifier le contrat' }).click();
    const edit = page.getByRole('dialog', { name: 'Modifier le contrat' });
    expect(await edit.getByRole('textbox', { name: 'Rémunération' }).inputValue()).toBe('80 % du SMIC');
    await edit.getByRole('textbox', { name: 'OPCO', exact: true }).fill('OPCO 2i');
    await edit.getByLabel(/^Transmis à l’OPCO le/).fill(addDays(start, 2));
    await choose(edit, page, 'Décision de l’OPCO', 'Accepté');
    // The trial end was entered by mistake: emptied, it goes.
    expect(await edit.getByLabel(/^Fin de la période d’essai/).inputValue()).toBe(addDays(start, 14));
    await edit.getByLabel(/^Fin de la période d’essai/).fill('');
    await expectAccessible(page);
    await screenshot(page, 'journey-contract-edit');
    await edit.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await edit.waitFor({ state: 'detached' });
    await section.getByText(`OPCO 2i : Accepté, déposé le ${longDate(addDays(start, 2))}`).waitFor();
    expect(await section.getByText(/Fin de la période d’essai/).count()).toBe(0);
    await heldBack.getByText(/Aucune mise à disposition en cours avec un tuteur/).waitFor();

    // The placement: company and tutor are required, the company's tutors come first.
    await contractActions.getByRole('button', { name: 'Ajouter une mise à disposition' }).click();
    const placement = page.getByRole('dialog', { name: 'Nouvelle mise à disposition' });
    expect(await placement.getByLabel(/^Début/).inputValue()).toBe(start);
    await placement.getByRole('button', { name: 'Enregistrer' }).click();
    await placement.getByText('Choisissez l’entreprise d’accueil').waitFor();
    await placement.getByText('Choisissez le tuteur en entreprise').waitFor();
    await placement.getByRole('combobox', { name: 'Entreprise d’accueil' }).fill('atelier garonne');
    await page.getByRole('option', { name: employer.name }).click();
    await placement.getByRole('combobox', { name: 'Tuteur en entreprise' }).click();
    const listbox = page.getByRole('listbox');
    await listbox.getByRole('group', { name: 'Tuteurs de cette entreprise' }).getByRole('option', { name: /Marc Vidal/ }).waitFor();
    await listbox.getByRole('group', { name: 'Autres tuteurs du GEIQ' }).getByRole('option', { name: /Paul Bonnet – aucun·e alternant·e/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'journey-placement');
    await page.getByRole('option', { name: /Marc Vidal/ }).click();
    await placement.getByRole('button', { name: 'Enregistrer' }).click();
    await placement.waitFor({ state: 'detached' });
    await section.getByText(`${employer.name}, tuteur Marc Vidal, depuis le ${longDate(start)}`).waitFor();
    expect(await heldBack.count()).toBe(0);

    const act = async (action: string, fill: (dialog: Locator) => Promise<void>, state: string) => {
      await page.getByRole('group', { name: 'Actions possibles' }).getByRole('button', { name: action, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: action });
      await fill(dialog);
      await dialog.getByRole('button', { name: 'Valider' }).click();
      await dialog.waitFor({ state: 'detached' });
      await stateBadge(page, state);
    };

    await act('Démarrer le parcours', (dialog) => dialog.getByText('Confirmez-vous cette action ?').waitFor(), 'En situation de travail');
    const vae = page.getByRole('region', { name: 'Démarches VAE' });
    await vae.getByText('Pas encore de demande de recevabilité.').waitFor();
    await heldBack.getByText(/Déposer la demande de recevabilité.*livret 1/).waitFor();

    // The livret 1 filed opens the recevabilité request.
    const upload = page.getByRole('form', { name: 'Déposer un document' });
    await choose(upload, page, 'Type de document', 'Livret 1 – demande de recevabilité');
    await upload.locator('input[type="file"]').setInputFiles({ name: 'livret-1-lea-berard.pdf', mimeType: 'application/pdf', buffer: PDF });
    await upload.getByRole('button', { name: 'Déposer', exact: true }).click();
    await page.getByRole('region', { name: 'Documents' }).getByRole('button', { name: 'livret-1-lea-berard.pdf' }).waitFor();

    await act(
      'Déposer la demande de recevabilité',
      async (dialog) => {
        await dialog.getByLabel(/^Demande déposée le/).fill(today());
        await dialog.getByLabel(/^Dossier complet le/).fill(today());
      },
      'Recevabilité en attente',
    );
    await act(
      'Enregistrer la réponse de recevabilité',
      async (dialog) => {
        await choose(dialog, page, 'Réponse du certificateur', 'Recevable');
        await dialog.getByLabel(/^Date de la réponse/).fill(today());
      },
      'Dossier de validation en préparation',
    );
    await act('Déposer le dossier de validation', (dialog) => dialog.getByLabel(/^Dossier déposé le/).fill(today()), 'Dossier de validation déposé');
    const juryDate = addDays(today(), 30);
    await act(
      'Programmer le jury',
      async (dialog) => {
        await dialog.getByLabel(/^Date du jury/).fill(juryDate);
        await dialog.getByRole('textbox', { name: 'Lieu' }).fill('AFPA Toulouse');
      },
      'Jury programmé',
    );
    await page.getByText(`jury le ${longDate(juryDate)}, AFPA Toulouse`).waitFor();
    await heldBack.getByText(/Enregistrer le résultat du jury.*Le jury est prévu le/).waitFor();
    const reminders = page.getByRole('region', { name: 'Rappels' });
    await reminders.getByRole('row').filter({ hasText: 'Jury à venir' }).filter({ hasText: 'Prévu' }).first().waitFor();

    // The jury took place (the clock moves on).
    await pools.owner.query('UPDATE jury_sessions SET date = $1 WHERE pathway_id = $2 AND tenant_id = $3', [addDays(today(), -1), pathwayId, tenant.id]);
    await page.reload();
    await act('Enregistrer le résultat du jury', (dialog) => choose(dialog, page, 'Décision du jury', 'Validation totale'), 'Certifié');

    // What comes next is planned: the contract's end, announced in advance; the jury's reminders are cancelled.
    await reminders.getByRole('row').filter({ hasText: 'Fin du contrat' }).filter({ hasText: 'Prévu' }).first().waitFor();
    await reminders.getByRole('row').filter({ hasText: 'Jury à venir' }).filter({ hasText: 'Annulé' }).first().waitFor();
    // The VAE file as it went, on the page.
    await vae.getByText(`Demande n° 1 déposée le ${longDate(today())}, complète le ${longDate(today())} · Recevable le ${longDate(today())}`).waitFor();
    await vae.getByText(`Dossier n° 1 déposé le ${longDate(today())}`).waitFor();
    await vae.getByText(`Jury n° 1 le ${longDate(addDays(today(), -1))}, AFPA Toulouse · Validation totale`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'journey-certified');
    const planned = await pools.owner.query(`SELECT kind, status, due_at FROM reminders WHERE pathway_id = $1 AND tenant_id = $2 AND kind IN ('CONTRACT_ENDING', 'JURY_UPCOMING') ORDER BY kind, due_at`, [
      pathwayId,
      tenant.id,
    ]);
    expect(planned.rows.map((r: { kind: string; status: string }) => `${r.kind} ${r.status}`)).toEqual([
      'CONTRACT_ENDING PLANNED',
      'CONTRACT_ENDING PLANNED',
      'JURY_UPCOMING CANCELLED',
      'JURY_UPCOMING CANCELLED',
    ]);
    const history = await pools.owner.query('SELECT action, to_state FROM status_history WHERE pathway_id = $1 ORDER BY occurred_at, id', [pathwayId]);
    expect(history.rows.map((h: { action: string; to_state: string }) => `${h.action}→${h.to_state}`)).toEqual([
      'create→CERTIFICATION_CHOSEN',
      'start→EXPERIENCE',
      'submitAdmissibility→ADMISSIBILITY_PENDING',
      'recordAdmissibility→DOSSIER',
      'submitDossier→DOSSIER_SUBMITTED',
      'scheduleJury→JURY_SCHEDULED',
      'recordJuryResult→CERTIFIED',
    ]);

    // She leaves the company: a last day before the first is refused next to the field.
    await contractActions.getByRole('button', { name: `Terminer la mise à disposition chez ${employer.name}` }).click();
    const ending = page.getByRole('dialog', { name: 'Terminer la mise à disposition' });
    await ending.getByLabel(/^Dernier jour dans l’entreprise/).fill(addDays(start, -1));
    await ending.getByRole('button', { name: 'Enregistrer la fin' }).click();
    await ending.getByText('La fin de la mise à disposition précède son début.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'journey-placement-end-refused');
    await ending.getByLabel(/^Dernier jour dans l’entreprise/).fill(today());
    await ending.getByRole('button', { name: 'Enregistrer la fin' }).click();
    await ending.waitFor({ state: 'detached' });
    await section.getByText(`${employer.name}, tuteur Marc Vidal, depuis le ${longDate(start)} jusqu’au ${longDate(today())}`).waitFor();
    const ended = await pools.owner.query(`SELECT to_char(end_date, 'YYYY-MM-DD') AS end_date FROM placements WHERE pathway_id = $1`, [pathwayId]);
    expect(ended.rows).toEqual([{ end_date: today() }]);
    await close();
  });

  it('opens a pathway from the pathways list, finding the person without typing accents', async () => {
    await factory.candidate(tenant, { firstName: 'Noé', lastName: 'Lefèvre' });
    const { page, close } = await signedIn();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Parcours' }).click();
    await page.getByRole('heading', { name: 'Parcours', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nouveau parcours' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau parcours' });
    await dialog.getByRole('button', { name: 'Ouvrir le parcours' }).click();
    await dialog.getByText('Choisissez la personne accompagnée').waitFor();
    await dialog.getByRole('combobox', { name: 'Personne accompagnée' }).fill('noe lefevre');
    await page.getByRole('option', { name: /^Noé Lefèvre, né·e le/ }).click();
    await choose(dialog, page, 'Certification visée', /Opérateur régleur en usinage/);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Ouvrir le parcours' }).click();
    await page.getByRole('heading', { name: 'Noé Lefèvre', level: 1 }).waitFor();
    await stateBadge(page, 'Certification choisie');
    const { rows } = await pools.owner.query(`SELECT p.cohort_id FROM pathways p JOIN candidates c ON c.id = p.candidate_id WHERE c.last_name = 'Lefèvre' AND p.tenant_id = $1`, [tenant.id]);
    expect(rows).toEqual([{ cohort_id: null }]);
    await close();
  });
});

import { normaliseForSearch } from '@jalon/contracts';
import type { Page } from 'playwright-core';
import { accessibilityViolations, browserSuite, newContext, screenshot, submitSignIn } from '../../../test/support/browser.js';
import type { TestTenant, TestUser } from '../../../test/support/factories.js';

jest.setTimeout(120_000);

type Member = TestUser & { membershipId: string };

describe('the tenant admin manages the GEIQ’s users; coordinators pick a referent among them', () => {
  const suite = browserSuite();
  const { factory, pools } = suite;
  let tenant: TestTenant;
  let people: Record<'admin' | 'coordinator' | 'leaving' | 'tutor', Member>;
  let employer: { id: string; name: string };

  const person = (firstName: string, lastName: string) => factory.user({ firstName, lastName, email: `${normaliseForSearch(lastName)}-${Math.random().toString(36).slice(2, 8)}@test.jalon.fr` });

  beforeAll(async () => {
    tenant = await factory.tenant('GEIQ Gascogne');
    employer = await factory.employer(tenant, 'Chaudronnerie Adour');
    people = {
      admin: await factory.member(tenant, 'TENANT_ADMIN', await person('Hélène', 'Abadie')),
      coordinator: await factory.member(tenant, 'COORDINATOR', await person('Marc', 'Bergès')),
      leaving: await factory.member(tenant, 'COORDINATOR', await person('Paul', 'Castex')),
      tutor: await factory.member(tenant, 'TUTOR', await person('Julie', 'Darrieux'), { employerId: employer.id }),
    };
    // Someone of another GEIQ, never shown here.
    await factory.member(await factory.tenant('GEIQ Voisin'), 'COORDINATOR', await person('Zoé', 'Ailleurs'));
  });

  async function signedIn(user: TestUser): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await newContext(suite.browser, suite.stack);
    const page = await context.newPage();
    await page.goto('/connexion');
    await submitSignIn(page, user);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    return { page, close: () => context.close() };
  }

  const membership = async (member: Member) =>
    (await pools.owner.query('SELECT role, employer_id, disabled_at FROM memberships WHERE id = $1', [member.membershipId])).rows[0] as { role: string; employer_id: string | null; disabled_at: Date | null };
  const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: false }) });

  it('lists the members, finds them by name or role, changes a role with the keyboard and removes an access after confirmation', async () => {
    const { page, close } = await signedIn(people.admin);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();
    await page.getByText('4 personnes').waitFor();
    const names = await page.locator('tbody tr td:first-child').allInnerTexts();
    expect(names).toEqual(['Hélène Abadie (vous)', 'Marc Bergès', 'Paul Castex', 'Julie Darrieux']);
    await row(page, 'Julie Darrieux').getByText('Chaudronnerie Adour').waitFor();
    // Last sign-in: hers just now; Julie has not signed in yet.
    expect(await row(page, 'Hélène Abadie').getByRole('cell').nth(4).innerText()).toMatch(/\d{2}:\d{2}/);
    expect(await row(page, 'Julie Darrieux').getByRole('cell').nth(4).innerText()).toBe('—');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-users');

    await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('berges');
    await page.getByText('1 personne', { exact: true }).waitFor();
    await row(page, 'Marc Bergès').waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('');
    await page.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Tuteur en entreprise' }).click();
    await page.getByText('1 personne', { exact: true }).waitFor();
    await row(page, 'Julie Darrieux').waitFor();
    await page.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Tuteur en entreprise' }).click(); // chosen again: the filter is cleared
    await page.getByText('4 personnes').waitFor();

    // The keyboard alone: open the dialog, choose the role, save.
    await page.getByRole('button', { name: 'Changer le rôle de Julie Darrieux' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Changer le rôle de Julie Darrieux' });
    await dialog.waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Rôle' }).inputValue()).toBe('Tuteur en entreprise');
    await dialog.getByRole('combobox', { name: 'Entreprise adhérente' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-users-role');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Changer le rôle de Julie Darrieux');
    await page.keyboard.press('Enter');
    await dialog.getByRole('combobox', { name: 'Rôle' }).focus();
    await page.keyboard.press('ArrowUp'); // opens the list on the current role
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('combobox', { name: 'Rôle' }).inputValue()).toBe('Chargé·e d’accompagnement');
    expect(await dialog.getByRole('combobox', { name: 'Entreprise adhérente' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Enregistrer' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Julie Darrieux a maintenant le rôle « Chargé·e d’accompagnement ».').waitFor();
    await row(page, 'Julie Darrieux').getByRole('cell', { name: 'Chargé·e d’accompagnement' }).waitFor();
    expect(await membership(people.tutor)).toMatchObject({ role: 'COORDINATOR', employer_id: null });

    // Removing an access asks first.
    await page.getByRole('button', { name: 'Désactiver l’accès de Paul Castex' }).click();
    const confirm = page.getByRole('dialog', { name: 'Désactiver l’accès de Paul Castex ?' });
    await confirm.getByText(`Paul Castex ne pourra plus se connecter à ${tenant.name}`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-users-deactivate');
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    expect((await membership(people.leaving)).disabled_at).toBeNull();
    await page.getByRole('button', { name: 'Désactiver l’accès de Paul Castex' }).click();
    await confirm.getByRole('button', { name: 'Désactiver l’accès' }).click();
    await page.getByText('L’accès de Paul Castex est désactivé.').waitFor();
    await row(page, 'Paul Castex').getByText('Désactivé', { exact: true }).waitFor();
    await row(page, 'Paul Castex').getByRole('button', { name: 'Réactiver l’accès de Paul Castex' }).waitFor();
    expect((await membership(people.leaving)).disabled_at).toBeInstanceOf(Date);
    await page.getByRole('combobox', { name: 'Accès' }).click();
    await page.getByRole('option', { name: 'Accès désactivé' }).click();
    await page.getByText('1 personne', { exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The invitations are one link away.
    await page.getByRole('main').getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    await close();

    // Paul can no longer sign in.
    const context = await newContext(suite.browser, suite.stack);
    const refused = await context.newPage();
    await refused.goto('/connexion');
    await submitSignIn(refused, people.leaving);
    await refused.getByRole('alert').getByText('Votre compte n’est rattaché à aucun GEIQ. Contactez votre administrateur.').waitFor();
    await context.close();
  });

  it('refuses, in French, to let the last administrator step down', async () => {
    const { page, close } = await signedIn(people.admin);
    await page.goto('/utilisateurs');
    await page.getByRole('button', { name: 'Changer le rôle de Hélène Abadie' }).click();
    const dialog = page.getByRole('dialog', { name: 'Changer le rôle de Hélène Abadie' });
    await dialog.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Chargé·e d’accompagnement' }).click();
    await dialog.getByText('Vous ne pourrez plus gérer les utilisateurs ni les réglages du GEIQ.').waitFor();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByRole('alert').getByText('Vous êtes le dernier administrateur actif de ce GEIQ : nommez d’abord une autre personne administrateur.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-users-last-admin');
    expect(await membership(people.admin)).toMatchObject({ role: 'TENANT_ADMIN', disabled_at: null });
    await close();
  });

  it('lets a coordinator pick a cohort’s referent among the active staff, by name', async () => {
    const geiq = await factory.tenant('GEIQ Béarn');
    await factory.certification(geiq);
    await factory.member(geiq, 'TENANT_ADMIN', await person('Anne', 'Bayle'));
    const coordinator = await factory.member(geiq, 'COORDINATOR', await person('Marc', 'Cazaux'));
    const colleague = await factory.member(geiq, 'COORDINATOR', await person('Julie', 'Darrieux'));
    const gone = await factory.member(geiq, 'COORDINATOR', await person('Paul', 'Castex'));
    await pools.owner.query('UPDATE memberships SET disabled_at = now() WHERE id = $1', [gone.membershipId]);
    await factory.member(geiq, 'TUTOR', await person('Luc', 'Etcheverry'));

    const { page, close } = await signedIn(coordinator);
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);
    await page.goto('/utilisateurs');
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Promotions' }).click();
    const form = page.getByRole('form', { name: 'Nouvelle promotion' });
    await form.getByRole('textbox', { name: 'Nom de la promotion' }).fill('Chaudronnerie printemps 2027');
    await form.getByRole('combobox', { name: 'Certification visée' }).click();
    await page.getByRole('option', { name: /Opérateur régleur en usinage/ }).click();
    await form.getByLabel('Date de début').fill('2027-03-01');
    const referent = form.getByRole('combobox', { name: 'Coordinateur·rice référent·e' });
    await referent.click();
    // The active staff: not Paul, whose access was removed, nor the company tutor.
    await page.getByRole('option', { name: 'Julie Darrieux' }).waitFor();
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Anne Bayle', 'Marc Cazaux (moi)', 'Julie Darrieux']);
    await referent.fill('darr');
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Julie Darrieux']);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'coordinator-cohort-referent');
    await page.getByRole('option', { name: 'Julie Darrieux' }).click();
    await form.getByRole('button', { name: 'Ouvrir la promotion' }).click();
    await page.getByText('La promotion Chaudronnerie printemps 2027 est ouverte.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Chaudronnerie printemps 2027' }).getByRole('cell', { name: 'Julie Darrieux' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const { rows } = await pools.owner.query('SELECT referent_coordinator_id FROM cohorts WHERE tenant_id = $1', [geiq.id]);
    expect(rows).toEqual([{ referent_coordinator_id: colleague.id }]);
    await close();
  });
});

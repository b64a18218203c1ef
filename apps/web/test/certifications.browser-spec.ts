/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { accessibilityViolations, browserSuite, newContext, screenshot, submitSignIn } from '../../../test/support/browser.js';
import type { TestTenant, TestUser } from '../../../test/support/factories.js';

jest.setTimeout(120_000);

describe('coordinator keeps the certification catalogue in the browser', () => {
  const suite = browserSuite();
  const { factory, pools } = suite;
  let tenant: TestTenant;
  let coordinator: TestUser;

  beforeAll(async () => {
    tenant = await factory.tenant('GEIQ Ariège');
    coordinator = await factory.member(tenant, 'COORDINATOR');
  });

  async function signedIn(): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await newContext(suite.browser, suite.stack);
    const page = await context.newPage();
    await page.goto('/connexion');
    await submitSignIn(page, coordinator);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    return { page, close: () => context.close() };
  }

  async function expectAccessible(page: Page) {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** The accessible name of the focused element. */
  const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.replace(/\s*\*$/, '') ?? document.activeElement?.textContent);

  const bloc = (form: Locator, n: number) => form.getByRole('group', { name: `Bloc ${n}`, exact: true });

  it('enters a certification with two blocs and their competencies, refusing mistakes in French next to the field', async () => {
    const { page, close } = await signedIn();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Certifications' }).click();
    await page.getByRole('heading', { name: 'Certifications', level: 1 }).waitFor();
    await page.getByText('Aucune certification enregistrée').waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Nouvelle certification' }).click();
    await page.getByRole('heading', { name: 'Nouvelle certification', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Nouvelle certification' });
    await form.getByRole('button', { name: 'Enregistrer la certification' }).click();
    await form.getByText('Code requis (ex. RNCP35190)').waitFor();
    await form.getByText('Intitulé requis', { exact: true }).waitFor();
    await form.getByText('Certificateur requis').waitFor();
    await bloc(form, 1).getByText('Code du bloc requis').waitFor();
    await bloc(form, 1).getByText('Intitulé de la compétence requis').waitFor();
    await expectAccessible(page);

    await form.getByRole('textbox', { name: 'Code', exact: true }).fill('RNCP35190');
    await form.getByRole('textbox', { name: 'Intitulé', exact: true }).fill('Titre professionnel Soudeur assembleur industriel');
    await form.getByRole('combobox', { name: 'Niveau', exact: true }).click();
    await page.getByRole('option', { name: 'Niveau 3 (CAP, BEP)' }).click();
    await form.getByRole('textbox', { name: 'Certificateur' }).fill('Ministère du Travail');
    await form.getByRole('textbox', { name: 'Validité de la recevabilité (mois)' }).fill('trois ans');

    const first = bloc(form, 1);
    await first.getByRole('textbox', { name: 'Code du bloc' }).fill('CCP1');
    await first.getByRole('textbox', { name: 'Intitulé du bloc' }).fill('Souder à plat');
    await first.getByRole('textbox', { name: 'Code de la compétence 1' }).fill('C1');
    await first.getByRole('textbox', { name: 'Intitulé de la compétence 1' }).fill('Préparer le poste de soudage');
    // With the keyboard: the new row's first field receives the focus.
    await first.getByRole('button', { name: 'Ajouter une compétence au bloc 1' }).focus();
    await page.keyboard.press('Enter');
    await first.getByRole('textbox', { name: 'Code de la compétence 2' }).waitFor();
    expect(await focusedLabel(page)).toBe('Code de la compétence 2');
    await page.keyboard.type('C2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Souder à plat avec un procédé semi-automatique');

    await form.getByRole('button', { name: 'Ajouter un bloc' }).click();
    const second = bloc(form, 2);
    await second.waitFor();
    expect(await focusedLabel(page)).toBe('Code du bloc');
    await page.keyboard.type('CCP1');
    await second.getByRole('textbox', { name: 'Intitulé du bloc' }).fill('Souder en toutes positions');
    await second.getByRole('textbox', { name: 'Code de la compétence 1' }).fill('C3');
    await second.getByRole('textbox', { name: 'Intitulé de la compétence 1' }).fill('Souder en position');
    await second.getByRole('button', { name: 'Ajouter une compétence au bloc 2' }).click();
    await second.getByRole('textbox', { name: 'Code de la compétence 2' }).fill('C4');
    await second.getByRole('button', { name: 'Retirer la compétence 2 du bloc 2' }).click();
    await expect(second.getByRole('textbox', { name: 'Code de la compétence 2' }).count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ajouter une compétence au bloc 2');

    await form.getByRole('button', { name: 'Enregistrer la certification' }).click();
    // The shared schema's checks, before anything is sent: next to the field to change.
    await second.getByText('Un autre bloc a déjà ce code').waitFor();
    expect(await second.getByRole('textbox', { name: 'Code du bloc' }).getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Nombre de mois attendu').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-certification-refused');

    await second.getByRole('textbox', { name: 'Code du bloc' }).fill('CCP2');
    await form.getByRole('textbox', { name: 'Validité de la recevabilité (mois)' }).fill('36');
    await form.getByRole('button', { name: 'Enregistrer la certification' }).click();
    await page.getByText('La certification Titre professionnel Soudeur assembleur industriel est enregistrée.').waitFor();
    // Emptied for the next one.
    expect(await form.getByRole('textbox', { name: 'Code', exact: true }).inputValue()).toBe('');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Voir sa fiche' }).click();
    await page.getByRole('heading', { name: 'Titre professionnel Soudeur assembleur industriel', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '2 blocs de compétences' }).waitFor();
    await page.getByRole('heading', { name: 'CCP1 — Souder à plat' }).waitFor();
    await page.getByRole('list', { name: 'Compétences du bloc CCP2' }).getByText('Souder en position').waitFor();
    await page.getByText('Niveau 3 (CAP, BEP)').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-certification');

    const { rows } = await pools.owner.query(
      `SELECT b.code AS bloc, b.position, string_agg(c.code || ' ' || c.title, ' | ' ORDER BY c.position) AS competencies
       FROM certifications ce JOIN blocs b ON b.certification_id = ce.id JOIN competencies c ON c.bloc_id = b.id
       WHERE ce.tenant_id = $1 AND ce.code = 'RNCP35190' AND ce.level = 3 AND ce.admissibility_validity_months = 36 GROUP BY b.code, b.position ORDER BY b.position`,
      [tenant.id],
    );
    expect(rows).toEqual([
      { bloc: 'CCP1', position: 0, competencies: 'C1 Préparer le poste de soudage | C2 Souder à plat avec un procédé semi-automatique' },
      { bloc: 'CCP2', position: 1, competencies: 'C3 Souder en position' },
    ]);

    await page.getByRole('link', { name: '← Toutes les certifications' }).click();
    const row = page.getByRole('row', { name: /RNCP35190/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['RNCP35190', expect.stringContaining('Titre professionnel Soudeur assembleur industriel'), '3', '2', '0']);
    await row.getByText('RNCP (titre ou diplôme) · Ministère du Travail').waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher une certification' }).fill('plaquiste');
    await page.getByText('Aucune certification ne correspond').waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher une certification' }).fill('soudeur');
    await page.getByText('1 certification trouvée').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-certifications');
    await close();
  });

  it('edits a certification in a dialog: anything while no pathway follows it, only titles once one does', async () => {
    const free = await factory.certification(tenant);
    const followed = await factory.certification(tenant);
    const candidate = await factory.candidate(tenant);
    await factory.pathway(tenant, { candidateId: candidate.id, certificationId: followed.id });
    const { page, close } = await signedIn();

    await page.goto(`/certifications/${free.id}`);
    await page.getByRole('heading', { name: 'Opérateur régleur en usinage', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Modifier la certification' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier Opérateur régleur en usinage' });
    const form = dialog.getByRole('form', { name: 'Modifier la certification' });
    await form.getByRole('textbox', { name: 'Intitulé', exact: true }).fill('Opérateur régleur sur machine-outil');
    await form.getByRole('button', { name: 'Ajouter un bloc' }).click();
    await bloc(form, 3).getByRole('textbox', { name: 'Code du bloc' }).fill('B3');
    await bloc(form, 3).getByRole('textbox', { name: 'Intitulé du bloc' }).fill('Contrôler les pièces');
    await bloc(form, 3).getByRole('textbox', { name: 'Code de la compétence 1' }).fill('B3.C1');
    await bloc(form, 3).getByRole('textbox', { name: 'Intitulé de la compétence 1' }).fill('Mesurer avec un pied à coulisse');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Opérateur régleur sur machine-outil : modifications enregistrées.').waitFor();
    await page.getByRole('heading', { name: 'B3 — Contrôler les pièces' }).waitFor();
    // The focus comes back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Modifier la certification');

    await page.goto(`/certifications/${followed.id}`);
    await page.getByText('Parcours qui la suivent').waitFor();
    await page.getByRole('button', { name: 'Modifier la certification' }).click();
    const locked = page.getByRole('dialog').getByRole('form', { name: 'Modifier la certification' });
    await locked.getByText('1 parcours suit cette certification').waitFor();
    expect(await locked.getByRole('button', { name: 'Ajouter un bloc' }).count()).toBe(0);
    expect(await bloc(locked, 1).getByRole('textbox', { name: 'Code du bloc' }).getAttribute('readonly')).not.toBeNull();
    await bloc(locked, 1).getByRole('textbox', { name: 'Intitulé de la compétence 2' }).fill('Régler la machine avant la série');
    await expectAccessible(page);
    await screenshot(page, 'coordinator-certification-edit');
    await locked.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('Opérateur régleur en usinage : modifications enregistrées.').waitFor();
    await page.getByText('Régler la machine avant la série').waitFor();

    const { rows } = await pools.owner.query(`SELECT c.code, c.title FROM competencies c JOIN blocs b ON b.id = c.bloc_id WHERE b.certification_id = $1 ORDER BY c.code`, [followed.id]);
    expect(rows.map((r) => `${r.code} ${r.title}`)).toEqual(['B1.C1 Compétence B1.C1', 'B1.C2 Régler la machine avant la série', 'B2.C1 Compétence B2.C1', 'B2.C2 Compétence B2.C2']);
    await close();
  });

  it('says when a certification is not there, and when the server cannot be reached', async () => {
    const { page, close } = await signedIn();
    await page.goto(`/certifications/${randomUUID()}`);
    await page.getByText('Certification introuvable').waitFor();
    await page.getByRole('link', { name: '← Toutes les certifications' }).waitFor();
    await expectAccessible(page);

    await page.route((url) => url.pathname === '/api/v1/certifications', (route) => route.abort());
    await page.getByRole('link', { name: '← Toutes les certifications' }).click();
    await page.getByRole('alert').filter({ hasText: 'Le serveur ne répond pas' }).waitFor();
    await page.getByRole('button', { name: 'Réessayer' }).waitFor();
    await expectAccessible(page);
    await close();
  });
});

/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import type { Page } from 'playwright-core';
import { accessibilityViolations, browserSuite, newContext, screenshot, submitSignIn } from '../../../test/support/browser.js';
import type { TestTenant, TestUser } from '../../../test/support/factories.js';

jest.setTimeout(90_000);

/** Access tokens live 4 s here: every test also goes through silent refreshes. */
const ACCESS_TOKEN_TTL_SECONDS = 4;

describe('a pathway in the browser', () => {
  const suite = browserSuite({ ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS) });
  const { factory, pools } = suite;
  let tenant: TestTenant;
  let certificationId: string;

  beforeAll(async () => {
    tenant = await factory.tenant('GEIQ Adour');
    certificationId = (await factory.certification(tenant)).id;
  });

  async function openPathway(state: string, firstName: string, lastName: string): Promise<{ page: Page; coordinator: TestUser; close: () => Promise<void> }> {
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    const candidate = await factory.candidate(tenant, { firstName, lastName });
    const pathway = await factory.pathway(tenant, { candidateId: candidate.id, certificationId, state });
    const context = await newContext(suite.browser, suite.stack);
    const page = await context.newPage();
    await page.goto(`/parcours/${pathway.id}`);
    await page.waitForURL(/\/connexion\?redirect=/);
    await submitSignIn(page, coordinator);
    await page.getByRole('heading', { name: `${firstName} ${lastName}`, level: 1 }).waitFor();
    return { page, coordinator, close: () => context.close() };
  }

  it('offers the allowed actions; a refused one explains the rule in French in its form, an accepted one moves the pathway', async () => {
    const { page, close } = await openPathway('EXPERIENCE', 'Noé', 'Bérard');
    const actions = page.getByRole('group', { name: 'Actions possibles' });
    await actions.getByRole('button', { name: 'Enregistrer une sortie du parcours' }).waitFor();
    // No contract, no documents: the API offers nothing else at this step.
    expect(await actions.getByRole('button').allTextContents()).toEqual(['Enregistrer une sortie du parcours']);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'coordinator-pathway');

    await actions.getByRole('button', { name: 'Enregistrer une sortie du parcours' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enregistrer une sortie du parcours' });
    await dialog.getByRole('button', { name: 'Valider' }).click();
    await dialog.getByText('Motif requis').waitFor();
    await dialog.getByText('Date invalide (format AAAA-MM-JJ attendu)').waitFor();
    await dialog.getByLabel(/^Date de sortie/).fill('2099-03-02');
    await dialog.getByLabel(/^Motif/).fill('A trouvé un emploi en CDI dans une autre entreprise');
    await dialog.getByRole('button', { name: 'Valider' }).click();
    await dialog.getByRole('alert').getByText('Action refusée').waitFor();
    await dialog.getByText('La date de sortie (02/03/2099) est dans le futur : indiquez le jour où c’est arrivé.').waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'coordinator-pathway-action-refused');

    await dialog.getByLabel(/^Date de sortie/).fill('2026-01-15');
    await dialog.getByRole('button', { name: 'Valider' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Sorti du parcours', { exact: true }).waitFor();
    expect(await page.getByRole('group', { name: 'Actions possibles' }).count()).toBe(0);
    const { rows } = await pools.owner.query(`SELECT p.state FROM pathways p JOIN candidates c ON c.id = p.candidate_id WHERE c.last_name = 'Bérard' AND p.tenant_id = $1`, [tenant.id]);
    expect(rows).toEqual([{ state: 'WITHDRAWN' }]);
    await close();
  });

  it('renews an access token about to expire before the request goes out: no request meets a 401', async () => {
    const { page, close } = await openPathway('DOSSIER', 'Lou', 'Marchand');
    const refused: string[] = [];
    let refreshes = 0;
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (response.status() === 401) refused.push(`${response.request().method()} ${pathname}`);
      if (pathname === '/api/v1/auth/refresh' && response.ok()) refreshes++;
    });
    // The page stays open longer than the token lives.
    await page.waitForTimeout((ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);

    const comment = 'Entretien de mi-parcours fait avec l’employeur.';
    await page.getByRole('textbox', { name: 'Commentaire' }).fill(comment);
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('listitem').filter({ hasText: comment }).waitFor();
    expect(refreshes).toBeGreaterThan(0);
    expect(refused).toEqual([]);
    await close();
  });

  it('when the session ends while a comment is being typed, signs in again over the page and keeps the text', async () => {
    const { page, coordinator, close } = await openPathway('DOSSIER', 'Anaïs', 'Roussel');
    const comment = 'Point téléphonique avec la tutrice : le dossier avance bien, relecture prévue lundi.';
    await page.getByRole('textbox', { name: 'Commentaire' }).fill(comment);
    // The session is revoked elsewhere, and the access token in memory runs out.
    await pools.owner.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1', [coordinator.id]);
    await page.waitForTimeout((ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);
    await page.getByRole('button', { name: 'Publier' }).click();

    const dialog = page.getByRole('dialog', { name: 'Votre session a expiré' });
    await dialog.waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'session-expired');
    expect(await dialog.getByLabel('Adresse e-mail').inputValue()).toBe(coordinator.email);
    await dialog.getByLabel(/^Mot de passe/).fill(coordinator.password);
    await dialog.getByRole('button', { name: 'Se reconnecter' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('textbox', { name: 'Commentaire' }).inputValue()).toBe(comment);

    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('listitem').filter({ hasText: comment }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Commentaire' }).inputValue()).toBe('');
    await close();
  });
});

/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { accessibilityViolations, browserSuite, newContext, screenshot, submitSignIn } from '../../../test/support/browser.js';

jest.setTimeout(90_000);

describe('reminder settings in the browser', () => {
  const suite = browserSuite();
  const { factory } = suite;

  it('the tenant admin changes lead times; a wrong value is explained in French before anything is sent', async () => {
    const tenant = await factory.tenant('GEIQ Quercy');
    const admin = await factory.member(tenant, 'TENANT_ADMIN');
    const coordinator = await factory.member(tenant, 'COORDINATOR');

    const context = await newContext(suite.browser, suite.stack);
    const page = await context.newPage();
    await page.goto('/connexion');
    await submitSignIn(page, admin);
    await page.getByRole('link', { name: 'Réglages des rappels' }).click();
    const form = page.getByRole('form', { name: 'Réglages des rappels' });
    const silent = form.getByRole('textbox', { name: 'Tuteur sans saisie', exact: true });
    expect(await silent.inputValue()).toBe('7');
    expect(await form.getByRole('textbox', { name: 'Fin du contrat' }).inputValue()).toBe('90, 30');

    await silent.fill('0');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.getByText('Valeur trop petite ou trop courte').waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);

    await silent.fill('10');
    await form.getByRole('textbox', { name: 'Fin du contrat' }).fill('120, 60, 30');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.getByText(/Réglages enregistrés/).waitFor();
    await screenshot(page, 'admin-reminder-settings');
    await page.reload();
    await page.getByRole('form', { name: 'Réglages des rappels' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Tuteur sans saisie', exact: true }).inputValue()).toBe('10');
    expect(await page.getByRole('textbox', { name: 'Fin du contrat' }).inputValue()).toBe('120, 60, 30');
    await context.close();

    // A coordinator has no such page: the menu does not offer it and the address leads home.
    const other = await newContext(suite.browser, suite.stack);
    const coordinatorPage = await other.newPage();
    await coordinatorPage.goto('/connexion');
    await submitSignIn(coordinatorPage, coordinator);
    await coordinatorPage.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    expect(await coordinatorPage.getByRole('link', { name: 'Réglages des rappels' }).count()).toBe(0);
    await coordinatorPage.goto('/parametres/rappels');
    await coordinatorPage.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await other.close();
  });
});

/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { browserSuite, expectAccessible, newContext, screenshot, signedInPage, submitSignIn } from '../../../test/support/browser.js';
import type { TestTenant, TestUser } from '../../../test/support/factories.js';

jest.setTimeout(90_000);

/** Open states and how many filler pathways each gets (plus the three named ones). */
const FILLERS: [string, number][] = [
  ['CERTIFICATION_CHOSEN', 6],
  ['EXPERIENCE', 8],
  ['ADMISSIBILITY_PENDING', 4],
  ['CERTIFIED', 4],
];

describe('coordinator journey in the browser', () => {
  const suite = browserSuite();
  const { factory } = suite;
  let tenant: TestTenant;
  let coordinator: TestUser;
  let cohortA: { id: string; name: string };

  beforeAll(async () => {
    tenant = await factory.tenant('GEIQ Garonne');
    coordinator = await factory.member(tenant, 'COORDINATOR');
    const certification = await factory.certification(tenant);
    cohortA = await factory.cohort(tenant, certification.id, 'Usinage printemps');
    const cohortB = await factory.cohort(tenant, certification.id, 'Plasturgie automne');
    const named: [string, string, string, string][] = [
      ['Maëlle', 'Lefèvre', 'DOSSIER', cohortA.id],
      ['Jérôme', 'Durand', 'EXPERIENCE', cohortA.id],
      ['Inès', 'Garçon', 'JURY_SCHEDULED', cohortB.id],
    ];
    for (const [firstName, lastName, state, cohortId] of named) {
      const candidate = await factory.candidate(tenant, { firstName, lastName });
      await factory.pathway(tenant, { candidateId: candidate.id, certificationId: certification.id, cohortId, state });
    }
    let n = 0;
    for (const [state, count] of FILLERS) {
      for (let i = 0; i < count; i++) {
        // Zeller 01…22 sort after the named three: page 2 holds Zeller 18 to 22.
        const candidate = await factory.candidate(tenant, { firstName: 'Alex', lastName: `Zeller ${String(++n).padStart(2, '0')}` });
        await factory.pathway(tenant, { candidateId: candidate.id, certificationId: certification.id, cohortId: cohortB.id, state });
      }
    }
    await factory.notification(tenant, coordinator.id, { title: 'Jury dans 14 jours', body: 'Le jury d’Inès Garçon approche.', link: '/parcours?etat=JURY_SCHEDULED' });
  });

  const signedIn = () => signedInPage(suite, coordinator);

  it('signs in with the keyboard alone and lands on the dashboard', async () => {
    const context = await newContext(suite.browser, suite.stack);
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL(/\/connexion\?redirect=/);
    await page.getByRole('heading', { name: 'Jalon' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'login');

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.autocomplete)).toBe('username');
    await page.keyboard.type(coordinator.email);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.autocomplete)).toBe('current-password');
    await page.keyboard.type(coordinator.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tableau-de-bord');
    await context.close();
  });

  it('explains a refused sign-in in French, next to the form', async () => {
    const context = await newContext(suite.browser, suite.stack);
    const page = await context.newPage();
    await page.goto('/connexion');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse e-mail invalide').waitFor();
    await submitSignIn(page, { email: coordinator.email, password: 'pas le bon mot de passe' });
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'login-refused');
    await context.close();
  });

  it('shows the dashboard cards and the board by state, filtered by cohort', async () => {
    const { context, page } = await signedIn();
    const card = (title: string) => page.getByRole('group', { name: title });
    // Open states: 6 + 8 + 4 fillers, plus Maëlle, Jérôme and Inès.
    await card('Parcours en cours').getByText('21', { exact: true }).waitFor();
    // The figures may be up to a minute old: the page says when they were computed.
    await page.getByText(/^Chiffres du \d+ \S+ .*\d{2}:\d{2}/).waitFor();
    const column = (label: string) => page.getByRole('region', { name: new RegExp(`^${label} : \\d+$`) });
    await column('Dossier de validation en préparation').getByRole('link', { name: 'Maëlle Lefèvre' }).waitFor();
    await column('Jury programmé').getByRole('link', { name: 'Inès Garçon' }).waitFor();
    expect(await column('En situation de travail').getByRole('listitem').count()).toBe(9);
    await page.getByRole('button', { name: 'Notifications : 1 non lue' }).waitFor();
    await expectAccessible(page);
    // The bell opens the latest; following one marks it read.
    await page.getByRole('button', { name: 'Notifications : 1 non lue' }).click();
    const latest = page.getByRole('link', { name: /^Jury dans 14 jours \(non lue\)/ });
    await latest.waitFor();
    await expectAccessible(page);
    await latest.click();
    await page.waitForURL(/\/parcours\?.*etat=JURY_SCHEDULED/);
    await page.getByRole('button', { name: 'Notifications : aucune non lue' }).waitFor();
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.getByText('Le jury d’Inès Garçon approche.').waitFor();
    await expectAccessible(page);
    await page.goto('/tableau-de-bord');
    // The current page's menu entry stays readable under the pointer.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).hover();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-dashboard');

    await page.getByRole('combobox', { name: 'Promotion' }).click();
    await page.getByRole('option', { name: cohortA.name }).click();
    await page.waitForURL(new RegExp(`promotion=${cohortA.id}`));
    await page.getByRole('region', { name: 'En situation de travail : 1' }).getByRole('link', { name: 'Jérôme Durand' }).waitFor();
    await card('Parcours en cours').getByText('2', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Inès Garçon' }).count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('counts every pathway of a step on the board, beyond those it shows, and links to the rest', async () => {
    const large = await factory.tenant('GEIQ Grand Sud');
    const staff = await factory.member(large, 'COORDINATOR');
    const certification = await factory.certification(large);
    // The board shows the first 100 by name: 105 in work, then two whose names come last.
    for (let i = 0; i < 105; i++) {
      const candidate = await factory.candidate(large, { firstName: 'Alex', lastName: `Abadie ${String(i).padStart(3, '0')}` });
      await factory.pathway(large, { candidateId: candidate.id, certificationId: certification.id, state: 'EXPERIENCE' });
    }
    for (const lastName of ['Zapata', 'Zubiri']) {
      const candidate = await factory.candidate(large, { firstName: 'Lou', lastName });
      await factory.pathway(large, { candidateId: candidate.id, certificationId: certification.id, state: 'DOSSIER' });
    }
    const { context, page } = await signedInPage(suite, staff);
    const working = page.getByRole('region', { name: 'En situation de travail : 105' });
    await working.getByRole('link', { name: 'Alex Abadie 099' }).waitFor();
    expect(await working.getByRole('listitem').count()).toBe(100);
    await page.getByRole('region', { name: 'Dossier de validation en préparation : 2' }).getByRole('link', { name: 'Voir les 2 parcours' }).waitFor();
    await expectAccessible(page);
    await working.getByRole('link', { name: 'et 5 autres' }).click();
    await page.waitForURL(/\/parcours\?.*etat=EXPERIENCE/);
    await page.getByText('105 parcours trouvés').waitFor();
    await context.close();
  });

  it('finds a pathway without typing accents, filters by step and pages through the list', async () => {
    const { context, page } = await signedIn();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Parcours' }).click();
    await page.getByRole('heading', { name: 'Parcours', exact: true }).waitFor();
    await page.getByText('25 parcours trouvés').waitFor();
    expect(await page.getByRole('row').count()).toBe(21); // header + 20
    await page.getByRole('button', { name: 'Page 2' }).click();
    await page.waitForURL(/page=2/);
    await page.getByRole('link', { name: 'Alex Zeller 22' }).waitFor();
    expect(await page.getByRole('row').count()).toBe(6);
    await expectAccessible(page);

    await page.getByRole('searchbox', { name: 'Rechercher un·e alternant·e' }).fill('maelle lefevre');
    await page.getByText('1 parcours trouvé').waitFor();
    await page.getByRole('link', { name: 'Maëlle Lefèvre' }).waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    await screenshot(page, 'coordinator-pathways-search');

    await page.getByRole('searchbox', { name: 'Rechercher un·e alternant·e' }).fill('');
    await page.getByText('25 parcours trouvés').waitFor();
    await page.getByRole('combobox', { name: 'Étape' }).click();
    await page.getByRole('option', { name: 'Jury programmé' }).click();
    await page.getByText('1 parcours trouvé').waitFor();
    await page.getByRole('link', { name: 'Inès Garçon' }).waitFor();
    await page.keyboard.press('Escape');
    await expectAccessible(page);
    await screenshot(page, 'coordinator-pathways');

    await page.getByRole('searchbox', { name: 'Rechercher un·e alternant·e' }).fill('personne de ce nom');
    await page.getByText('Aucun parcours ne correspond').waitFor();
    await context.close();
  });

  it('switches to another GEIQ where the same person is a tutor: the menu, the home page and the data follow', async () => {
    const person = await factory.user({ firstName: 'Claire', lastName: 'Roques' });
    await factory.member(tenant, 'COORDINATOR', person);
    const other = await factory.tenant('GEIQ Pyrénées');
    await factory.member(other, 'TUTOR', person);
    const context = await newContext(suite.browser, suite.stack);
    const page = await context.newPage();
    await page.goto('/connexion');
    await submitSignIn(page, person);
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Navigation principale' });

    await page.getByRole('button', { name: 'GEIQ : GEIQ Garonne. Changer de GEIQ' }).click();
    const switchTo = page.getByRole('menuitem', { name: 'GEIQ Pyrénées — Tuteur en entreprise' });
    await switchTo.waitFor();
    await expectAccessible(page);
    await switchTo.click();
    await page.getByRole('heading', { name: 'Bonjour Claire' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/accueil');
    await page.getByRole('button', { name: 'GEIQ : GEIQ Pyrénées. Changer de GEIQ' }).waitFor();
    await menu.getByRole('link', { name: 'Saisir un progrès' }).waitFor();
    expect(await menu.getByRole('link', { name: 'Tableau de bord' }).count()).toBe(0);
    // Nothing of the other GEIQ is left on screen or in the cache.
    await menu.getByRole('link', { name: 'Mes alternant·es' }).click();
    await page.getByText('Aucun parcours pour le moment.').waitFor();
    expect(await page.getByRole('link', { name: 'Maëlle Lefèvre' }).count()).toBe(0);
    await page.goto('/tableau-de-bord');
    await page.waitForURL(/\/accueil$/);

    await page.getByRole('button', { name: 'GEIQ : GEIQ Pyrénées. Changer de GEIQ' }).click();
    await page.getByRole('menuitem', { name: 'GEIQ Garonne — Chargé·e d’accompagnement' }).click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.getByRole('region', { name: /^Dossier de validation en préparation/ }).getByRole('link', { name: 'Maëlle Lefèvre' }).waitFor();
    await context.close();
  });

  it('keeps the session across a reload with nothing in storage, and ends it on sign-out', async () => {
    const { context, page } = await signedIn();
    await page.reload();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    expect(await page.evaluate(() => [{ ...localStorage }, { ...sessionStorage }, document.cookie])).toEqual([{}, {}, '']);
    const cookies = await context.cookies();
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, secure: c.secure, sameSite: c.sameSite, path: c.path }))).toEqual([
      { name: 'jalon_refresh', httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/v1/auth' },
    ]);

    await page.getByRole('button', { name: /^Mon compte/ }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion/);
    await page.goto('/tableau-de-bord');
    await page.waitForURL(/\/connexion\?redirect=/);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});

import { browserSuite, expectAccessible, screenshot, signedInPage } from '../../../test/support/browser.js';
import type { TestTenant, TestUser } from '../../../test/support/factories.js';

jest.setTimeout(90_000);

describe('coordinator records candidates, member companies and cohorts in the browser', () => {
  const suite = browserSuite();
  const { factory, pools } = suite;
  let tenant: TestTenant;
  let coordinator: TestUser;

  beforeAll(async () => {
    tenant = await factory.tenant('GEIQ Comminges');
    coordinator = await factory.member(tenant, 'COORDINATOR');
  });

  const signedIn = () => signedInPage(suite, coordinator);

  it('adds a person accompanied, refuses an invalid phone in French, and finds her without accents', async () => {
    const { page, close } = await signedIn();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Personnes accompagnées' }).click();
    await page.getByRole('heading', { name: 'Personnes accompagnées', level: 1 }).waitFor();
    await page.getByText('Aucune personne enregistrée').waitFor();

    const form = page.getByRole('form', { name: 'Nouvelle personne accompagnée' });
    await form.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await form.getByText('Prénom requis').waitFor();
    await form.getByText('Nom requis', { exact: true }).waitFor();
    expect(await form.getByLabel('Date de naissance').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    await form.getByRole('textbox', { name: 'Prénom' }).fill('Léa');
    await form.getByRole('textbox', { name: 'Nom', exact: true }).fill('Bérard');
    await form.getByLabel('Date de naissance').fill('2001-04-17');
    await form.getByRole('textbox', { name: 'Téléphone' }).fill('12 34');
    await form.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await form.getByText('Numéro de téléphone invalide (ex. 06 12 34 56 78)').waitFor();
    await expectAccessible(page);

    await form.getByRole('textbox', { name: 'Téléphone' }).fill('06 12 34 56 78');
    await form.getByRole('textbox', { name: 'Adresse e-mail' }).fill('lea.berard@example.fr');
    await form.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.getByText('Fiche de Léa Bérard enregistrée.').waitFor();
    await page.getByRole('cell', { name: 'Léa Bérard', exact: true }).waitFor();
    await page.getByRole('cell', { name: '17 avril 2001' }).waitFor();

    await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('berard');
    await page.getByText('1 personne trouvée').waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('Martin');
    await page.getByText('Aucune personne ne correspond').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-candidates');

    const { rows } = await pools.owner.query(`SELECT first_name, last_name, email, phone FROM candidates WHERE tenant_id = $1`, [tenant.id]);
    expect(rows).toEqual([{ first_name: 'Léa', last_name: 'Bérard', email: 'lea.berard@example.fr', phone: expect.stringMatching(/^(0|\+33)612345678$/) as unknown }]);
    await close();
  });

  it('adds a member company: the SIRET with a wrong check digit is refused in French next to the field', async () => {
    const { page, close } = await signedIn();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Entreprises adhérentes' }).click();
    await page.getByRole('heading', { name: 'Entreprises adhérentes', level: 1 }).waitFor();
    await page.getByText('Aucune entreprise enregistrée').waitFor();

    const form = page.getByRole('form', { name: 'Nouvelle entreprise adhérente' });
    await form.getByRole('textbox', { name: 'Raison sociale' }).fill('Mécanique Pyrénées');
    await form.getByRole('textbox', { name: 'SIRET' }).fill('123');
    await form.getByRole('button', { name: 'Enregistrer l’entreprise' }).click();
    await form.getByText('Le SIRET compte 14 chiffres').waitFor();
    await expectAccessible(page);

    await form.getByRole('textbox', { name: 'SIRET' }).fill('732 829 320 00075');
    await form.getByRole('textbox', { name: 'Code NAF' }).fill('25.62B');
    await form.getByRole('textbox', { name: 'Ville' }).fill('Saint-Gaudens');
    await form.getByRole('textbox', { name: 'Code postal' }).fill('31800');
    await form.getByRole('textbox', { name: 'Nom du contact' }).fill('Hélène Roussel');
    await form.getByRole('button', { name: 'Enregistrer l’entreprise' }).click();
    const siret = form.getByRole('textbox', { name: 'SIRET' });
    await form.getByText('Ce SIRET n’est pas valide (clé de contrôle incorrecte).').first().waitFor();
    expect(await siret.getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('alert').filter({ hasText: 'Entreprise non enregistrée' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-employer-refused');

    await siret.fill('732 829 320 00074');
    await form.getByRole('button', { name: 'Enregistrer l’entreprise' }).click();
    await page.getByText('Mécanique Pyrénées est enregistrée.').waitFor();
    await page.getByRole('cell', { name: '732 829 320 00074' }).waitFor();
    await page.getByRole('cell', { name: 'Hélène Roussel' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher une entreprise' }).fill('mecanique pyrenees');
    await page.getByText('1 entreprise trouvée').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-employers');

    const { rows } = await pools.owner.query(`SELECT name, siret, naf_code, postal_code FROM employers WHERE tenant_id = $1`, [tenant.id]);
    expect(rows).toEqual([{ name: 'Mécanique Pyrénées', siret: '73282932000074', naf_code: '25.62B', postal_code: '31800' }]);
    await close();
  });

  it('opens a cohort for a certification, with themself as referent', async () => {
    await factory.certification(tenant);
    const { page, close } = await signedIn();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Promotions' }).click();
    await page.getByRole('heading', { name: 'Promotions', level: 1 }).waitFor();
    await page.getByText('Aucune promotion enregistrée').waitFor();

    const form = page.getByRole('form', { name: 'Nouvelle promotion' });
    await form.getByRole('button', { name: 'Ouvrir la promotion' }).click();
    await form.getByText('Nom de la promotion requis').waitFor();
    await expectAccessible(page);

    await form.getByRole('textbox', { name: 'Nom de la promotion' }).fill('Usinage automne 2026');
    await form.getByRole('combobox', { name: 'Certification visée' }).click();
    await page.getByRole('option', { name: /Opérateur régleur en usinage/ }).click();
    await form.getByLabel('Date de début').fill('2026-09-14');
    await form.getByRole('combobox', { name: 'Coordinateur·rice référent·e' }).click();
    await page.getByRole('option', { name: /\(moi\)$/ }).click();
    await form.getByRole('button', { name: 'Ouvrir la promotion' }).click();
    await page.getByText('La promotion Usinage automne 2026 est ouverte.').waitFor();
    await page.getByRole('cell', { name: '14 septembre 2026' }).waitFor();
    await page.getByText('Vous en êtes le ou la référent·e').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-cohorts');

    const { rows } = await pools.owner.query(`SELECT name, referent_coordinator_id FROM cohorts WHERE tenant_id = $1`, [tenant.id]);
    expect(rows).toEqual([{ name: 'Usinage automne 2026', referent_coordinator_id: coordinator.id }]);
    await close();
  });
});

/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { randomUUID } from 'node:crypto';
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

  const signedIn = (user: TestUser = coordinator) => signedInPage(suite, user);

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

    // Corrected in a dialog: renamed, moved, and left without a referent.
    await page.getByRole('button', { name: 'Modifier la promotion Usinage automne 2026' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier la promotion Usinage automne 2026' });
    await dialog.getByRole('textbox', { name: 'Nom de la promotion' }).fill('');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('Nom de la promotion requis').waitFor();
    await dialog.getByRole('textbox', { name: 'Nom de la promotion' }).fill('Usinage hiver 2026');
    await dialog.getByLabel('Date de début').fill('2026-11-30');
    await dialog.getByRole('combobox', { name: 'Coordinateur·rice référent·e' }).click();
    await page.getByRole('option', { name: /\(moi\)$/ }).click(); // chosen again: emptied
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('La promotion Usinage hiver 2026 est modifiée.').waitFor();
    await page.getByRole('cell', { name: '30 novembre 2026' }).waitFor();
    expect(await page.getByText('Vous en êtes le ou la référent·e').count()).toBe(0);
    const { rows: after } = await pools.owner.query(`SELECT name, start_date::text, referent_coordinator_id FROM cohorts WHERE tenant_id = $1`, [tenant.id]);
    expect(after).toEqual([{ name: 'Usinage hiver 2026', start_date: '2026-11-30', referent_coordinator_id: null }]);
    await close();
  });

  /** Another GEIQ, so that its lists start as these tests expect whatever ran before. */
  async function ownTenant(name: string) {
    const geiq = await factory.tenant(name);
    return { geiq, user: await factory.member(geiq, 'COORDINATOR') };
  }

  it('opens a person’s record from the list, with her pathways, and edits it in a dialog', async () => {
    const { geiq, user } = await ownTenant('GEIQ Couserans');
    const person = await factory.candidate(geiq, { firstName: 'Océane', lastName: 'Marty', birthDate: '2002-09-30' });
    const certification = await factory.certification(geiq);
    const pathway = await factory.pathway(geiq, { candidateId: person.id, certificationId: certification.id, state: 'EXPERIENCE' });
    await pools.owner.query(`UPDATE candidates SET email = 'oceane.marty@example.fr', phone = '+33611223344' WHERE id = $1`, [person.id]);
    const { page, close } = await signedIn(user);

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Personnes accompagnées' }).click();
    await page.getByRole('link', { name: 'Océane Marty' }).click();
    await page.getByRole('heading', { name: 'Océane Marty', level: 1 }).waitFor();
    await page.getByText('30 septembre 2002').waitFor();
    await page.getByText('06 11 22 33 44').waitFor();
    const pathways = page.getByRole('region', { name: 'Ses parcours' });
    await pathways.getByRole('link', { name: 'Opérateur régleur en usinage' }).waitFor();
    await pathways.getByText('En situation de travail').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-candidate');

    // With the keyboard: the dialog opens on its first field.
    await page.getByRole('button', { name: 'Modifier la fiche' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Modifier la fiche de Océane Marty' });
    const form = dialog.getByRole('form', { name: 'Modifier la fiche' });
    await form.waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Océane');
    expect(await form.getByRole('textbox', { name: 'Téléphone' }).inputValue()).toBe('06 11 22 33 44');
    await form.getByRole('textbox', { name: 'Nom', exact: true }).fill('');
    await form.getByRole('textbox', { name: 'Adresse e-mail' }).fill('oceane@');
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await form.getByText('Nom requis', { exact: true }).waitFor();
    await form.getByText('Adresse e-mail invalide').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-candidate-edit');

    await form.getByRole('textbox', { name: 'Nom', exact: true }).fill('Marty-Rouzaud');
    await form.getByRole('textbox', { name: 'Adresse e-mail' }).fill('');
    await form.getByRole('combobox', { name: 'Public prioritaire' }).click();
    await page.getByRole('option', { name: 'Bénéficiaire du RSA' }).click();
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Fiche de Océane Marty-Rouzaud mise à jour.').waitFor();
    await page.getByRole('heading', { name: 'Océane Marty-Rouzaud', level: 1 }).waitFor();
    await page.getByText('Bénéficiaire du RSA').waitFor();
    await expectAccessible(page);

    const { rows } = await pools.owner.query(`SELECT last_name, search_name, email, phone, public_category FROM candidates WHERE id = $1`, [person.id]);
    expect(rows).toEqual([{ last_name: 'Marty-Rouzaud', search_name: 'oceane marty-rouzaud', email: null, phone: '+33611223344', public_category: 'RSA' }]);

    await pathways.getByRole('link', { name: 'Opérateur régleur en usinage' }).click();
    await page.waitForURL(`**/parcours/${pathway.id}`);
    await page.getByRole('heading', { name: 'Océane Marty-Rouzaud', level: 1 }).waitFor();
    await close();
  });

  it('opens a member company with its alternants, and edits its address and contacts', async () => {
    const { geiq, user } = await ownTenant('GEIQ Lauragais');
    const { pathwayId } = await factory.rowInEveryTable(geiq);
    const { rows: placed } = await pools.owner.query<{ employer_id: string; name: string; siret: string; last_name: string }>(
      `SELECT p.employer_id, e.name, e.siret, c.last_name FROM placements p JOIN employers e ON e.id = p.employer_id JOIN pathways w ON w.id = p.pathway_id JOIN candidates c ON c.id = w.candidate_id WHERE p.pathway_id = $1`,
      [pathwayId],
    );
    const company = placed[0]!;
    const { page, close } = await signedIn(user);

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Entreprises adhérentes' }).click();
    await page.getByRole('link', { name: company.name }).click();
    await page.getByRole('heading', { name: company.name, level: 1 }).waitFor();
    const alternants = page.getByRole('region', { name: 'Alternant·es placé·es dans l’entreprise' });
    await alternants.getByRole('link', { name: `Camille ${company.last_name}` }).waitFor();
    await page.getByText('Aucun contact enregistré.').waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Modifier l’entreprise' }).click();
    const dialog = page.getByRole('dialog', { name: `Modifier ${company.name}` });
    const form = dialog.getByRole('form', { name: 'Modifier l’entreprise' });
    const siret = form.getByRole('textbox', { name: 'SIRET' });
    const right = await siret.inputValue();
    await siret.fill('732 829 320 00075');
    await form.getByRole('textbox', { name: 'Adresse' }).fill('12 chemin de Borde Blanche');
    await form.getByRole('textbox', { name: 'Code postal' }).fill('31290');
    await form.getByRole('textbox', { name: 'Ville' }).fill('Villefranche-de-Lauragais');
    await form.getByRole('textbox', { name: 'Nom du contact' }).fill('Sabine Cazals');
    await form.getByRole('textbox', { name: 'Fonction' }).fill('Responsable RH');
    // A second contact, with the keyboard: the focus goes to its name.
    await form.getByRole('button', { name: 'Ajouter un contact' }).focus();
    await page.keyboard.press('Enter');
    await form.getByRole('group', { name: 'Contact 2' }).waitFor();
    await page.keyboard.type('Marc Estève');
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    // The check digit is the API's to verify: its message comes back next to the field.
    await form.getByText('Ce SIRET n’est pas valide (clé de contrôle incorrecte).').first().waitFor();
    expect(await siret.getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('alert').filter({ hasText: 'Entreprise non enregistrée' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-employer-edit');

    await siret.fill(right);
    await form.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText(`${company.name} : modifications enregistrées.`).waitFor();
    await page.getByText('12 chemin de Borde Blanche, 31290 Villefranche-de-Lauragais').waitFor();
    await page.getByText('Sabine Cazals — Responsable RH').waitFor();
    await page.getByText('Marc Estève', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'coordinator-employer');

    const { rows } = await pools.owner.query(`SELECT siret, address_line, postal_code, city, contacts FROM employers WHERE id = $1`, [company.employer_id]);
    expect(rows).toEqual([
      { siret: company.siret, address_line: '12 chemin de Borde Blanche', postal_code: '31290', city: 'Villefranche-de-Lauragais', contacts: [{ name: 'Sabine Cazals', role: 'Responsable RH' }, { name: 'Marc Estève' }] },
    ]);
    await close();
  });

  it('says when a person or a company is not in this GEIQ', async () => {
    const other = await factory.tenant('GEIQ Ailleurs');
    const foreign = await factory.candidate(other);
    const { page, close } = await signedIn();
    await page.goto(`/personnes/${foreign.id}`);
    await page.getByText('Personne introuvable').waitFor();
    await page.goto(`/entreprises/${randomUUID()}`);
    await page.getByText('Entreprise introuvable').waitFor();
    await page.getByRole('link', { name: '← Toutes les entreprises adhérentes' }).waitFor();
    await expectAccessible(page);
    await close();
  });
});

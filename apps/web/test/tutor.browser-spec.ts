/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { accessibilityViolations, browserSuite, newContext, PHONE, screenshot, submitSignIn } from '../../../test/support/browser.js';

jest.setTimeout(90_000);

describe('tutor on a phone (360 px)', () => {
  const suite = browserSuite();
  const { factory, pools } = suite;

  it('picks the alternant, rates competencies, comments and saves in one screen', async () => {
    const tenant = await factory.tenant('GEIQ Bigorre');
    const { pathwayId, tutor } = await factory.rowInEveryTable(tenant);
    const { rows } = await pools.owner.query<{ first_name: string; last_name: string }>('SELECT c.first_name, c.last_name FROM pathways p JOIN candidates c ON c.id = p.candidate_id WHERE p.id = $1', [pathwayId]);
    const alternant = `${rows[0]!.first_name} ${rows[0]!.last_name}`;

    const context = await newContext(suite.browser, suite.stack, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    await submitSignIn(page, tutor);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await page.getByRole('link', { name: 'Saisir un progrès' }).click();
    await page.getByRole('heading', { name: 'Saisir un progrès' }).waitFor();
    // The only alternant is chosen already.
    expect(await page.getByRole('radio', { name: new RegExp(alternant) }).isChecked()).toBe(true);

    await page.getByRole('radiogroup', { name: 'B1.C1 – Compétence B1.C1' }).getByText('Acquise').click();
    await page.getByRole('radiogroup', { name: 'B2.C2 – Compétence B2.C2' }).getByText('En cours').click();
    await page.getByRole('button', { name: 'Enregistrer la saisie' }).click();
    await page.getByText('Décrivez l’activité réalisée').waitFor();
    await page.getByRole('textbox', { name: 'Activité réalisée' }).fill('Réglage de la presse à injecter, changement de moule en autonomie');
    await page.getByRole('textbox', { name: 'Commentaire' }).fill('Très à l’aise sur le changement de série.');
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'tutor-progress-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Enregistrer la saisie' }).click();
    await page.getByText(/enregistrée \(2 compétences\)/).waitFor();

    const saved = await pools.owner.query<{ code: string; level: string; comment: string }>(
      `SELECT c.code, a.level, e.comment FROM progress_entries e
         JOIN competency_assessments a ON a.progress_entry_id = e.id JOIN competencies c ON c.id = a.competency_id
        WHERE e.pathway_id = $1 AND e.author_id = $2 AND e.activity LIKE 'Réglage%' ORDER BY c.code`,
      [pathwayId, tutor.id],
    );
    expect(saved.rows).toEqual([
      { code: 'B1.C1', level: 'ACQUIRED', comment: 'Très à l’aise sur le changement de série.' },
      { code: 'B2.C2', level: 'IN_PROGRESS', comment: 'Très à l’aise sur le changement de série.' },
    ]);
    await context.close();
  });
});

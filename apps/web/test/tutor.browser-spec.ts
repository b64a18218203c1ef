/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import type { Page } from 'playwright-core';
import { accessibilityViolations, browserSuite, newContext, PHONE, screenshot, submitSignIn } from '../../../test/support/browser.js';

jest.setTimeout(90_000);

/** The level choices cut off at the right edge of their control (on a phone, all four must show whole). */
function clippedLevelChoices(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="radiogroup"]')].filter((group) => group.scrollWidth > group.clientWidth).map((group) => group.getAttribute('aria-labelledby') ?? ''),
  );
}

describe('tutor on a phone (360 px)', () => {
  const suite = browserSuite();
  const { factory, pools } = suite;

  it('picks the alternant, rates competencies, comments and saves in one screen', async () => {
    const tenant = await factory.tenant('GEIQ Bigorre');
    const { pathwayId, tutor } = await factory.rowInEveryTable(tenant, { candidate: { firstName: 'Camille', lastName: 'Dupuy' }, tutor: { firstName: 'Marc', lastName: 'Soulé' } });
    const { rows } = await pools.owner.query<{ first_name: string; last_name: string }>('SELECT c.first_name, c.last_name FROM pathways p JOIN candidates c ON c.id = p.candidate_id WHERE p.id = $1', [pathwayId]);
    const alternant = `${rows[0]!.first_name} ${rows[0]!.last_name}`;

    const context = await newContext(suite.browser, suite.stack, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    await submitSignIn(page, tutor);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('link', { name: alternant }).waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);

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
    expect(await clippedLevelChoices(page)).toEqual([]);
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

  it('runs an AFEST cycle step by step: analysis, mise en situation, séquence réflexive away from production, evaluation', async () => {
    const tenant = await factory.tenant('GEIQ Comminges');
    const { pathwayId, tutor } = await factory.rowInEveryTable(tenant, { candidate: { firstName: 'Hugo', lastName: 'Pereira' }, tutor: { firstName: 'Nadia', lastName: 'Benali' } });
    const title = 'Changement de série sur la presse 3';
    const reflectionReminders = async () =>
      (await pools.owner.query<{ status: string }>(`SELECT status FROM reminders WHERE pathway_id = $1 AND kind = 'AFEST_REFLECTION_DUE' ORDER BY status`, [pathwayId])).rows.map((r) => r.status);

    const context = await newContext(suite.browser, suite.stack, PHONE);
    const page = await context.newPage();
    await page.goto('/');
    await submitSignIn(page, tutor);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await page.getByRole('link', { name: 'Cycles AFEST' }).click();
    await page.getByRole('heading', { name: 'Cycles AFEST' }).waitFor();

    await page.getByRole('button', { name: 'Ouvrir un cycle' }).click();
    const opening = page.getByRole('form', { name: 'Nouveau cycle AFEST' });
    await opening.getByRole('button', { name: 'Ouvrir le cycle' }).click();
    await opening.getByText('Intitulé du cycle requis').waitFor();
    await opening.getByText('Choisissez au moins une compétence travaillée').waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await opening.getByRole('textbox', { name: /^Intitulé/ }).fill(title);
    await opening.getByRole('checkbox', { name: 'B1.C1 – Compétence B1.C1' }).check();
    await opening.getByRole('checkbox', { name: 'B2.C2 – Compétence B2.C2' }).check();
    await opening.getByRole('textbox', { name: /^Notes de l’analyse/ }).fill('Poste analysé avec le chef d’équipe : réglages, contrôle première pièce.');
    await opening.getByRole('button', { name: 'Ouvrir le cycle' }).click();
    await page.getByText(`Cycle « ${title} » ouvert. Prochaine étape : la mise en situation.`).waitFor();

    const cycle = page.getByRole('region', { name: title });
    await cycle.getByText('À faire : Mise en situation de travail').waitFor();
    await cycle.getByRole('form', { name: 'Enregistrer : Mise en situation de travail' }).getByRole('textbox', { name: 'Notes' }).fill('Changement de moule réalisé seul, tuteur en observation.');
    await cycle.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await cycle.getByText('Mise en situation de travail enregistrée. Prochaine étape : séquence réflexive.').waitFor();
    // The séquence réflexive is now due: the tutor will be reminded of it.
    expect(await reflectionReminders()).toEqual(['PLANNED']);

    const reflection = cycle.getByRole('form', { name: 'Enregistrer : Séquence réflexive' });
    await reflection.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await reflection.getByText('La séquence réflexive doit se tenir en dehors de la production : confirmez-le.').waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await reflection.getByRole('checkbox', { name: 'La séquence s’est tenue en dehors de la production' }).check();
    await reflection.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await cycle.getByText('Séquence réflexive enregistrée. Prochaine étape : évaluation.').waitFor();
    expect(await reflectionReminders()).toEqual(['CANCELLED']);

    const evaluation = cycle.getByRole('form', { name: 'Enregistrer : Évaluation' });
    await evaluation.getByRole('radiogroup', { name: 'B1.C1 – Compétence B1.C1' }).getByText('Acquise').click();
    await evaluation.getByRole('radiogroup', { name: 'B2.C2 – Compétence B2.C2' }).getByText('En cours').click();
    // Only the competencies of the cycle are evaluated.
    expect(await evaluation.getByRole('radiogroup').count()).toBe(2);
    await screenshot(page, 'tutor-afest-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await clippedLevelChoices(page)).toEqual([]);
    await evaluation.getByRole('button', { name: 'Enregistrer l’étape' }).click();
    await cycle.getByText('Évaluation enregistrée. Le cycle est terminé.').waitFor();
    await cycle.getByText('Cycle terminé').waitFor();
    await cycle.getByRole('listitem').filter({ hasText: 'B1.C1 – Compétence B1.C1' }).getByText(': Acquise').waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);

    const { rows } = await pools.owner.query(
      `SELECT analysis_notes, situation_on IS NOT NULL AS situation, reflection_on IS NOT NULL AS reflection,
              evaluation_on = (now() AT TIME ZONE 'Europe/Paris')::date AS evaluated_today
         FROM afest_cycles WHERE pathway_id = $1 AND title = $2`,
      [pathwayId, title],
    );
    expect(rows).toEqual([{ analysis_notes: 'Poste analysé avec le chef d’équipe : réglages, contrôle première pièce.', situation: true, reflection: true, evaluated_today: true }]);
    await context.close();
  });
});

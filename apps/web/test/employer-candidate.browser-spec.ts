/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import type { Page } from 'playwright-core';
import { addDays, parisDate } from '@jalon/domain';
import { accessibilityViolations, browserSuite, newContext, screenshot, submitSignIn } from '../../../test/support/browser.js';
import type { TestTenant, TestUser } from '../../../test/support/factories.js';

jest.setTimeout(90_000);

/** The smallest file the API recognises as a PDF by its content. */
const longDate = (date: string) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(new Date(`${date}T12:00:00Z`));
const juryDate = addDays(parisDate(new Date()), 10);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('employer contact and candidate in the browser', () => {
  const suite = browserSuite();
  const { factory, pools } = suite;
  let tenant: TestTenant;
  let pathwayId: string;
  let alternant: string;
  let employerId: string;
  let candidateId: string;
  /** Another company's alternant, in the same GEIQ. */
  let otherPathwayId: string;

  beforeAll(async () => {
    tenant = await factory.tenant('GEIQ Lauragais');
    ({ pathwayId } = await factory.rowInEveryTable(tenant, {
      candidate: { firstName: 'Yanis', lastName: 'Ferreira' },
      employer: 'Plasturgie du Lauragais',
      tutor: { firstName: 'Sandrine', lastName: 'Lopez' },
    }));
    const { rows } = await pools.owner.query<{ first_name: string; last_name: string; candidate_id: string; employer_id: string }>(
      `SELECT c.first_name, c.last_name, c.id AS candidate_id, pl.employer_id FROM pathways p
         JOIN candidates c ON c.id = p.candidate_id JOIN placements pl ON pl.pathway_id = p.id WHERE p.id = $1`,
      [pathwayId],
    );
    alternant = `${rows[0]!.first_name} ${rows[0]!.last_name}`;
    employerId = rows[0]!.employer_id;
    candidateId = rows[0]!.candidate_id;
    await pools.owner.query('UPDATE jury_sessions SET date = $1 WHERE pathway_id = $2', [juryDate, pathwayId]);
    ({ pathwayId: otherPathwayId } = await factory.rowInEveryTable(tenant, {
      candidate: { firstName: 'Camille', lastName: 'Roux' },
      employer: 'Mécanique du Comminges',
      tutor: { firstName: 'Paul', lastName: 'Sarda' },
    }));
  });

  async function signIn(user: TestUser): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await newContext(suite.browser, suite.stack);
    const page = await context.newPage();
    await page.goto('/');
    await submitSignIn(page, user);
    await page.getByRole('heading', { name: /^Bonjour/ }).waitFor();
    return { page, close: () => context.close() };
  }

  it('the employer contact reads the pathway of their alternant, cannot change it, and comments', async () => {
    const employer = await factory.member(tenant, 'EMPLOYER', undefined, { employerId });
    const { page, close } = await signIn(employer);
    await page.getByRole('link', { name: alternant }).waitFor();
    expect(await page.getByRole('link', { name: 'Camille Roux' }).count()).toBe(0);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    // Their alternants only, in the list too, and another company's pathway is not found, even by its address.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes alternant·es' }).click();
    await page.getByText('1 parcours trouvé').waitFor();
    expect(await page.getByRole('link', { name: 'Camille Roux' }).count()).toBe(0);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await page.goto(`/parcours/${otherPathwayId}`);
    await page.getByText('Parcours introuvable').waitFor();
    expect(await page.getByText('Camille Roux').count()).toBe(0);
    await page.goto('/parcours');
    await page.getByRole('link', { name: alternant }).click();
    await page.getByRole('heading', { name: alternant, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Contrat et placement' }).waitFor();
    expect(await page.getByRole('group', { name: 'Actions possibles' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Rappels' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Déposer un document' }).count()).toBe(0);

    await page.getByRole('textbox', { name: 'Commentaire' }).fill('Bonne intégration dans l’équipe de nuit.');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Bonne intégration dans l’équipe de nuit.' }).waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'employer-pathway');
    await close();
  });

  it('the candidate sees their own pathway and files a dossier draft, and nothing else', async () => {
    const candidate = await factory.member(tenant, 'CANDIDATE', undefined, { candidateId });
    const { page, close } = await signIn(candidate);
    // Home: what to do next, the deadlines ahead and the share of competencies acquired.
    await page.getByText('Préparez votre passage devant le jury avec votre tuteur et votre chargé·e d’accompagnement.').waitFor();
    await page.getByText(`${longDate(juryDate)} : Jury`).waitFor();
    await page.getByText(/Jury programmé · \d+ % des compétences acquises · Plasturgie du Lauragais/).waitFor();
    expect(await page.getByText('Camille Roux').count()).toBe(0);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'candidate-home');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon parcours' }).click();
    await page.getByText('1 parcours trouvé').waitFor();
    await page.getByRole('link', { name: alternant }).click();
    await page.getByRole('heading', { name: alternant, level: 1 }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Commentaire' }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Actions possibles' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Compétences acquises' }).getByText('B1 – Bloc B1').waitFor();

    const upload = page.getByRole('form', { name: 'Déposer un document' });
    await upload.locator('input[type="file"]').setInputFiles({ name: 'brouillon-livret-2.pdf', mimeType: 'application/pdf', buffer: PDF });
    await upload.getByRole('button', { name: 'Déposer', exact: true }).click();
    await page.getByRole('button', { name: 'brouillon-livret-2.pdf' }).waitFor();
    await page.getByText(/Brouillon du dossier/).first().waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'candidate-pathway');
    const { rows } = await pools.owner.query(`SELECT kind, file_name, mime_type FROM documents WHERE pathway_id = $1 AND file_name = 'brouillon-livret-2.pdf'`, [pathwayId]);
    expect(rows).toEqual([{ kind: 'DOSSIER_DRAFT', file_name: 'brouillon-livret-2.pdf', mime_type: 'application/pdf' }]);
    await close();
  });
});

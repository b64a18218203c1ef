/// <reference lib="dom" />
// Callbacks given to page.evaluate run in the browser.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { accessibilityViolations, browserSuite, newContext, screenshot, submitSignIn } from '../../../test/support/browser.js';
import { waitFor } from '../../../test/support/wait.js';

jest.setTimeout(90_000);

describe('inviting a tutor, who then joins from the e-mail', () => {
  // Not the default length: the page must show the one in force.
  const suite = browserSuite({ PASSWORD_MIN_LENGTH: '14' });
  const { factory } = suite;

  /** The invitation link of the e-mail the worker wrote for `to` (no SMTP_URL: .eml files in the outbox). */
  async function invitationLink(to: string): Promise<string> {
    const dir = suite.stack.config.mail.outboxDir;
    let file: string | undefined;
    await waitFor(async () => {
      file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.eml') && readFileSync(path.join(dir, f), 'utf8').includes(to)) : undefined;
      return !!file;
    }, 20_000);
    const mail = await simpleParser(readFileSync(path.join(dir, file!)));
    const token = /\/invitation\?token=([\w-]+)/.exec(mail.text ?? '')?.[1];
    if (!token) throw new Error(`no invitation link in the e-mail to ${to}`);
    return `/invitation?token=${token}`;
  }

  it('the coordinator invites, the tutor chooses a password and lands on their home page', async () => {
    const tenant = await factory.tenant('GEIQ Comminges');
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    const employer = await factory.employer(tenant, 'Plasturgie du Salat');
    const invitee = `tutrice-${Date.now()}@test.jalon.fr`;

    const staff = await newContext(suite.browser, suite.stack);
    const page = await staff.newPage();
    await page.goto('/connexion');
    await submitSignIn(page, coordinator);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Invitations' }).click();
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    await page.getByText('Aucune invitation pour le moment').waitFor();
    const form = page.getByRole('form', { name: 'Inviter une personne' });
    await form.getByRole('textbox', { name: 'Adresse e-mail' }).fill(invitee);
    expect(await form.getByRole('combobox', { name: 'Rôle' }).inputValue()).toBe('Tuteur en entreprise');
    await form.getByRole('combobox', { name: 'Entreprise adhérente' }).click();
    await page.getByRole('option', { name: employer.name }).click();
    await form.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.getByText(`Invitation envoyée à ${invitee}.`).waitFor();
    await page.getByRole('row').filter({ hasText: invitee }).getByText('En attente').waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'coordinator-invitations');
    await staff.close();

    const link = await invitationLink(invitee);
    const context = await newContext(suite.browser, suite.stack);
    const welcome = await context.newPage();
    await welcome.goto(link);
    await welcome.getByRole('heading', { name: 'Bienvenue sur Jalon' }).waitFor();
    // The rules in force, from the API.
    await welcome.getByText('au moins 14 caractères : une phrase de plusieurs mots est idéale ;').waitFor();
    await welcome.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Lucie');
    await welcome.getByRole('textbox', { name: 'Nom', exact: true }).fill('Arnaud');
    await welcome.getByLabel(/^Mot de passe/).fill('une phrase de passe pour le moule 42');
    await welcome.getByLabel(/^Confirmez le mot de passe/).fill('une autre phrase');
    await welcome.getByRole('button', { name: 'Activer mon compte' }).click();
    await welcome.getByText('Les deux mots de passe ne sont pas identiques').waitFor();
    await expect(accessibilityViolations(welcome)).resolves.toEqual([]);
    await screenshot(welcome, 'invitation-acceptance');
    await welcome.getByLabel(/^Confirmez le mot de passe/).fill('une phrase de passe pour le moule 42');
    await welcome.getByRole('button', { name: 'Activer mon compte' }).click();
    await welcome.getByRole('heading', { name: 'Bonjour Lucie' }).waitFor();
    expect(new URL(welcome.url()).pathname).toBe('/accueil');
    await context.close();
  });
  it('links an alternant’s account to her record, found by name among many more than a list could hold', async () => {
    const tenant = await factory.tenant('GEIQ Couserans');
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    for (let i = 0; i < 110; i += 1) await factory.candidate(tenant, { firstName: 'Alex', lastName: `Abadie ${String(i).padStart(3, '0')}` });
    const zelie = await factory.candidate(tenant, { firstName: 'Zélie', lastName: 'Zapata', birthDate: '2001-05-14' });
    const invitee = `alternante-${Date.now()}@test.jalon.fr`;

    const context = await newContext(suite.browser, suite.stack);
    const page = await context.newPage();
    await page.goto('/connexion');
    await submitSignIn(page, coordinator);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Invitations' }).click();
    const form = page.getByRole('form', { name: 'Inviter une personne' });
    await form.getByRole('textbox', { name: 'Adresse e-mail' }).fill(invitee);
    await form.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Alternant·e' }).click();
    // Searched on the server, accents aside: the record is past the first hundred by name.
    await form.getByRole('combobox', { name: 'Fiche de l’alternant·e' }).fill('zapata');
    await page.getByRole('option', { name: 'Zélie Zapata, né·e le 14 mai 2001' }).click();
    await form.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.getByText(`Invitation envoyée à ${invitee}.`).waitFor();
    // Ready for the next alternant: her record is not kept.
    expect(await form.getByRole('combobox', { name: 'Fiche de l’alternant·e' }).inputValue()).toBe('');
    const { rows } = await suite.pools.owner.query('SELECT candidate_id FROM invitations WHERE tenant_id = $1 AND email = $2', [tenant.id, invitee]);
    expect(rows).toEqual([{ candidate_id: zelie.id }]);
    await context.close();
  });
});

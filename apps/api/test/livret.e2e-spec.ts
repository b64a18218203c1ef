import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parisDate } from '@jalon/domain';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';
import { pdfText } from '../../../test/support/pdf-text.js';


describe('livret de suivi (PDF)', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let token: string;
  let fixture: Awaited<ReturnType<Factory['rowInEveryTable']>>;

  beforeAll(async () => {
    app = await startApi(testConfig());
    tenant = await factory.tenant();
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    token = (await login(app, coordinator.email, coordinator.password)).accessToken;
    fixture = await factory.rowInEveryTable(tenant);
    await pools.owner.query(`UPDATE candidates SET first_name = 'Hélène', last_name = 'Brûlé' WHERE id = (SELECT candidate_id FROM pathways WHERE id = $1)`, [fixture.pathwayId]);
    await pools.owner.query(`UPDATE progress_entries SET activity = 'Réglage du tour à commande numérique', comment = 'Très bonne autonomie' WHERE pathway_id = $1`, [fixture.pathwayId]);
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  it('is a PDF whose text matches the pathway', async () => {
    const response = await http(app).get(`/api/v1/pathways/${fixture.pathwayId}/livret.pdf`).set(bearer(token)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('livret-de-suivi-Hélène Brûlé.pdf'));
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');

    const text = pdfText(pdf);
    for (const expected of [
      'Livret de suivi – VAE inversée',
      'Hélène Brûlé',
      'Opérateur régleur en usinage',
      'Jury programmé', // the state
      'Contrat de professionnalisation (VAE inversée)',
      'Atelier Test',
      'B1 – Bloc B1',
      'B1.C1 Compétence B1.C1',
      'En cours d’acquisition', // the latest level of B1.C1
      'non observée',
      'Cycle',
      'Analyse de l’activité',
      'Module',
      '0 h réalisées sur 35 h',
      'Réglage du tour à commande numérique',
      'Très bonne autonomie',
      'Parcours créé',
      'Signatures',
      'Le tuteur en entreprise',
    ]) {
      expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });
    }
    expect(text).toContain(parisDate(new Date()).split('-').reverse().join('/'));
  });

  it('is out of reach outside what the role sees (404)', async () => {
    const stranger = await factory.member(tenant, 'TUTOR');
    const strangerToken = (await login(app, stranger.email, stranger.password)).accessToken;
    expect((await http(app).get(`/api/v1/pathways/${fixture.pathwayId}/livret.pdf`).set(bearer(strangerToken))).status).toBe(404);
    const tutorToken = (await login(app, fixture.tutor.email, fixture.tutor.password)).accessToken;
    expect((await http(app).get(`/api/v1/pathways/${fixture.pathwayId}/livret.pdf`).set(bearer(tutorToken))).status).toBe(200);
  });
});

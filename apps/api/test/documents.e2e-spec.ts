import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testConfig } from '../../../test/support/config.js';
import { openPools } from '../../../test/support/db.js';
import { Factory, type TestTenant } from '../../../test/support/factories.js';
import { bearer, http, login, startApi } from '../../../test/support/harness.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

describe('documents', () => {
  const pools = openPools();
  const factory = new Factory(pools.owner);
  let app: NestFastifyApplication;
  let tenant: TestTenant;
  let token: string;
  let pathwayId: string;

  beforeAll(async () => {
    app = await startApi(testConfig({ DOCUMENT_MAX_BYTES: String(64 * 1024) }));
    tenant = await factory.tenant();
    const coordinator = await factory.member(tenant, 'COORDINATOR');
    token = (await login(app, coordinator.email, coordinator.password)).accessToken;
    pathwayId = (await factory.rowInEveryTable(tenant)).pathwayId;
  });

  afterAll(async () => {
    await app.close();
    await pools.close();
  });

  const upload = (accessToken: string, id: string, kind: string | undefined, content: Buffer, name: string) => {
    const request = http(app).post(`/api/v1/pathways/${id}/documents`).set(bearer(accessToken));
    if (kind !== undefined) request.field('kind', kind);
    return request.attach('file', content, name);
  };

  it('stores a PDF with its sha256 and gives it back under its original name', async () => {
    const created = await upload(token, pathwayId, 'ADMISSIBILITY_FORM', PDF, 'Livret 1 – Hélène.pdf');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'ADMISSIBILITY_FORM', fileName: 'Livret 1 – Hélène.pdf', mimeType: 'application/pdf', sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });

    const listed = await http(app).get(`/api/v1/pathways/${pathwayId}/documents`).set(bearer(token));
    expect(listed.body.map((d: { id: string }) => d.id)).toContain(created.body.id);

    const downloaded = await http(app).get(`/api/v1/pathways/${pathwayId}/documents/${created.body.id}/content`).set(bearer(token)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers['content-type']).toBe('application/pdf');
    expect(downloaded.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Livret 1 – Hélène.pdf')}`);
    expect(Buffer.compare(downloaded.body as Buffer, PDF)).toBe(0);
  });

  it('recognises the type by content, not by name', async () => {
    const renamed = await upload(token, pathwayId, 'ID', PNG, 'carte-identite.pdf');
    expect(renamed.status).toBe(201);
    expect(renamed.body).toMatchObject({ mimeType: 'image/png', fileName: 'carte-identite.png' });
    const fake = await upload(token, pathwayId, 'CV', Buffer.from('MZ\x90\x00 not really a pdf'), 'cv.pdf');
    expect(fake.status).toBe(415);
    expect(fake.body.code).toBe('DOCUMENT_TYPE_NOT_ACCEPTED');
  });

  it('refuses a file over the size limit, keeping nothing', async () => {
    const before = await pools.owner.query('SELECT count(*)::int AS n FROM documents WHERE pathway_id = $1', [pathwayId]);
    const big = Buffer.concat([PDF, Buffer.alloc(70 * 1024, 0x20)]);
    const response = await upload(token, pathwayId, 'CV', big, 'gros.pdf');
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('DOCUMENT_TOO_LARGE');
    const after = await pools.owner.query('SELECT count(*)::int AS n FROM documents WHERE pathway_id = $1', [pathwayId]);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('requires a known kind', async () => {
    expect((await upload(token, pathwayId, 'PHOTO_DE_VACANCES', PDF, 'a.pdf')).status).toBe(400);
    expect((await upload(token, pathwayId, undefined, PDF, 'a.pdf')).status).toBe(400);
    const json = await http(app).post(`/api/v1/pathways/${pathwayId}/documents`).set(bearer(token)).send({ kind: 'CV' });
    expect(json.status).toBe(400);
  });

  it('deletes softly: gone from the list, still in the database', async () => {
    const created = await upload(token, pathwayId, 'OTHER', PDF, 'brouillon.pdf');
    expect((await http(app).delete(`/api/v1/pathways/${pathwayId}/documents/${created.body.id}`).set(bearer(token))).status).toBe(204);
    const listed = await http(app).get(`/api/v1/pathways/${pathwayId}/documents`).set(bearer(token));
    expect(listed.body.map((d: { id: string }) => d.id)).not.toContain(created.body.id);
    expect((await http(app).get(`/api/v1/pathways/${pathwayId}/documents/${created.body.id}/content`).set(bearer(token))).status).toBe(404);
    const { rows } = await pools.owner.query('SELECT deleted_at FROM documents WHERE id = $1', [created.body.id]);
    expect(rows[0].deleted_at).not.toBeNull();
  });

  it('lets a candidate upload dossier drafts to their own pathway only, and nothing else', async () => {
    const { rows } = await pools.owner.query<{ candidate_id: string }>('SELECT candidate_id FROM pathways WHERE id = $1', [pathwayId]);
    const candidate = await factory.member(tenant, 'CANDIDATE');
    await pools.owner.query('UPDATE memberships SET candidate_id = $1 WHERE id = $2', [rows[0]!.candidate_id, candidate.membershipId]);
    const candidateToken = (await login(app, candidate.email, candidate.password)).accessToken;
    const draft = await upload(candidateToken, pathwayId, 'DOSSIER_DRAFT', PDF, 'mon-dossier.pdf');
    expect(draft.status).toBe(201);
    const other = await upload(candidateToken, pathwayId, 'JURY_REPORT', PDF, 'pv.pdf');
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('DOCUMENT_KIND_NOT_ALLOWED');
    const elsewhere = (await factory.rowInEveryTable(tenant)).pathwayId;
    expect((await upload(candidateToken, elsewhere, 'DOSSIER_DRAFT', PDF, 'x.pdf')).status).toBe(404);
    expect((await http(app).get(`/api/v1/pathways/${elsewhere}/documents`).set(bearer(candidateToken))).status).toBe(404);
  });

  it('keeps another tenant’s documents out of reach (404)', async () => {
    const other = await factory.tenant();
    const foreignPathway = (await factory.rowInEveryTable(other)).pathwayId;
    expect((await upload(token, foreignPathway, 'CV', PDF, 'cv.pdf')).status).toBe(404);
    expect((await http(app).get(`/api/v1/pathways/${foreignPathway}/documents`).set(bearer(token))).status).toBe(404);
  });

  it('is refused to an employer contact (read only)', async () => {
    const employer = await factory.member(tenant, 'EMPLOYER');
    const employerToken = (await login(app, employer.email, employer.password)).accessToken;
    expect((await upload(employerToken, pathwayId, 'OTHER', PDF, 'x.pdf')).status).toBe(403);
  });
});

/**
 * The livret 1 (recevabilité request form) that submitAdmissibility requires
 * on the pathway. There is no upload API to call yet, so the seed files it the
 * way the document storage does: the content on disk under DOCUMENTS_DIR at
 * `<tenant>/<id>`, and a `documents` row with its size and sha256.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '../../libs/server/src/database/generated/client.js';
import { inTenant } from './accounts.js';

/** As the API resolves it, from the repository root it runs in. */
const DOCUMENTS_DIR = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env['DOCUMENTS_DIR'] ?? '.data/documents');

export interface FormContext {
  tenantId: string;
  pathwayId: string;
  uploadedById: string;
  lines: string[];
}

export async function fileAdmissibilityForm(prisma: PrismaClient, form: FormContext): Promise<void> {
  const id = randomUUID();
  const storageKey = `${form.tenantId}/${id}`;
  const content = onePagePdf(form.lines);
  const target = path.join(DOCUMENTS_DIR, storageKey);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content, { mode: 0o600 });
  await inTenant(prisma, form.tenantId, (tx) =>
    tx.document.create({
      data: {
        id,
        tenantId: form.tenantId,
        pathwayId: form.pathwayId,
        kind: 'ADMISSIBILITY_FORM',
        fileName: 'livret-1-recevabilite.pdf',
        mimeType: 'application/pdf',
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        storageKey,
        uploadedById: form.uploadedById,
      },
    }),
  );
}

/** A valid one-page PDF (Helvetica, WinAnsi: Latin-1 text) with a line per entry. */
function onePagePdf(lines: string[]): Buffer {
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 14 : 11} Tf 56 ${780 - i * 22} Td (${pdfString(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Typographic apostrophes and dashes to Latin-1, anything else outside it dropped, PDF delimiters escaped. */
function pdfString(line: string): string {
  return line
    .replace(/[’‘]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/œ/g, 'oe')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '')
    .replace(/[\\()]/g, (c) => `\\${c}`);
}

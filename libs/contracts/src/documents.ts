import { z } from 'zod';

/** What a document is, for the pathway file. */
export const DOCUMENT_KINDS = [
  'ADMISSIBILITY_FORM', // livret 1 (demande de recevabilité)
  'ADMISSIBILITY_DECISION',
  'VALIDATION_DOSSIER', // livret 2 (dossier de validation)
  'DOSSIER_DRAFT', // brouillon du dossier, déposé par l’alternant·e
  'CONTRACT',
  'ID',
  'CV',
  'TUTOR_REPORT',
  'JURY_REPORT',
  'OTHER',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  ADMISSIBILITY_FORM: 'Livret 1 – demande de recevabilité',
  ADMISSIBILITY_DECISION: 'Décision de recevabilité',
  VALIDATION_DOSSIER: 'Livret 2 – dossier de validation',
  DOSSIER_DRAFT: 'Brouillon du dossier',
  CONTRACT: 'Contrat',
  ID: 'Pièce d’identité',
  CV: 'CV',
  TUTOR_REPORT: 'Compte rendu du tuteur',
  JURY_REPORT: 'Procès-verbal du jury',
  OTHER: 'Autre',
};

/** What each role may file (DESIGN.md §6): staff anything, tutors their reports, candidates their dossier drafts. */
export const DOCUMENT_KINDS_BY_ROLE: Record<string, readonly DocumentKind[] | 'all'> = {
  TENANT_ADMIN: 'all',
  COORDINATOR: 'all',
  TUTOR: ['TUTOR_REPORT', 'OTHER'],
  CANDIDATE: ['DOSSIER_DRAFT'],
};

/** The multipart field next to the file. */
export const UploadDocumentFields = z.strictObject({ kind: z.enum(DOCUMENT_KINDS, { error: 'Type de document inconnu' }) });

export interface DocumentView {
  id: string;
  kind: DocumentKind;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedById: string | null;
  createdAt: string;
}

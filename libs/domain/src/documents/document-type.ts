/**
 * Recognises an uploaded file by its first bytes, never by its name: PDF,
 * PNG, JPEG, and the two office formats, which are ZIP archives told apart by
 * their content (ODT declares its mimetype first; DOCX holds word/ parts).
 */
export interface DocumentType {
  mimeType: string;
  extension: string;
}

export const ACCEPTED_DOCUMENT_TYPES = {
  pdf: { mimeType: 'application/pdf', extension: 'pdf' },
  png: { mimeType: 'image/png', extension: 'png' },
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg' },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  odt: { mimeType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
} as const satisfies Record<string, DocumentType>;

/** How many leading bytes `detectDocumentType` needs to decide. */
export const DOCUMENT_SNIFF_BYTES = 64 * 1024;

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);
const ascii = (head: Uint8Array) => String.fromCharCode(...head.subarray(0, Math.min(head.length, DOCUMENT_SNIFF_BYTES)));

export function detectDocumentType(head: Uint8Array): DocumentType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ACCEPTED_DOCUMENT_TYPES.pdf; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ACCEPTED_DOCUMENT_TYPES.png;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return ACCEPTED_DOCUMENT_TYPES.jpeg;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const text = ascii(head);
    // ODF: the first entry is an uncompressed file named "mimetype" holding the type.
    if (text.slice(30, 38) === 'mimetype' && text.slice(38, 77) === ACCEPTED_DOCUMENT_TYPES.odt.mimeType) return ACCEPTED_DOCUMENT_TYPES.odt;
    if (text.includes('[Content_Types].xml') && text.includes('word/')) return ACCEPTED_DOCUMENT_TYPES.docx;
  }
  return null;
}

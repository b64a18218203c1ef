import { detectDocumentType } from './document-type.js';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** A ZIP local file header for `name`, followed by `content` stored uncompressed. */
const zipEntry = (name: string, content = '') => bytes([0x50, 0x4b, 0x03, 0x04], new Array(22).fill(0), [name.length, 0, 0, 0], name, content);

describe('detectDocumentType', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['ODT', zipEntry('mimetype', 'application/vnd.oasis.opendocument.text'), 'application/vnd.oasis.opendocument.text'],
    ['DOCX', Uint8Array.from([...zipEntry('[Content_Types].xml', '<Types/>'), ...zipEntry('word/document.xml')]), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ])('recognises %s by its content', (_name, head, mimeType) => {
    expect(detectDocumentType(head)?.mimeType).toBe(mimeType);
  });

  it.each([
    ['an executable renamed .pdf', bytes([0x4d, 0x5a, 0x90, 0x00])],
    ['plain text', bytes('Bonjour, voici mon dossier')],
    ['a ZIP that is neither DOCX nor ODT', zipEntry('photos/ete.jpg')],
    ['an ODS spreadsheet', zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')],
    ['an empty file', bytes()],
  ])('refuses %s', (_name, head) => {
    expect(detectDocumentType(head)).toBeNull();
  });
});

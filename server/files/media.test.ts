import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import {
  attachmentDisposition,
  checkUpload,
  cleanFileName,
  decodeFileName,
  detectMediaType,
  MAX_FILE_BYTES,
  sha256Of,
} from './media.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

const PDF = bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0');
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');
const HEIC = bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic');
const HEIF = bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1heic');
const HTML = bytes('<!doctype html><html><script>alert(1)</script></html>');
const WINDOWS_PROGRAM = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode');
const LINUX_PROGRAM = bytes([0x7f], 'ELF', [2, 1, 1, 0]);
const ZIP = bytes('PK', [3, 4, 20, 0]);
const AVIF = bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'mif1avif');
const MP4 = bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0], 'isomiso2');

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('detectMediaType: the bytes decide what a file is', () => {
  it.each([
    ['a PDF', PDF, 'application/pdf', 'pdf'],
    ['a PNG photo', PNG, 'image/png', 'png'],
    ['a JPEG photo', JPEG, 'image/jpeg', 'jpg'],
    ['a WebP photo', WEBP, 'image/webp', 'webp'],
    ['an iPhone HEIC photo', HEIC, 'image/heic', 'heic'],
    ['a HEIF photo', HEIF, 'image/heif', 'heif'],
  ])('knows %s', (_what, content, mediaType, extension) => {
    expect(detectMediaType(content)).toMatchObject({ mediaType, extension });
  });

  it.each([
    ['a web page', HTML],
    ['a Windows program', WINDOWS_PROGRAM],
    ['a Linux program', LINUX_PROGRAM],
    ['a zip file (or a Word document)', ZIP],
    ['an AVIF picture', AVIF],
    ['a video', MP4],
    ['plain text', bytes('Order of the court, dated 1 March')],
    ['a PDF signature not at the start', bytes('junk%PDF-1.4')],
    ['nothing at all', bytes()],
    ['a lone first byte of a JPEG', bytes([0xff, 0xd8])],
  ])('knows nothing of %s', (_what, content) => {
    expect(detectMediaType(content)).toBeUndefined();
  });
});

describe('checkUpload', () => {
  it('accepts a PDF and says what it is', () => {
    expect(checkUpload(PDF).mediaType).toBe('application/pdf');
  });

  it('refuses a web page or a program renamed to .pdf, with a plain sentence', () => {
    for (const content of [HTML, WINDOWS_PROGRAM, LINUX_PROGRAM]) {
      const error = refusal(() => checkUpload(content));
      expect(error.statusCode).toBe(422);
      expect(error.code).toBe('file_type');
      expect(error.message).toBe(
        'The order must be a PDF or a photo (JPEG, PNG, WebP or HEIC); this file is none of these.',
      );
    }
  });

  it('refuses an empty file, or none', () => {
    expect(refusal(() => checkUpload(bytes())).code).toBe('file_empty');
    expect(refusal(() => checkUpload(undefined)).statusCode).toBe(422);
  });

  it('accepts exactly 10 MB and refuses a byte more with 413 and the limit in words', () => {
    const limit = Buffer.alloc(MAX_FILE_BYTES, 0x20);
    PDF.copy(limit);
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    expect(checkUpload(limit).mediaType).toBe('application/pdf');
    const over = Buffer.concat([limit, bytes(' ')]);
    const error = refusal(() => checkUpload(over));
    expect(error.statusCode).toBe(413);
    expect(error.message).toMatch(/^The file is larger than 10 MB\./);
  });
});

describe('cleanFileName', () => {
  const pdf = detectMediaType(PDF)!;
  const jpeg = detectMediaType(JPEG)!;
  const heic = detectMediaType(HEIC)!;

  it('keeps a sensible name as it is', () => {
    expect(cleanFileName('Interim order 14 March.pdf', pdf)).toBe('Interim order 14 March.pdf');
    expect(cleanFileName('Ordre de la cour – Zoë.pdf', pdf)).toBe('Ordre de la cour – Zoë.pdf');
  });

  it('drops folders, from Windows and elsewhere', () => {
    expect(cleanFileName('C:\\Users\\helen\\Documents\\order.pdf', pdf)).toBe('order.pdf');
    expect(cleanFileName('../../etc/passwd', pdf)).toBe('passwd.pdf');
  });

  it('removes control characters, quotes and characters that mean something in headers', () => {
    expect(cleanFileName('or"der\r\nX-Evil: 1;\u0000.pdf', pdf)).toBe('or der X-Evil 1.pdf');
    expect(cleanFileName('order\u202efdp.exe', pdf)).toBe('order fdp.pdf');
    expect(cleanFileName("it's `the` <order>.pdf", pdf)).toBe('it s the order.pdf');
  });

  it('gives the extension of what the file really is', () => {
    expect(cleanFileName('order.PDF', pdf)).toBe('order.pdf');
    expect(cleanFileName('photo of order.png', jpeg)).toBe('photo of order.jpg');
    expect(cleanFileName('scan.jpeg', jpeg)).toBe('scan.jpeg');
    expect(cleanFileName('IMG_0042.HEIC', heic)).toBe('IMG_0042.heic');
    expect(cleanFileName('order.html', pdf)).toBe('order.pdf');
    expect(cleanFileName('order.pdf.exe', pdf)).toBe('order.pdf');
    expect(cleanFileName('Order 12.03.2026', pdf)).toBe('Order 12.03.2026.pdf');
  });

  it('falls back to court-order when nothing usable is left', () => {
    expect(cleanFileName(undefined, pdf)).toBe('court-order.pdf');
    expect(cleanFileName('', pdf)).toBe('court-order.pdf');
    expect(cleanFileName('"".pdf', pdf)).toBe('court-order.pdf');
    expect(cleanFileName('...', jpeg)).toBe('court-order.jpg');
    expect(cleanFileName('/', pdf)).toBe('court-order.pdf');
  });

  it('hides nothing behind a leading dot and keeps names to a readable length', () => {
    expect(cleanFileName('.hidden.pdf', pdf)).toBe('hidden.pdf');
    const long = cleanFileName(`${'a'.repeat(300)}.pdf`, pdf);
    expect(long).toBe(`${'a'.repeat(120)}.pdf`);
  });

  it('reads the percent-encoded header, and a malformed one as written', () => {
    expect(decodeFileName(encodeURIComponent('Zoë’s order.pdf'))).toBe('Zoë’s order.pdf');
    expect(decodeFileName('100%.pdf')).toBe('100%.pdf');
    expect(decodeFileName(undefined)).toBeUndefined();
  });
});

describe('attachmentDisposition', () => {
  it('is always an attachment, with an ASCII name and the real one in UTF-8', () => {
    expect(attachmentDisposition('order.pdf')).toBe(
      `attachment; filename="order.pdf"; filename*=UTF-8''order.pdf`,
    );
    expect(attachmentDisposition('Zoë’s order (1).pdf')).toBe(
      `attachment; filename="Zoe_s order (1).pdf"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20order%20%281%29.pdf`,
    );
  });
});

describe('sha256Of', () => {
  it('is the hex SHA-256 of the bytes', () => {
    expect(sha256Of(PDF)).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(sha256Of(bytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

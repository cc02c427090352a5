/**
 * What an uploaded file is, decided from its bytes alone: the name and the content type the uploader
 * claimed are never trusted. Pure functions, so the rules have unit tests of their own.
 */
import { createHash } from 'node:crypto';
import { MAX_FILE_BYTES, MAX_FILE_WORDS } from '../../shared/api/files.js';
import { AppError } from '../platform/errors.js';

export { MAX_FILE_BYTES };

export interface DetectedType {
  mediaType: 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/webp' | 'image/heic' | 'image/heif';
  /** The extension a download gets, so the file opens in the right program. */
  extension: 'pdf' | 'png' | 'jpg' | 'webp' | 'heic' | 'heif';
  /** Other extensions that name the same type and may be kept as the uploader wrote them. */
  alsoKnownAs?: readonly string[];
}

const PDF: DetectedType = { mediaType: 'application/pdf', extension: 'pdf' };
const PNG: DetectedType = { mediaType: 'image/png', extension: 'png' };
const JPEG: DetectedType = { mediaType: 'image/jpeg', extension: 'jpg', alsoKnownAs: ['jpeg', 'jpe'] };
const WEBP: DetectedType = { mediaType: 'image/webp', extension: 'webp' };
const HEIC: DetectedType = { mediaType: 'image/heic', extension: 'heic', alsoKnownAs: ['heif'] };
const HEIF: DetectedType = { mediaType: 'image/heif', extension: 'heif', alsoKnownAs: ['heic'] };

/** ISO media brands of phone photos: HEIC (HEVC-coded) and HEIF in general. AVIF and video are not. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));
const textAt = (bytes: Uint8Array, at: number, length: number) =>
  bytes.length >= at + length ? String.fromCharCode(...bytes.subarray(at, at + length)) : '';

/**
 * The type of a file by its first bytes ("magic bytes"): a PDF, or a photo as a phone or scanner makes
 * it (JPEG, PNG, WebP, HEIC/HEIF). Anything else, whatever it is called, is undefined.
 */
export function detectMediaType(bytes: Uint8Array): DetectedType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return PDF;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, ascii('RIFF')) && textAt(bytes, 8, 4) === 'WEBP') return WEBP;
  if (textAt(bytes, 4, 4) === 'ftyp') {
    const brand = textAt(bytes, 8, 4);
    if (HEIC_BRANDS.has(brand)) return HEIC;
    if (HEIF_BRANDS.has(brand)) return HEIF;
  }
  return undefined;
}

/** The file is over the size limit: 413, in words. */
export class FileTooLarge extends AppError {
  constructor() {
    super(
      413,
      'file_too_large',
      `The file is larger than ${MAX_FILE_WORDS}. Scan or photograph the order at a lower quality, or ask the centre how else to send it.`,
    );
  }
}

/** Checks an upload and says what it is; refuses an empty file, one too large, or one of another kind. */
export function checkUpload(bytes: Uint8Array | undefined): DetectedType {
  if (!bytes || bytes.length === 0) {
    throw new AppError(422, 'file_empty', 'The file is empty. Choose the file of the order again.');
  }
  if (bytes.length > MAX_FILE_BYTES) throw new FileTooLarge();
  const detected = detectMediaType(bytes);
  if (!detected) {
    throw new AppError(
      422,
      'file_type',
      'The order must be a PDF or a photo (JPEG, PNG, WebP or HEIC); this file is none of these.',
    );
  }
  return detected;
}

const MAX_NAME_LENGTH = 120;
// Control characters (bidirectional overrides too, which can disguise "exe.pdf" as "fdp.exe"), quotes,
// and characters that mean something in paths or headers.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"'`<>:*?|;\\/]/g;
const EXTENSION = /\.([a-z][a-z0-9]{0,4})$/i;

/**
 * A name that is safe to show and to download under: no folders, no control characters or quotes, and
 * an extension that matches what the file really is ("order.pdf" stays, "order.pdf" that is a photo
 * becomes "order.jpg"). The name from the browser arrives percent-encoded; `decodeFileName` first.
 */
export function cleanFileName(name: string | undefined, type: DetectedType): string {
  const lastPart = (name ?? '').split(/[\\/]/).pop() ?? '';
  let base = lastPart.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  let extension: string = type.extension;
  const found = EXTENSION.exec(base);
  if (found) {
    base = base.slice(0, found.index);
    const written = found[1]!.toLowerCase();
    if (written === type.extension || type.alsoKnownAs?.includes(written)) extension = written;
    // "order.pdf.exe" that is really a PDF becomes "order.pdf", not "order.pdf.pdf".
    if (base.toLowerCase().endsWith(`.${extension}`)) base = base.slice(0, -extension.length - 1);
  }
  // Leading dots would hide the file on some systems; trailing dots and spaces confuse Windows.
  base = base.replace(/^[.\s]+|[.\s]+$/g, '');
  if ([...base].length > MAX_NAME_LENGTH) base = [...base].slice(0, MAX_NAME_LENGTH).join('').trim();
  return `${base || 'court-order'}.${extension}`;
}

/** The x-file-name header: percent-encoded by the browser; a malformed one is taken as written. */
export function decodeFileName(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

/**
 * The Content-Disposition of a download: always an attachment (never shown inside the app's pages),
 * with a plain ASCII name for old programs and the real name in UTF-8 (RFC 6266, RFC 8187).
 */
export function attachmentDisposition(fileName: string): string {
  const plain = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Test support for the notices and sanctions tests: what arrived at the loopback SMTP server, decoded as a
 * person's mail program would show it (quoted-printable or base64 bodies, encoded subjects).
 */
import type { ReceivedMail } from '../test-support/smtp.js';

export interface ReadMail {
  to: string[];
  subject: string;
  body: string;
}

function decodeWords(header: string): string {
  return header.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const unfolded = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < unfolded.length; i++) {
    const hex = unfolded.slice(i + 1, i + 3);
    if (unfolded[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(unfolded[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** One received message: its envelope recipients, subject and body text. */
export function read(mail: ReceivedMail): ReadMail {
  const split = mail.raw.indexOf('\r\n\r\n');
  const head = mail.raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const rawBody = mail.raw.slice(split + 4);
  const header = (name: string) =>
    head
      .split('\r\n')
      .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const body =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(rawBody)
      : encoding === 'base64'
        ? Buffer.from(rawBody.replace(/\s/g, ''), 'base64').toString('utf8')
        : rawBody;
  return { to: mail.to, subject: decodeWords(header('Subject')), body: body.replace(/\r\n/g, '\n') };
}

/** The messages that arrived for one address. */
export function mailsTo(received: readonly ReceivedMail[], address: string): ReadMail[] {
  return received.filter((mail) => mail.to.includes(address)).map(read);
}

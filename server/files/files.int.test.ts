/**
 * Copies of court orders, through HTTP: attached to a referral draft with its resume token, checked by
 * content and size, following the referral when sent and the case when accepted, downloaded only by
 * staff who may read case documents (as an attachment, byte for byte, audited), and added by staff to a
 * case's court order later.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cases, courtOrders, storedFiles } from '../db/schema.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';

let t: TestApp;
let riverside: string;
let hillview: string;

beforeAll(async () => {
  t = await testApp();
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name === 'Riverside Contact Centre')!.id;
  hillview = centres.find((c) => c.name === 'Hillview Contact Centre')!.id;
});
afterAll(() => t.close());

/** A small but well-formed PDF, as a scanner might make it. */
const ORDER_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);
const PHOTO_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0')]);
const WEB_PAGE = Buffer.from('<!doctype html><html><body><script>alert("hi")</script></body></html>');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// Each public request from its own address, as real referrers do, so the flood limits stay out of the way.
let address = 0;
const nextAddress = () => `10.77.${Math.floor(++address / 250)}.${address % 250}`;

interface Draft {
  draftId: string;
  resumeToken: string;
}

async function newDraft(client: Client = t.anonymous()): Promise<Draft> {
  const created = await client.request({
    method: 'POST',
    url: '/api/referrals/drafts',
    payload: { centreId: riverside, answers: { step: 'court-order' } },
    remoteAddress: nextAddress(),
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

function attach(
  draft: Draft,
  bytes: Buffer,
  name: string,
  options: { token?: string | null; contentType?: string; client?: Client } = {},
) {
  const token = options.token === undefined ? draft.resumeToken : options.token;
  return (options.client ?? t.anonymous()).request({
    method: 'PUT',
    url: `/api/referrals/drafts/${draft.draftId}/court-order`,
    payload: bytes,
    headers: {
      'content-type': options.contentType ?? 'application/pdf',
      'x-file-name': encodeURIComponent(name),
      ...(token === null ? {} : { 'x-resume-token': token }),
    },
    remoteAddress: nextAddress(),
  });
}

function readDraft(draft: Draft) {
  return t.anonymous().request({
    method: 'GET',
    url: `/api/referrals/drafts/${draft.draftId}`,
    headers: { 'x-resume-token': draft.resumeToken },
    remoteAddress: nextAddress(),
  });
}

async function sendReferral(draft: Draft | null, body = referralFor(riverside)) {
  const response = await t.anonymous().request({
    method: 'POST',
    url: '/api/referrals',
    payload: body,
    headers: draft ? { 'x-draft-id': draft.draftId, 'x-resume-token': draft.resumeToken } : {},
    remoteAddress: nextAddress(),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { referralId: string; reference: string };
}

const filesOfDraft = (draftId: string) =>
  t.database.db.select().from(storedFiles).where(eq(storedFiles.draftId, draftId));
const fileRow = async (id: string) =>
  (await t.database.db.select().from(storedFiles).where(eq(storedFiles.id, id)))[0]!;

async function lastAudit(action: string) {
  const [row] = await t.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return row;
}

describe('attaching the order to a referral draft', () => {
  it('needs the draft’s resume token: without it, or with another, nothing is stored', async () => {
    const draft = await newDraft();
    const without = await attach(draft, ORDER_PDF, 'order.pdf', { token: null });
    expect(without.statusCode).toBe(404);
    const wrong = await attach(draft, ORDER_PDF, 'order.pdf', { token: 'not-the-token' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toEqual(without.json());
    const nowhere = await attach(
      { draftId: randomUUID(), resumeToken: draft.resumeToken },
      ORDER_PDF,
      'x.pdf',
    );
    expect(nowhere.statusCode).toBe(404);
    expect(await filesOfDraft(draft.draftId)).toEqual([]);
  });

  it('with the token, stores the file as it came and the draft says it is attached', async () => {
    const draft = await newDraft();
    const response = await attach(draft, ORDER_PDF, 'Interim order – Hill.pdf');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      fileName: 'Interim order – Hill.pdf',
      mediaType: 'application/pdf',
      sizeBytes: ORDER_PDF.length,
    });
    const [row] = await filesOfDraft(draft.draftId);
    expect(row).toMatchObject({
      purpose: 'court_order',
      centreId: null,
      referralId: null,
      caseId: null,
      sizeBytes: ORDER_PDF.length,
      sha256: sha256(ORDER_PDF),
      uploadedByUserId: null,
    });
    expect(Buffer.compare(row!.content, ORDER_PDF)).toBe(0);

    const view = await readDraft(draft);
    expect(view.json().courtOrderFile).toEqual({
      fileName: 'Interim order – Hill.pdf',
      mediaType: 'application/pdf',
      sizeBytes: ORDER_PDF.length,
    });
  });

  it('decides the type from the bytes: a web page named .pdf and sent as a PDF is refused', async () => {
    const draft = await newDraft();
    expect((await attach(draft, ORDER_PDF, 'order.pdf')).statusCode).toBe(200);
    const refused = await attach(draft, WEB_PAGE, 'order.pdf', { contentType: 'application/pdf' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({
      code: 'file_type',
      message: 'The order must be a PDF or a photo (JPEG, PNG, WebP or HEIC); this file is none of these.',
    });
    // The file attached before is still there.
    expect((await filesOfDraft(draft.draftId)).map((f) => f.sha256)).toEqual([sha256(ORDER_PDF)]);

    // A photo sent as "application/octet-stream" and named .pdf is a photo, named as one.
    const photo = await attach(draft, PHOTO_JPEG, 'order.pdf', { contentType: 'application/octet-stream' });
    expect(photo.json()).toMatchObject({ fileName: 'order.jpg', mediaType: 'image/jpeg' });
    // A body claiming to be JSON is only bytes here too.
    const json = await attach(draft, Buffer.from('{"file":"%PDF-"}'), 'order.pdf', {
      contentType: 'application/json',
    });
    expect(json.statusCode).toBe(422);
    expect(json.json().code).toBe('file_type');
  });

  // Storing exactly 10 MB takes a while on the embedded engine.
  it(
    'refuses a file over 10 MB with 413 and a sentence, just over the limit or far over it',
    { timeout: 90_000 },
    async () => {
      const draft = await newDraft();
      const justOver = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
      ORDER_PDF.copy(justOver);
      const sentence =
        'The file is larger than 10 MB. Scan or photograph the order at a lower quality, or ask the centre how else to send it.';
      const over = await attach(draft, justOver, 'big.pdf');
      expect(over.statusCode).toBe(413);
      expect(over.json()).toEqual({ code: 'file_too_large', message: sentence });
      const farOver = await attach(
        draft,
        Buffer.concat([justOver, Buffer.alloc(2 * 1024 * 1024)]),
        'huge.pdf',
      );
      expect(farOver.statusCode).toBe(413);
      expect(farOver.json()).toEqual({ code: 'file_too_large', message: sentence });
      // Exactly 10 MB is fine.
      const limit = justOver.subarray(0, 10 * 1024 * 1024);
      expect((await attach(draft, limit, 'limit.pdf')).statusCode).toBe(200);
      const empty = await attach(draft, Buffer.alloc(0), 'empty.pdf');
      expect(empty.statusCode).toBe(422);
      expect(empty.json().code).toBe('file_empty');
    },
  );

  it('holds one file: a new upload replaces the old, and Remove takes it away (with the token only)', async () => {
    const draft = await newDraft();
    await attach(draft, ORDER_PDF, 'first.pdf');
    const second = await attach(draft, PHOTO_JPEG, 'second.jpg');
    expect(second.statusCode).toBe(200);
    const rows = await filesOfDraft(draft.draftId);
    expect(rows.map((r) => r.fileName)).toEqual(['second.jpg']);

    const url = `/api/referrals/drafts/${draft.draftId}/court-order`;
    const refused = await t.anonymous().request({ method: 'DELETE', url, remoteAddress: nextAddress() });
    expect(refused.statusCode).toBe(404);
    expect(await filesOfDraft(draft.draftId)).toHaveLength(1);
    const removed = await t.anonymous().request({
      method: 'DELETE',
      url,
      headers: { 'x-resume-token': draft.resumeToken },
      remoteAddress: nextAddress(),
    });
    expect(removed.statusCode).toBe(204);
    expect(await filesOfDraft(draft.draftId)).toEqual([]);
    expect((await readDraft(draft)).json().courtOrderFile).toBeNull();
  });

  it('goes when the draft is deleted', async () => {
    const draft = await newDraft();
    await attach(draft, ORDER_PDF, 'order.pdf');
    const deleted = await t.anonymous().request({
      method: 'DELETE',
      url: `/api/referrals/drafts/${draft.draftId}`,
      headers: { 'x-resume-token': draft.resumeToken },
      remoteAddress: nextAddress(),
    });
    expect(deleted.statusCode).toBe(204);
    expect(await filesOfDraft(draft.draftId)).toEqual([]);
  });

  it('a signed-in coordinator filling in the form for someone uses the same draft, and is named as uploader', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const draft = await newDraft(coordinator);
    const response = await attach(draft, ORDER_PDF, 'order.pdf', { client: coordinator });
    expect(response.statusCode, response.body).toBe(200);
    const [row] = await filesOfDraft(draft.draftId);
    expect(row!.uploadedByUserId).not.toBeNull();
  });
});

describe('the file follows the referral and then the case', () => {
  let referralId: string;
  let fileId: string;

  it('moves to the referral when it is sent, and stays when the browser then deletes the draft', async () => {
    const draft = await newDraft();
    await attach(draft, ORDER_PDF, 'Interim order.pdf');
    const sent = await sendReferral(draft);
    referralId = sent.referralId;
    const [moved] = await t.database.db
      .select()
      .from(storedFiles)
      .where(eq(storedFiles.referralId, referralId));
    expect(moved).toMatchObject({ referralId, centreId: riverside, draftId: null, caseId: null });
    fileId = moved!.id;
    await t.anonymous().request({
      method: 'DELETE',
      url: `/api/referrals/drafts/${draft.draftId}`,
      headers: { 'x-resume-token': draft.resumeToken },
      remoteAddress: nextAddress(),
    });
    expect((await fileRow(fileId)).referralId).toBe(referralId);
  });

  it('a referral sent with the wrong token is still sent, and the draft keeps its file', async () => {
    const draft = await newDraft();
    await attach(draft, ORDER_PDF, 'order.pdf');
    const sent = await sendReferral({ draftId: draft.draftId, resumeToken: 'guessed' });
    expect(
      await t.database.db.select().from(storedFiles).where(eq(storedFiles.referralId, sent.referralId)),
    ).toEqual([]);
    expect(await filesOfDraft(draft.draftId)).toHaveLength(1);
  });

  it('the coordinator and the safeguarding lead see it on the referral; a supervisor sees nothing of it', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const detail = (await coordinator.get(`/api/centres/${riverside}/referrals/${referralId}`)).json();
    expect(detail.files).toEqual([
      {
        id: fileId,
        fileName: 'Interim order.pdf',
        mediaType: 'application/pdf',
        sizeBytes: ORDER_PDF.length,
        uploadedAt: expect.any(String),
        uploadedBy: null,
        courtOrderId: null,
        fromReferral: true,
      },
    ]);
    const lead = await t.as(DEMO.safeguarding);
    expect((await lead.get(`/api/centres/${riverside}/referrals/${referralId}`)).json().files).toHaveLength(
      1,
    );
    const supervisor = await t.as(DEMO.supervisor);
    const seen = await supervisor.get(`/api/centres/${riverside}/referrals/${referralId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).not.toHaveProperty('files');
    expect(seen.body).not.toContain('Interim order.pdf');
  });

  it('downloads as an attachment, byte for byte, with the type found and no caching; each download audited', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const response = await coordinator.get(
      `/api/centres/${riverside}/referrals/${referralId}/files/${fileId}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Interim order.pdf"; filename*=UTF-8''Interim%20order.pdf`,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    // The global security headers apply here too.
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(sha256(response.rawPayload)).toBe(sha256(ORDER_PDF));

    const event = await lastAudit('file.download');
    expect(event).toMatchObject({
      outcome: 'success',
      actorLabel: 'Priya Shah',
      resourceType: 'stored_file',
      resourceId: fileId,
      centreId: riverside,
      detail: { referralId, sizeBytes: ORDER_PDF.length },
    });
    expect(JSON.stringify(event!.detail)).not.toContain('Interim');
  });

  it('joins the case when the referral is accepted, as a copy of the case’s court order', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const accepted = await coordinator.post(`/api/centres/${riverside}/referrals/${referralId}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const caseId = accepted.json().caseId as string;
    const [order] = await t.database.db.select().from(courtOrders).where(eq(courtOrders.caseId, caseId));
    expect(await fileRow(fileId)).toMatchObject({ referralId, caseId, courtOrderId: order!.id });

    const record = (await coordinator.get(`/api/centres/${riverside}/cases/${caseId}`)).json();
    expect(record.files).toEqual([
      expect.objectContaining({ id: fileId, courtOrderId: order!.id, fromReferral: true }),
    ]);
    const supervisor = await t.as(DEMO.supervisor);
    const seen = await supervisor.get(`/api/centres/${riverside}/cases/${caseId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).not.toHaveProperty('files');

    const download = await coordinator.get(`/api/centres/${riverside}/cases/${caseId}/files/${fileId}`);
    expect(download.statusCode).toBe(200);
    expect(sha256(download.rawPayload)).toBe(sha256(ORDER_PDF));
    expect((await lastAudit('file.download'))?.detail).toEqual({ caseId, sizeBytes: ORDER_PDF.length });
  });

  it('a referral with no order and no file opens a case with no files', async () => {
    const sent = await sendReferral(null, referralFor(riverside, { courtOrder: { kind: 'none' } }));
    const coordinator = await t.as(DEMO.coordinator);
    const accepted = await coordinator.post(`/api/centres/${riverside}/referrals/${sent.referralId}/accept`);
    const record = (
      await coordinator.get(`/api/centres/${riverside}/cases/${accepted.json().caseId}`)
    ).json();
    expect(record.files).toEqual([]);
  });
});

describe('who may download', () => {
  let referralId: string;
  let caseId: string;
  let fileId: string;
  let referralUrl: string;
  let caseUrl: string;

  beforeAll(async () => {
    const draft = await newDraft();
    await attach(draft, ORDER_PDF, 'order.pdf');
    referralId = (await sendReferral(draft)).referralId;
    const coordinator = await t.as(DEMO.coordinator);
    caseId = (await coordinator.post(`/api/centres/${riverside}/referrals/${referralId}/accept`)).json()
      .caseId;
    fileId = (
      await t.database.db.select().from(storedFiles).where(eq(storedFiles.referralId, referralId))
    )[0]!.id;
    referralUrl = `/api/centres/${riverside}/referrals/${referralId}/files/${fileId}`;
    caseUrl = `/api/centres/${riverside}/cases/${caseId}/files/${fileId}`;
  });

  it('a supervisor and a volunteer are refused (403), and the refusal is audited', async () => {
    for (const who of [DEMO.supervisor, DEMO.volunteer]) {
      const client = await t.as(who);
      for (const url of [referralUrl, caseUrl]) {
        const response = await client.get(url);
        expect(response.statusCode, `${who} ${url}`).toBe(403);
        expect(response.json().code).toBe('not_allowed');
        expect(response.body).not.toContain('%PDF');
      }
      expect((await lastAudit('access.refused'))?.detail).toMatchObject({
        reason: 'permission',
        status: 403,
      });
    }
  });

  it('the safeguarding lead may download', async () => {
    const lead = await t.as(DEMO.safeguarding);
    expect((await lead.get(referralUrl)).statusCode).toBe(200);
    expect((await lead.get(caseUrl)).statusCode).toBe(200);
  });

  it('another centre’s coordinator gets 404, at our centre and through their own', async () => {
    const other = await t.as(DEMO.hillviewCoordinator);
    expect((await other.get(referralUrl)).statusCode).toBe(404);
    expect((await other.get(caseUrl)).statusCode).toBe(404);
    const ownCentre = await other.get(`/api/centres/${hillview}/referrals/${referralId}/files/${fileId}`);
    expect(ownCentre.statusCode).toBe(404);
    expect((await other.get(`/api/centres/${hillview}/cases/${caseId}/files/${fileId}`)).statusCode).toBe(
      404,
    );
  });

  it('a file asked for under another referral or case answers 404, like one that does not exist', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const otherReferral = (await sendReferral(null)).referralId;
    const wrongReferral = await coordinator.get(
      `/api/centres/${riverside}/referrals/${otherReferral}/files/${fileId}`,
    );
    const missing = await coordinator.get(
      `/api/centres/${riverside}/referrals/${referralId}/files/${randomUUID()}`,
    );
    expect(wrongReferral.statusCode).toBe(404);
    expect(wrongReferral.json()).toEqual(missing.json());
    const wrongCase = await coordinator.get(
      `/api/centres/${riverside}/cases/${randomUUID()}/files/${fileId}`,
    );
    expect(wrongCase.statusCode).toBe(404);
  });

  it('someone not signed in gets 401', async () => {
    expect((await t.anonymous().get(referralUrl)).statusCode).toBe(401);
    expect((await t.anonymous().get(caseUrl)).statusCode).toBe(401);
  });
});

describe('staff attach a copy of the order to a case later', () => {
  let caseId: string;
  let orderId: string;
  let url: string;

  beforeAll(async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const sent = await sendReferral(null);
    caseId = (await coordinator.post(`/api/centres/${riverside}/referrals/${sent.referralId}/accept`)).json()
      .caseId;
    orderId = (await t.database.db.select().from(courtOrders).where(eq(courtOrders.caseId, caseId)))[0]!.id;
    url = `/api/centres/${riverside}/cases/${caseId}/court-orders/${orderId}/file`;
  });

  const put = (client: Client, bytes: Buffer, name: string, at = url) =>
    client.request({
      method: 'PUT',
      url: at,
      payload: bytes,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
    });

  it('a coordinator attaches it; the case lists it against the order, and the upload is audited', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const response = await put(coordinator, PHOTO_JPEG, 'Photo of the order.jpeg');
    expect(response.statusCode, response.body).toBe(200);
    const added = response.json();
    expect(added).toMatchObject({
      fileName: 'Photo of the order.jpeg',
      mediaType: 'image/jpeg',
      sizeBytes: PHOTO_JPEG.length,
      uploadedBy: 'Priya Shah',
      courtOrderId: orderId,
      fromReferral: false,
    });
    expect(await fileRow(added.id)).toMatchObject({ caseId, centreId: riverside, referralId: null });
    const record = (await coordinator.get(`/api/centres/${riverside}/cases/${caseId}`)).json();
    expect(record.files.map((f: { id: string }) => f.id)).toEqual([added.id]);
    expect(await lastAudit('file.uploaded')).toMatchObject({
      resourceId: added.id,
      centreId: riverside,
      detail: { caseId, courtOrderId: orderId, mediaType: 'image/jpeg', sizeBytes: PHOTO_JPEG.length },
    });

    // A second copy is added; the first is kept.
    const second = await put(coordinator, ORDER_PDF, 'Sealed order.pdf');
    expect(second.statusCode).toBe(200);
    const after = (await coordinator.get(`/api/centres/${riverside}/cases/${caseId}`)).json();
    expect(after.files.map((f: { fileName: string }) => f.fileName)).toEqual([
      'Sealed order.pdf',
      'Photo of the order.jpeg',
    ]);
    const download = await coordinator.get(
      `/api/centres/${riverside}/cases/${caseId}/files/${second.json().id}`,
    );
    expect(sha256(download.rawPayload)).toBe(sha256(ORDER_PDF));
  });

  it('checks the bytes and the size the same way', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const html = await put(coordinator, WEB_PAGE, 'order.pdf');
    expect(html.statusCode).toBe(422);
    expect(html.json().code).toBe('file_type');
    const json = await coordinator.request({
      method: 'PUT',
      url,
      payload: { looks: 'like JSON' },
    });
    expect(json.statusCode).toBe(422);
    const big = await put(coordinator, Buffer.alloc(11 * 1024 * 1024, 0x25), 'big.pdf');
    expect(big.statusCode).toBe(413);
  });

  it('a supervisor (no case:write) is refused; another centre answers 404; an unknown order 404', async () => {
    expect((await put(await t.as(DEMO.supervisor), ORDER_PDF, 'order.pdf')).statusCode).toBe(403);
    expect((await put(await t.as(DEMO.hillviewCoordinator), ORDER_PDF, 'order.pdf')).statusCode).toBe(404);
    const coordinator = await t.as(DEMO.coordinator);
    const unknown = await put(
      coordinator,
      ORDER_PDF,
      'order.pdf',
      `/api/centres/${riverside}/cases/${caseId}/court-orders/${randomUUID()}/file`,
    );
    expect(unknown.statusCode).toBe(404);
    const hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
    const throughOwnCentre = await put(
      hillviewCoordinator,
      ORDER_PDF,
      'order.pdf',
      `/api/centres/${hillview}/cases/${caseId}/court-orders/${orderId}/file`,
    );
    expect(throughOwnCentre.statusCode).toBe(404);
  });

  it('an order that has been replaced, or a closed case, is refused with 409 and a sentence', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    await t.database.db
      .update(courtOrders)
      .set({ supersededAt: new Date() })
      .where(eq(courtOrders.id, orderId));
    const replaced = await put(coordinator, ORDER_PDF, 'order.pdf');
    expect(replaced.statusCode).toBe(409);
    expect(replaced.json().message).toBe(
      'This court order has been replaced by a newer one. Attach the copy to the order now in force.',
    );
    await t.database.db.update(courtOrders).set({ supersededAt: null }).where(eq(courtOrders.id, orderId));
    await t.database.db
      .update(cases)
      .set({ status: 'closed', closedAt: new Date(), closureOutcome: 'withdrawn' })
      .where(and(eq(cases.id, caseId), eq(cases.centreId, riverside)));
    const closed = await put(coordinator, ORDER_PDF, 'order.pdf');
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toEqual({ code: 'case_closed', message: 'This case is closed.' });
  });
});

describe('the API description', () => {
  it('stays valid and describes the files as binary', async () => {
    const response = await t.anonymous().get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    const download = document.paths['/api/centres/{centreId}/cases/{caseId}/files/{fileId}'].get;
    expect(Object.keys(download.responses['200'].content)).toEqual(
      expect.arrayContaining(['application/pdf', 'image/jpeg', 'image/png']),
    );
    expect(download.responses['200'].content['application/pdf'].schema).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    // Refusals are still JSON.
    expect(Object.keys(download.responses['404'].content)).toEqual(['application/json']);
    const upload = document.paths['/api/referrals/drafts/{draftId}/court-order'].put;
    expect(Object.keys(upload.requestBody.content)).toContain('application/pdf');
    expect(JSON.stringify(upload.requestBody)).toContain('"format":"binary"');
  });
});

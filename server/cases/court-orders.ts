/**
 * Court orders made after the referral. A new order supersedes the one in force, which stays in the
 * history (superseded_at). A final order is accepted only with its end date and the time limit agreed in
 * advance, with the referral form's own sentences (the shared schema) and the database's check behind
 * them. A plan already agreed that runs past a new final order's end is not refused here: the case file
 * warns, and the next version of the plan must end by the order's end (plans/agreement-rules.ts).
 */
import type { z } from 'zod';
import type { courtOrderBody } from '../../shared/api/caseRecord.js';
import type { Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { centreContact } from '../organisation/service.js';
import type { Db } from '../platform/database.js';
import { AppError, NotFound } from '../platform/errors.js';
import { localDay, spokenDay } from '../platform/local-time.js';
import { addCourtOrder, currentCourtOrderRow, supersedeCourtOrders } from './repository.js';
import { caseOpenForChange } from './service.js';

type OrderInput = z.output<typeof courtOrderBody>;

const refused = (code: string, field: string, message: string) =>
  new AppError(422, code, message, [{ field, message }]);

export async function recordCourtOrder(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  input: OrderInput,
): Promise<void> {
  // The schema refuses 'none' and an order without its court or date; this narrows the type.
  if (input.kind === 'none' || !input.court || !input.madeOn) {
    throw refused('invalid_order', 'kind', 'Choose an interim or a final order');
  }
  const { kind, court, madeOn } = input;
  await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, caseId);
    const centre = await centreContact(tx, centreId);
    if (!centre) throw new NotFound('case');
    const today = localDay(new Date(), centre.timeZone);
    if (madeOn > today) {
      throw refused(
        'made_in_future',
        'madeOn',
        `An order cannot be made in the future: today is ${spokenDay(today)}.`,
      );
    }
    const current = await currentCourtOrderRow(tx, caseId);
    if (current && madeOn < current.madeOn) {
      throw refused(
        'older_than_current',
        'madeOn',
        `The order in force was made on ${spokenDay(current.madeOn)}: record only an order made on or after that day.`,
      );
    }
    const now = new Date();
    await supersedeCourtOrders(tx, caseId, now);
    const id = await addCourtOrder(tx, {
      caseId,
      centreId,
      kind,
      court,
      madeOn,
      caseNumber: input.caseNumber ?? null,
      endsOn: input.endsOn ?? null,
      timeLimitAgreed: kind === 'final' ? input.timeLimitAgreed === true : false,
      recordedAt: now,
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'case.court_order_recorded',
      outcome: 'success',
      resourceType: 'court_order',
      resourceId: id,
      centreId,
      detail: { caseId, kind, supersedes: current?.id ?? null },
    });
  });
}

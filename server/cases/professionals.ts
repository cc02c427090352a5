/**
 * The professionals around a case after the referral: a solicitor, a court officer, a social worker or
 * another, acting for an adult of the case or for the court or the children. Ending one keeps them in the
 * record (ended_at). Their email is shown on the case file through the same redaction as the rest of it.
 */
import type { z } from 'zod';
import type { professionalBody } from '../../shared/api/caseRecord.js';
import type { Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import type { Db } from '../platform/database.js';
import { AppError, Conflict, NotFound } from '../platform/errors.js';
import { addProfessional as insertProfessional, endProfessionalRow, findProfessional } from './repository.js';
import { caseOpenForChange, peopleInCase } from './service.js';

type ProfessionalInput = z.output<typeof professionalBody>;

export async function addProfessional(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  input: ProfessionalInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, caseId);
    if (input.actingForPersonId) {
      const person = (await peopleInCase(tx, caseId)).find((p) => p.id === input.actingForPersonId);
      if (!person || person.role === 'child') {
        const message = person
          ? `${person.name} is a child: for a professional who acts for the children, choose the court or the children.`
          : 'Choose an adult of this case, or the court or the children: that person is not part of it.';
        throw new AppError(422, 'not_an_adult_of_case', message, [{ field: 'actingForPersonId', message }]);
      }
    }
    const id = await insertProfessional(tx, {
      caseId,
      centreId,
      actingForPersonId: input.actingForPersonId,
      role: input.role,
      name: input.name,
      organisation: input.organisation ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'case.professional_added',
      outcome: 'success',
      resourceType: 'case_professional',
      resourceId: id,
      centreId,
      detail: { caseId, role: input.role },
    });
  });
}

/** Ends a professional's part in the case; they stay in the record. */
export async function endProfessional(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  professionalId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, caseId);
    const found = await findProfessional(tx, caseId, professionalId);
    if (!found) throw new NotFound('professional');
    if (found.endedAt || !(await endProfessionalRow(tx, caseId, professionalId))) {
      throw new Conflict('This professional’s part in the case has already ended.', 'professional_ended');
    }
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'case.professional_ended',
      outcome: 'success',
      resourceType: 'case_professional',
      resourceId: professionalId,
      centreId,
      detail: { caseId, role: found.role },
    });
  });
}

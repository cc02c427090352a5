import type { z } from 'zod';
import type { caseDetail } from '../../../../shared/api/cases.js';

export type CaseDetail = z.infer<typeof caseDetail>;
export type Person = CaseDetail['people'][number];
/** Full names of the people of the case, by id. */
export type Names = Map<string, string>;

export const fullName = (person: Pick<Person, 'firstName' | 'lastName'>) =>
  `${person.firstName} ${person.lastName}`;

import type { CaseFile } from '../../../../shared/api/caseRecord.js';

/** The case file: the family at a glance, each child's consent, the closure and any warnings. */
export type CaseDetail = CaseFile;
export type Person = CaseDetail['people'][number];
/** Full names of the people of the case, by id. */
export type Names = Map<string, string>;

export const fullName = (person: Pick<Person, 'firstName' | 'lastName'>) =>
  `${person.firstName} ${person.lastName}`;

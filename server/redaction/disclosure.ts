/**
 * Who may see whose contact details: the one rule behind every output. Pure: the caller loads the
 * non_disclosures rows of the case(s) in question and describes who the output is for.
 */

/** One row of the non_disclosures table: `personId`'s contact details never reach `hiddenFromPersonId`. */
export interface NonDisclosureRow {
  readonly personId: string;
  readonly hiddenFromPersonId: string;
}

/** The non-disclosure rows of a case, ready to be asked. Build with `disclosureRules(rows)`. */
export interface DisclosureRules {
  /** Whether `ownerId`'s contact details are hidden from the case person `viewerPersonId`. */
  isHiddenFrom(ownerId: string, viewerPersonId: string): boolean;
}

/** Who an output (a screen, a portal page, a document, an export, a message) is for. */
export type Viewer =
  /** Centre staff: a coordinator may read contact details, a volunteer may not. */
  | { readonly kind: 'staff'; readonly mayReadContactDetails: boolean }
  /** A parent or carer of the case (a case person id): their portal, their documents, mail to them. */
  | { readonly kind: 'party'; readonly personId: string }
  /** A solicitor, court officer or social worker acting for one or more case people. */
  | { readonly kind: 'professional'; readonly actingFor: readonly string[] }
  /** Anyone else: public pages, statistics. */
  | { readonly kind: 'public' };

const isPersonId = (value: unknown): value is string => typeof value === 'string' && value !== '';

export function disclosureRules(rows: Iterable<NonDisclosureRow>): DisclosureRules {
  const hiddenFrom = new Map<string, Set<string>>();
  for (const row of rows) {
    // A malformed row must not be skipped quietly: skipping it would disclose what it hides.
    if (!isPersonId(row.personId) || !isPersonId(row.hiddenFromPersonId)) {
      throw new TypeError('disclosureRules: every row needs a personId and a hiddenFromPersonId.');
    }
    let viewers = hiddenFrom.get(row.personId);
    if (!viewers) hiddenFrom.set(row.personId, (viewers = new Set()));
    viewers.add(row.hiddenFromPersonId);
  }
  return Object.freeze({
    isHiddenFrom: (ownerId: string, viewerPersonId: string) =>
      hiddenFrom.get(ownerId)?.has(viewerPersonId) ?? false,
  });
}

function partyMaySee(personId: unknown, rules: DisclosureRules, owner: string): boolean {
  if (!isPersonId(personId)) return false;
  return personId === owner || !rules.isHiddenFrom(owner, personId);
}

/**
 * Whether `viewer` may see the contact details of the case person `owner`.
 *
 * - staff: as their flag says (a coordinator yes, a volunteer no);
 * - a party: always their own; anyone else's unless that person's details are hidden from them;
 * - a professional: only what every person they act for may see (a solicitor acting for both parents
 *   sees neither parent's hidden details); acting for nobody, nothing;
 * - the public: never.
 *
 * Anything malformed (a missing person id, an unknown kind) sees nothing.
 */
export function mayDisclose(viewer: Viewer, rules: DisclosureRules, owner: string): boolean {
  if (!isPersonId(owner)) return false;
  switch (viewer.kind) {
    case 'staff':
      return viewer.mayReadContactDetails === true;
    case 'party':
      return partyMaySee(viewer.personId, rules, owner);
    case 'professional':
      // `every` over an empty list is true: a professional acting for nobody must see nothing.
      return (
        Array.isArray(viewer.actingFor) &&
        viewer.actingFor.length > 0 &&
        viewer.actingFor.every((personId) => partyMaySee(personId, rules, owner))
      );
    case 'public':
      return false;
    default:
      return false;
  }
}

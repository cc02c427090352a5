/**
 * The non-disclosure rule, proved: the rule for each kind of viewer, then properties over random
 * families, non-disclosures, viewers and output trees showing that a withheld value never appears in
 * what is sent, that everything the viewer may see is kept, and that the input is left alone.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disclosureRules, mayDisclose, type NonDisclosureRow, type Viewer } from './disclosure.js';
import {
  CONTACT_KINDS,
  isProtected,
  protectedValue,
  UnredactedValueError,
  type ContactKind,
  type Protected,
} from './protected.js';
import { NOT_SHARED_TEXT, RedactionError, redactFor, redactText, textFor, type TextPart } from './redact.js';

// People of one invented case.
const RESIDENT = '00000000-0000-4000-8000-000000000001';
const NON_RESIDENT = '00000000-0000-4000-8000-000000000002';
const GRANDMOTHER = '00000000-0000-4000-8000-000000000003'; // attends with the non-resident parent
const CHILD = '00000000-0000-4000-8000-000000000004';

/** The default non-disclosure of cases/service.ts: each resident parent and every other adult, both ways. */
function defaultNonDisclosures(adults: { id: string; role: string }[]): NonDisclosureRow[] {
  const residents = adults.filter((a) => a.role === 'resident_parent');
  const others = adults.filter((a) => a.role !== 'resident_parent');
  return residents.flatMap((resident) =>
    others.flatMap((other) => [
      { personId: resident.id, hiddenFromPersonId: other.id },
      { personId: other.id, hiddenFromPersonId: resident.id },
    ]),
  );
}

const rules = disclosureRules(
  defaultNonDisclosures([
    { id: RESIDENT, role: 'resident_parent' },
    { id: NON_RESIDENT, role: 'non_resident_parent' },
    { id: GRANDMOTHER, role: 'other_attendee' },
  ]),
);

const coordinator: Viewer = { kind: 'staff', mayReadContactDetails: true };
const volunteer: Viewer = { kind: 'staff', mayReadContactDetails: false };
const residentParent: Viewer = { kind: 'party', personId: RESIDENT };
const nonResidentParent: Viewer = { kind: 'party', personId: NON_RESIDENT };
const nonResidentsSolicitor: Viewer = { kind: 'professional', actingFor: [NON_RESIDENT] };
const residentsSolicitor: Viewer = { kind: 'professional', actingFor: [RESIDENT] };
const publicViewer: Viewer = { kind: 'public' };
const EVERYONE = [RESIDENT, NON_RESIDENT, GRANDMOTHER, CHILD];

/** A case as a screen would show it, with each adult's contact details protected. */
function caseView() {
  const person = (id: string, firstName: string, n: number) => ({
    id,
    firstName,
    email: protectedValue(id, 'email', `${firstName.toLowerCase()}@example.org`),
    phone: protectedValue(id, 'phone', `07700 90000${n}`),
    address: protectedValue(id, 'address', `${n} Secret Street, Townsville`),
  });
  return {
    reference: 'C-2026-0001',
    openedAt: new Date('2026-03-02T10:00:00Z'),
    people: [
      person(RESIDENT, 'Alice', 1),
      person(NON_RESIDENT, 'Bob', 2),
      person(GRANDMOTHER, 'Carol', 3),
      { id: CHILD, firstName: 'Dana', school: protectedValue(RESIDENT, 'school', 'Hill Primary School') },
    ],
  };
}

describe('mayDisclose', () => {
  it("the resident parent never sees the non-resident parent's address", () => {
    expect(mayDisclose(residentParent, rules, NON_RESIDENT)).toBe(false);
    const seen = redactFor(residentParent, rules)(caseView());
    expect(seen.people[1]).toMatchObject({ firstName: 'Bob', email: null, phone: null, address: null });
    expect(JSON.stringify(seen)).not.toContain('2 Secret Street');
  });

  it("the non-resident parent never sees the resident parent's details, nor the child's school", () => {
    expect(mayDisclose(nonResidentParent, rules, RESIDENT)).toBe(false);
    const seen = JSON.stringify(redactFor(nonResidentParent, rules)(caseView()));
    expect(seen).not.toContain('1 Secret Street');
    expect(seen).not.toContain('07700 900001');
    expect(seen).not.toContain('Hill Primary School');
  });

  it("the non-resident parent's solicitor never sees the resident parent's phone", () => {
    expect(mayDisclose(nonResidentsSolicitor, rules, RESIDENT)).toBe(false);
    const seen = redactFor(nonResidentsSolicitor, rules)(caseView());
    expect(seen.people[0]).toMatchObject({ firstName: 'Alice', phone: null });
    expect(JSON.stringify(seen)).not.toContain('07700 900001');
    // and sees what their client may see: their client's own details and their side's
    expect(seen.people[1]).toMatchObject({ firstName: 'Bob', phone: '07700 900002' });
    expect(seen.people[2]).toMatchObject({ firstName: 'Carol', phone: '07700 900003' });
  });

  it('a party always sees their own details, and those of people not hidden from them', () => {
    expect(mayDisclose(residentParent, rules, RESIDENT)).toBe(true);
    expect(mayDisclose(nonResidentParent, rules, NON_RESIDENT)).toBe(true);
    expect(mayDisclose(nonResidentParent, rules, GRANDMOTHER)).toBe(true);
    expect(mayDisclose(residentParent, rules, GRANDMOTHER)).toBe(false);
    // A party's own details come back even if a (malformed) rule hid them from themselves.
    expect(
      mayDisclose(
        residentParent,
        disclosureRules([{ personId: RESIDENT, hiddenFromPersonId: RESIDENT }]),
        RESIDENT,
      ),
    ).toBe(true);
  });

  it('staff see contact details only with the flag: a coordinator all, a volunteer none', () => {
    for (const owner of EVERYONE) {
      expect(mayDisclose(coordinator, rules, owner)).toBe(true);
      expect(mayDisclose(volunteer, rules, owner)).toBe(false);
    }
    const seen = JSON.stringify(redactFor(volunteer, rules)(caseView()));
    expect(seen).not.toMatch(/Secret Street|07700|example\.org|Hill Primary/);
  });

  it('the public sees nothing protected', () => {
    for (const owner of EVERYONE) expect(mayDisclose(publicViewer, rules, owner)).toBe(false);
    expect(JSON.stringify(redactFor(publicViewer, rules)(caseView()))).not.toMatch(
      /Secret Street|07700|example\.org|Hill Primary/,
    );
  });

  it("a professional acting for both parents sees neither side's hidden details", () => {
    const forBoth: Viewer = { kind: 'professional', actingFor: [RESIDENT, NON_RESIDENT] };
    for (const owner of [RESIDENT, NON_RESIDENT, GRANDMOTHER])
      expect(mayDisclose(forBoth, rules, owner)).toBe(false);
    expect(JSON.stringify(redactFor(forBoth, rules)(caseView()))).not.toMatch(
      /Secret Street|07700|example\.org|Hill Primary/,
    );
    const forOneSide: Viewer = { kind: 'professional', actingFor: [NON_RESIDENT, GRANDMOTHER] };
    expect(mayDisclose(forOneSide, rules, NON_RESIDENT)).toBe(true);
    expect(mayDisclose(forOneSide, rules, GRANDMOTHER)).toBe(true);
    expect(mayDisclose(forOneSide, rules, RESIDENT)).toBe(false);
    expect(mayDisclose(residentsSolicitor, rules, RESIDENT)).toBe(true);
    expect(mayDisclose(residentsSolicitor, rules, NON_RESIDENT)).toBe(false);
  });

  it('a professional acting for nobody (a court officer for the children) sees nothing', () => {
    const forNobody: Viewer = { kind: 'professional', actingFor: [] };
    for (const owner of EVERYONE) expect(mayDisclose(forNobody, rules, owner)).toBe(false);
  });

  it('malformed viewers see nothing', () => {
    const malformed = [
      { kind: 'party' },
      { kind: 'party', personId: '' },
      { kind: 'professional' },
      { kind: 'professional', actingFor: [''] },
      { kind: 'professional', actingFor: [NON_RESIDENT, undefined] },
      { kind: 'staff' },
      { kind: 'staff', mayReadContactDetails: 'yes' },
      { kind: 'coordinator' },
    ] as unknown as Viewer[];
    for (const viewer of malformed) {
      for (const owner of EVERYONE)
        expect(mayDisclose(viewer, rules, owner), JSON.stringify(viewer)).toBe(false);
    }
  });

  it('non-disclosure is one way: each row hides one person from one other', () => {
    const oneWay = disclosureRules([{ personId: RESIDENT, hiddenFromPersonId: NON_RESIDENT }]);
    expect(oneWay.isHiddenFrom(RESIDENT, NON_RESIDENT)).toBe(true);
    expect(oneWay.isHiddenFrom(NON_RESIDENT, RESIDENT)).toBe(false);
    expect(mayDisclose(residentParent, oneWay, NON_RESIDENT)).toBe(true);
  });

  it('a malformed non-disclosure row is refused, not skipped', () => {
    expect(() => disclosureRules([{ personId: RESIDENT } as NonDisclosureRow])).toThrow(TypeError);
  });
});

describe('protected values', () => {
  const phone = protectedValue(RESIDENT, 'phone', '07700 900001');

  it('cannot be sent unredacted: JSON, template strings and concatenation throw', () => {
    expect(() => JSON.stringify(phone)).toThrow(UnredactedValueError);
    expect(() => JSON.stringify({ people: [{ phone }] })).toThrow(/redact before sending/);
    expect(() => `${phone as unknown as string}`).toThrow(UnredactedValueError);
    expect(() => String(phone)).toThrow(UnredactedValueError);
    expect(() => (phone as unknown as string) + '').toThrow(UnredactedValueError);
    try {
      JSON.stringify(phone);
    } catch (error) {
      expect(String(error)).not.toContain('07700');
    }
  });

  it('cannot be copied out by spreading, cloning or logging', () => {
    expect(Object.keys(phone)).toEqual([]);
    expect(JSON.stringify({ ...phone })).toBe('{}');
    expect(JSON.stringify(structuredClone(phone))).toBe('{}');
    expect(isProtected(structuredClone(phone))).toBe(false);
    expect(inspect({ phone }, { depth: 5, showHidden: true })).not.toContain('07700');
    expect(inspect(phone)).toBe(`Protected(phone of ${RESIDENT})`);
  });

  it('is frozen and cannot be forged from plain data or its prototype', () => {
    expect(Object.isFrozen(phone)).toBe(true);
    expect(Object.isFrozen(Object.getPrototypeOf(phone))).toBe(true);
    expect(() => Object.assign(phone, { value: 'x' })).toThrow(TypeError);
    const forged = JSON.parse(`{"owner":"${RESIDENT}","kind":"phone","value":"07700 900001"}`) as unknown;
    expect(isProtected(forged)).toBe(false);
    const fromPrototype = Object.create(Object.getPrototypeOf(phone) as object) as unknown;
    expect(isProtected(fromPrototype)).toBe(false);
    expect(() => redactFor(coordinator, rules)({ fromPrototype })).toThrow(RedactionError);
  });

  it('tells its owner and kind, and needs a real owner and kind', () => {
    expect(phone.owner).toBe(RESIDENT);
    expect(phone.kind).toBe('phone');
    expect(() => protectedValue('', 'phone', 'x')).toThrow(TypeError);
    expect(() => protectedValue(RESIDENT, 'shoe size' as ContactKind, 'x')).toThrow(TypeError);
  });
});

describe('redactFor', () => {
  it('replaces a withheld detail with null and a shared one with its value, leaving the rest', () => {
    const view = caseView();
    const seen = redactFor(residentParent, rules)(view);
    expect(seen).toEqual({
      reference: 'C-2026-0001',
      openedAt: new Date('2026-03-02T10:00:00Z'),
      people: [
        {
          id: RESIDENT,
          firstName: 'Alice',
          email: 'alice@example.org',
          phone: '07700 900001',
          address: '1 Secret Street, Townsville',
        },
        { id: NON_RESIDENT, firstName: 'Bob', email: null, phone: null, address: null },
        { id: GRANDMOTHER, firstName: 'Carol', email: null, phone: null, address: null },
        { id: CHILD, firstName: 'Dana', school: 'Hill Primary School' },
      ],
    });
    expect(seen.openedAt).not.toBe(view.openedAt);
  });

  it('walks protected values inside arrays and inside other protected values', () => {
    const tree = {
      refuge: protectedValue(RESIDENT, 'refuge', {
        name: 'Safe House',
        keyworkerPhone: protectedValue(GRANDMOTHER, 'phone', '07700 900003'),
        others: [protectedValue(NON_RESIDENT, 'email', 'bob@example.org')],
      }),
      list: [protectedValue(NON_RESIDENT, 'phone', '07700 900002'), 'plain', 3, null, true],
    };
    expect(redactFor(residentParent, rules)(tree)).toEqual({
      refuge: { name: 'Safe House', keyworkerPhone: null, others: [null] },
      list: [null, 'plain', 3, null, true],
    });
    expect(redactFor(nonResidentParent, rules)(tree)).toEqual({
      refuge: null,
      list: ['07700 900002', 'plain', 3, null, true],
    });
  });

  it('throws a clear error on a cycle, including one through a protected value', () => {
    const looped: Record<string, unknown> = { people: [] };
    (looped.people as unknown[]).push({ back: looped });
    expect(() => redactFor(coordinator, rules)(looped)).toThrow(RedactionError);
    expect(() => redactFor(coordinator, rules)(looped)).toThrow(
      /refers back to itself at \.people\[0\]\.back/,
    );

    const holder: Record<string, unknown> = {};
    holder.self = protectedValue(RESIDENT, 'address', holder);
    expect(() => redactFor(coordinator, rules)(holder)).toThrow(RedactionError);
    // Withheld, the value is never walked, so there is nothing to loop through.
    expect(redactFor(volunteer, rules)(holder)).toEqual({ self: null });
  });

  it('copies a value shared in two places (not a cycle) twice', () => {
    const shared = { phone: protectedValue(NON_RESIDENT, 'phone', '07700 900002') };
    expect(redactFor(nonResidentParent, rules)({ a: shared, b: [shared] })).toEqual({
      a: { phone: '07700 900002' },
      b: [{ phone: '07700 900002' }],
    });
  });

  it('refuses what is not plain data rather than passing it through', () => {
    const secret = protectedValue(RESIDENT, 'phone', '07700 900001');
    const redact = redactFor(nonResidentParent, rules);
    expect(() => redact({ byPerson: new Map([[RESIDENT, secret]]) })).toThrow(
      /a Map at \.byPerson is not plain data/,
    );
    expect(() => redact({ fn: () => secret })).toThrow(RedactionError);
    expect(() => redact([Symbol('x')])).toThrow(RedactionError);
    expect(() => redact(Buffer.from('x'))).toThrow(RedactionError);
  });

  it('keeps a "__proto__" key as a key', () => {
    const tree = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const copy = redactFor(coordinator, rules)(tree) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('passes primitives through and reads a withheld root as null', () => {
    const redact = redactFor(publicViewer, rules);
    expect(redact('text')).toBe('text');
    expect(redact(undefined)).toBeUndefined();
    expect(redact(protectedValue(RESIDENT, 'email', 'a@example.org'))).toBeNull();
  });
});

describe('redactText', () => {
  it('writes "[not shared]" where a detail is withheld', () => {
    const bobsPhone = protectedValue(NON_RESIDENT, 'phone', '07700 900002');
    const parts: TextPart[] = ['Call Bob on ', bobsPhone, ' before ', 10, ' am.'];
    expect(redactText(residentParent, rules, parts)).toBe(`Call Bob on ${NOT_SHARED_TEXT} before 10 am.`);
    expect(redactText(nonResidentParent, rules, parts)).toBe('Call Bob on 07700 900002 before 10 am.');
    expect(redactText(nonResidentsSolicitor, rules, parts)).toBe('Call Bob on 07700 900002 before 10 am.');
  });

  it('works as a template tag', () => {
    const address = protectedValue(RESIDENT, 'address', '1 Secret Street');
    const letter = (viewer: Viewer) =>
      textFor(viewer, rules)`Dear Alice,\nWe hold your address as ${address}.`;
    expect(letter(residentParent)).toBe('Dear Alice,\nWe hold your address as 1 Secret Street.');
    expect(letter(nonResidentsSolicitor)).toBe(`Dear Alice,\nWe hold your address as ${NOT_SHARED_TEXT}.`);
  });

  it('refuses a part that is not text', () => {
    const parts = ['Address: ', { line1: '1 Secret Street' }] as unknown as TextPart[];
    expect(() => redactText(coordinator, rules, parts)).toThrow(RedactionError);
    const structured = protectedValue(RESIDENT, 'address', { line1: '1 Secret Street' });
    expect(() => redactText(coordinator, rules, [structured as unknown as Protected])).toThrow(
      RedactionError,
    );
    expect(redactText(volunteer, rules, [structured as unknown as Protected])).toBe(NOT_SHARED_TEXT);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties over random families, non-disclosures, viewers and outputs.

interface Family {
  people: string[];
  /** `secret-<uuid>` per person and kind: unique, so a leak shows up in a plain text search. */
  secrets: Map<string, Record<ContactKind, string>>;
  rows: NonDisclosureRow[];
  viewer: Viewer;
}

const STRANGER = '00000000-0000-4000-8000-0000000000ff';

const familyArb: fc.Arbitrary<Family> = fc
  .uniqueArray(fc.uuid(), { minLength: 2, maxLength: 6 })
  .chain((people) => {
    const pairs = people.flatMap((owner) =>
      people
        .filter((other) => other !== owner)
        .map((other) => ({ personId: owner, hiddenFromPersonId: other })),
    );
    const someone = fc.constantFrom(...people, STRANGER);
    return fc.record({
      people: fc.constant(people),
      secrets: fc
        .uniqueArray(fc.uuid(), {
          minLength: people.length * CONTACT_KINDS.length,
          maxLength: people.length * CONTACT_KINDS.length,
        })
        .map(
          (uuids) =>
            new Map(
              people.map((person, p) => [
                person,
                Object.fromEntries(
                  CONTACT_KINDS.map((kind, k) => [kind, `secret-${uuids[p * CONTACT_KINDS.length + k]}`]),
                ) as Record<ContactKind, string>,
              ]),
            ),
        ),
      rows: fc.subarray(pairs),
      viewer: fc.oneof(
        fc.record({ kind: fc.constant('staff' as const), mayReadContactDetails: fc.boolean() }),
        fc.record({ kind: fc.constant('party' as const), personId: someone }),
        fc.record({
          kind: fc.constant('professional' as const),
          actingFor: fc.uniqueArray(someone, { maxLength: 4 }),
        }),
        fc.constant({ kind: 'public' as const }),
      ),
    });
  });

/** The rule as the brief states it, over the raw rows: the model mayDisclose is checked against. */
function modelMaySee(viewer: Viewer, rows: NonDisclosureRow[], owner: string): boolean {
  const partySees = (personId: string) =>
    personId === owner || !rows.some((row) => row.personId === owner && row.hiddenFromPersonId === personId);
  if (viewer.kind === 'staff') return viewer.mayReadContactDetails;
  if (viewer.kind === 'party') return partySees(viewer.personId);
  if (viewer.kind === 'professional') return viewer.actingFor.length > 0 && viewer.actingFor.every(partySees);
  return false;
}

/** The shape of an output, from which both the tree and its expected redaction are built. */
type Shape =
  | { t: 'plain'; value: string | number | boolean | null }
  | { t: 'date'; ms: number }
  | { t: 'detail'; owner: number; kind: ContactKind }
  | { t: 'sealed'; owner: number; kind: ContactKind; inner: Shape }
  | { t: 'array'; items: Shape[] }
  | { t: 'object'; entries: [string, Shape][] };

const kindArb = fc.constantFrom(...CONTACT_KINDS);
const keyArb = fc.oneof(
  fc.constantFrom(
    'email',
    'phone',
    'address',
    'people',
    'value',
    'owner',
    '__proto__',
    'toJSON',
    'constructor',
  ),
  fc.string({ maxLength: 8 }),
);
const plainArb = fc.oneof(
  fc.string().filter((s) => !s.includes('secret-')),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

const { shape: shapeArb } = fc.letrec<{ shape: Shape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    plainArb.map((value) => ({ t: 'plain' as const, value })),
    fc.record({ t: fc.constant('detail' as const), owner: fc.nat(), kind: kindArb }),
    fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => ({ t: 'date' as const, ms })),
    fc.record({ t: fc.constant('sealed' as const), owner: fc.nat(), kind: kindArb, inner: tie('shape') }),
    fc.record({ t: fc.constant('array' as const), items: fc.array(tie('shape'), { maxLength: 5 }) }),
    fc.record({
      t: fc.constant('object' as const),
      entries: fc.uniqueArray(fc.tuple(keyArb, tie('shape')), { selector: ([key]) => key, maxLength: 5 }),
    }),
  ),
}));

const ownerOf = (family: Family, index: number) => family.people[index % family.people.length]!;
const secretOf = (family: Family, owner: string, kind: ContactKind) => family.secrets.get(owner)![kind];

/** The output tree. A sealed detail holds its owner's secret and more output, which may hold others'. */
function build(shape: Shape, family: Family): unknown {
  switch (shape.t) {
    case 'plain':
      return shape.value;
    case 'date':
      return new Date(shape.ms);
    case 'detail': {
      const owner = ownerOf(family, shape.owner);
      return protectedValue(owner, shape.kind, secretOf(family, owner, shape.kind));
    }
    case 'sealed': {
      const owner = ownerOf(family, shape.owner);
      const value = { value: secretOf(family, owner, shape.kind), inner: build(shape.inner, family) };
      return protectedValue(owner, shape.kind, value);
    }
    case 'array':
      return shape.items.map((item) => build(item, family));
    case 'object':
      return Object.fromEntries(shape.entries.map(([key, item]) => [key, build(item, family)]));
  }
}

/** What the viewer should get, built from the shape with the model rule. */
function expected(shape: Shape, family: Family): unknown {
  const sees = (index: number) => modelMaySee(family.viewer, family.rows, ownerOf(family, index));
  switch (shape.t) {
    case 'plain':
      return shape.value;
    case 'date':
      return new Date(shape.ms);
    case 'detail':
      return sees(shape.owner) ? secretOf(family, ownerOf(family, shape.owner), shape.kind) : null;
    case 'sealed':
      return sees(shape.owner)
        ? {
            value: secretOf(family, ownerOf(family, shape.owner), shape.kind),
            inner: expected(shape.inner, family),
          }
        : null;
    case 'array':
      return shape.items.map((item) => expected(item, family));
    case 'object':
      return Object.fromEntries(shape.entries.map(([key, item]) => [key, expected(item, family)]));
  }
}

/** Every secret placed in the tree, and whether each of its protected ancestors (and itself) may be seen. */
function placedSecrets(
  shape: Shape,
  family: Family,
  visiblePath = true,
): { secret: string; owner: string; reachable: boolean }[] {
  switch (shape.t) {
    case 'plain':
    case 'date':
      return [];
    case 'detail':
    case 'sealed': {
      const owner = ownerOf(family, shape.owner);
      const reachable = visiblePath && modelMaySee(family.viewer, family.rows, owner);
      const here = { secret: secretOf(family, owner, shape.kind), owner, reachable };
      return shape.t === 'detail' ? [here] : [here, ...placedSecrets(shape.inner, family, reachable)];
    }
    case 'array':
      return shape.items.flatMap((item) => placedSecrets(item, family, visiblePath));
    case 'object':
      return shape.entries.flatMap(([, item]) => placedSecrets(item, family, visiblePath));
  }
}

function containsProtected(node: unknown): boolean {
  if (isProtected(node)) return true;
  if (node === null || typeof node !== 'object') return false;
  return Object.values(node).some(containsProtected);
}

/** Only plain objects, arrays, Dates and primitives: what a serialiser can be trusted with. */
function isPlainData(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return typeof node !== 'function';
  if (node instanceof Date) return true;
  const prototype: unknown = Object.getPrototypeOf(node);
  if (prototype !== Object.prototype && prototype !== Array.prototype) return false;
  return Object.values(node).every(isPlainData);
}

function collectProtected(node: unknown, into: unknown[] = []): unknown[] {
  if (isProtected(node)) {
    into.push(node);
    const opened = node.disclose(coordinator, disclosureRules([]));
    if (opened.shared) collectProtected(opened.value, into);
  } else if (node !== null && typeof node === 'object') {
    for (const value of Object.values(node)) collectProtected(value, into);
  }
  return into;
}

function deepFreeze(node: unknown): void {
  if (node === null || typeof node !== 'object' || Object.isFrozen(node)) return;
  Object.freeze(node);
  for (const value of Object.values(node)) deepFreeze(value);
}

const outputArb = fc.record({ family: familyArb, shape: shapeArb });
const RUNS = { numRuns: 300 };

describe('redaction properties', () => {
  it('mayDisclose agrees with the rule as stated, for every owner, viewer and set of non-disclosures', () => {
    fc.assert(
      fc.property(familyArb, (family) => {
        const built = disclosureRules(family.rows);
        for (const owner of [...family.people, STRANGER]) {
          expect(mayDisclose(family.viewer, built, owner)).toBe(
            modelMaySee(family.viewer, family.rows, owner),
          );
        }
      }),
      RUNS,
    );
  });

  it('(1) a value whose owner is hidden from the viewer never appears in what is sent', () => {
    fc.assert(
      fc.property(outputArb, ({ family, shape }) => {
        const sent = JSON.stringify(
          redactFor(family.viewer, disclosureRules(family.rows))(build(shape, family)),
        );
        for (const owner of family.people) {
          if (modelMaySee(family.viewer, family.rows, owner)) continue;
          for (const secret of Object.values(family.secrets.get(owner)!)) expect(sent).not.toContain(secret);
        }
        for (const { secret, reachable } of placedSecrets(shape, family)) {
          if (!reachable) expect(sent.includes(secret) ? secret : null).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('(2, 3) every value the viewer may see is kept, and the result is exactly the model with no protected node', () => {
    fc.assert(
      fc.property(outputArb, ({ family, shape }) => {
        const result = redactFor(family.viewer, disclosureRules(family.rows))(build(shape, family));
        expect(containsProtected(result)).toBe(false);
        const sent = JSON.stringify(result) ?? '';
        for (const { secret, reachable } of placedSecrets(shape, family)) {
          if (reachable) expect(sent).toContain(secret);
        }
        // toEqual, not toStrictEqual: the latter compares a "constructor" key by reference.
        expect(result).toEqual(expected(shape, family));
        expect(isPlainData(result)).toBe(true);
      }),
      RUNS,
    );
  });

  it('(4) the input is left unchanged', () => {
    fc.assert(
      fc.property(outputArb, ({ family, shape }) => {
        const tree = build(shape, family);
        const nodesBefore = collectProtected(tree);
        const everything = redactFor(coordinator, disclosureRules([]));
        const before = JSON.stringify(everything(tree)) ?? '';
        deepFreeze(tree); // any write to the input now throws (modules run in strict mode)
        redactFor(family.viewer, disclosureRules(family.rows))(tree);
        expect(JSON.stringify(everything(tree)) ?? '').toBe(before);
        const nodesAfter = collectProtected(tree);
        expect(nodesAfter).toHaveLength(nodesBefore.length);
        nodesAfter.forEach((node, i) => expect(node).toBe(nodesBefore[i]));
      }),
      RUNS,
    );
  });

  it('(5) redactText never includes a withheld value, and keeps every shared one', () => {
    const partArb = fc.oneof(
      fc.string().filter((s) => !s.includes('secret-') && !s.includes(NOT_SHARED_TEXT)),
      fc.integer(),
      fc.record({ owner: fc.nat(), kind: kindArb }),
    );
    fc.assert(
      fc.property(familyArb, fc.array(partArb, { maxLength: 12 }), (family, specs) => {
        const built = disclosureRules(family.rows);
        const parts: TextPart[] = specs.map((spec) => {
          if (typeof spec !== 'object') return spec;
          const owner = ownerOf(family, spec.owner);
          return protectedValue(owner, spec.kind, secretOf(family, owner, spec.kind));
        });
        const text = redactText(family.viewer, built, parts);
        const model = specs
          .map((spec) => {
            if (typeof spec !== 'object') return String(spec);
            const owner = ownerOf(family, spec.owner);
            return modelMaySee(family.viewer, family.rows, owner)
              ? secretOf(family, owner, spec.kind)
              : NOT_SHARED_TEXT;
          })
          .join('');
        expect(text).toBe(model);
        for (const owner of family.people) {
          if (modelMaySee(family.viewer, family.rows, owner)) continue;
          for (const secret of Object.values(family.secrets.get(owner)!)) expect(text).not.toContain(secret);
        }
      }),
      RUNS,
    );
  });
});

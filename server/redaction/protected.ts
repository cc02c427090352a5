/**
 * A contact detail on its way to an output. Wrapped where it is read, it can only leave through
 * `redactFor` or `redactText` (redact.ts), which ask `mayDisclose` who the output is for.
 *
 * The wrapper is a class with private fields: parsed JSON, a spread (`{ ...p }`) or a structured clone
 * cannot make one or copy its value, and anything that would serialise it unredacted (JSON.stringify,
 * a template string, string concatenation) throws instead. `util.inspect` (and so a log line) shows the
 * owner and the kind, never the value.
 */
import { mayDisclose, type DisclosureRules, type Viewer } from './disclosure.js';

import { CONTACT_KINDS } from '../../shared/api/cases.js';

export { CONTACT_KINDS };
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** What a protected value gives a viewer: the value, or nothing. */
export type Disclosure<T> = { readonly shared: true; readonly value: T } | { readonly shared: false };

/** Thrown when a protected value is about to be serialised without being redacted first. */
export class UnredactedValueError extends Error {
  constructor() {
    super(
      'A protected contact detail was about to be sent: redact before sending (redactFor or redactText).',
    );
    this.name = 'UnredactedValueError';
  }
}

const WITHHELD: Disclosure<never> = Object.freeze({ shared: false });

class ProtectedValue<T> {
  readonly #owner: string;
  readonly #kind: ContactKind;
  readonly #value: T;

  constructor(owner: string, kind: ContactKind, value: T) {
    this.#owner = owner;
    this.#kind = kind;
    this.#value = value;
    Object.freeze(this);
  }

  /** The case person whose detail this is. */
  get owner(): string {
    return this.#owner;
  }

  get kind(): ContactKind {
    return this.#kind;
  }

  /** The value if `viewer` may see it: the only way to read it. */
  disclose(viewer: Viewer, rules: DisclosureRules): Disclosure<T> {
    return mayDisclose(viewer, rules, this.#owner) ? { shared: true, value: this.#value } : WITHHELD;
  }

  static is(candidate: unknown): candidate is ProtectedValue<unknown> {
    return typeof candidate === 'object' && candidate !== null && #owner in candidate;
  }

  toJSON(): never {
    throw new UnredactedValueError();
  }

  toString(): never {
    throw new UnredactedValueError();
  }

  [Symbol.toPrimitive](): never {
    throw new UnredactedValueError();
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Protected(${this.#kind} of ${this.#owner})`;
  }
}
Object.freeze(ProtectedValue.prototype);
Object.freeze(ProtectedValue);

/** A contact detail of one case person, withheld from every output whose viewer may not see it. */
export type Protected<T = string> = ProtectedValue<T>;

/**
 * Wraps a contact detail (`value`) of the case person `owner`. The value may itself be structured and
 * hold other protected values (an address record holding a phone number of someone else).
 */
export function protectedValue<T>(owner: string, kind: ContactKind, value: T): Protected<T> {
  if (typeof owner !== 'string' || owner === '') {
    throw new TypeError('protectedValue: the owner must be a case person id.');
  }
  if (!(CONTACT_KINDS as readonly string[]).includes(kind)) {
    throw new TypeError(
      `protectedValue: unknown contact kind (expected one of ${CONTACT_KINDS.join(', ')}).`,
    );
  }
  return new ProtectedValue(owner, kind, value);
}

/** Whether `candidate` is a protected value (made by protectedValue; nothing else passes). */
export function isProtected(candidate: unknown): candidate is Protected<unknown> {
  return ProtectedValue.is(candidate);
}

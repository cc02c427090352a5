/**
 * The one redaction every output goes through. Build the output with protected values (protected.ts)
 * where contact details go, then:
 *
 * - responses, exports, documents built as data: `redactFor(viewer, rules)(tree)`;
 * - mail and documents built as text: `redactText(viewer, rules, parts)` or the `textFor` tag.
 *
 * A withheld detail reads as `null` in data (the screen shows "Not shared") and as "[not shared]" in text.
 */
import type { DisclosureRules, Viewer } from './disclosure.js';
import { isProtected, type Protected } from './protected.js';

/** Thrown when a tree cannot be redacted safely: a cycle, or something that is not plain data. */
export class RedactionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedactionError';
  }
}

/** `T` with every protected value replaced by its value, or by null where withheld. */
export type Redacted<T> =
  T extends Protected<infer V>
    ? Redacted<V> | null
    : T extends Date
      ? Date
      : T extends readonly unknown[]
        ? { -readonly [K in keyof T]: Redacted<T[K]> }
        : T extends object
          ? { -readonly [K in keyof T]: Redacted<T[K]> }
          : T;

function where(path: readonly (string | number)[]): string {
  return path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('') || '(the root)';
}

function redactNode(
  node: unknown,
  viewer: Viewer,
  rules: DisclosureRules,
  ancestors: Set<object>,
  path: (string | number)[],
): unknown {
  if (typeof node === 'function' || typeof node === 'symbol') {
    throw new RedactionError(`redactFor: a ${typeof node} at ${where(path)} is not data.`);
  }
  if (node === null || typeof node !== 'object') return node;
  if (ancestors.has(node))
    throw new RedactionError(`redactFor: the tree refers back to itself at ${where(path)}.`);
  ancestors.add(node);
  try {
    if (isProtected(node)) {
      const disclosure = node.disclose(viewer, rules);
      // The value of a shared detail may itself hold details of other people: walk it too.
      return disclosure.shared ? redactNode(disclosure.value, viewer, rules, ancestors, path) : null;
    }
    if (node instanceof Date) return new Date(node.getTime());
    if (Array.isArray(node)) {
      const copy: unknown[] = [];
      for (let index = 0; index < node.length; index++) {
        path.push(index);
        copy.push(redactNode(node[index], viewer, rules, ancestors, path));
        path.pop();
      }
      return copy;
    }
    const prototype: unknown = Object.getPrototypeOf(node);
    if (prototype !== Object.prototype && prototype !== null) {
      // A Map, a Buffer or a class instance could hold a protected value where this walk cannot see it.
      const name = (node as { constructor?: { name?: unknown } }).constructor?.name;
      throw new RedactionError(
        `redactFor: ${typeof name === 'string' && name ? `a ${name}` : 'an object'} at ${where(path)} ` +
          'is not plain data; convert it to plain objects and arrays first.',
      );
    }
    // fromEntries defines own properties, so a "__proto__" key stays a key and never becomes a prototype.
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        path.push(key);
        const copy = redactNode(value, viewer, rules, ancestors, path);
        path.pop();
        return [key, copy];
      }),
    );
  } finally {
    ancestors.delete(node);
  }
}

/**
 * A function that copies a JSON-like tree (plain objects, arrays, primitives, Dates, protected values at
 * any depth, inside arrays and inside other protected values) for `viewer`: each protected value becomes
 * its value where `mayDisclose` allows, and `null` where it does not (callers show "Not shared").
 * The input is not changed; the copy holds no protected value. A cycle, a function, or an object that is
 * not plain data (a Map, a class instance) throws a RedactionError rather than being passed through.
 */
export function redactFor(viewer: Viewer, rules: DisclosureRules): <T>(tree: T) => Redacted<T> {
  return <T>(tree: T) => redactNode(tree, viewer, rules, new Set(), []) as Redacted<T>;
}

/** How a withheld detail reads in mail and documents. */
export const NOT_SHARED_TEXT = '[not shared]';

/** A piece of text for mail or a document: plain text, or a protected detail. */
export type TextPart = string | number | Protected<string>;

function renderPart(part: unknown, viewer: Viewer, rules: DisclosureRules): string {
  if (typeof part === 'string') return part;
  if (typeof part === 'number') return String(part);
  if (isProtected(part)) {
    const disclosure = part.disclose(viewer, rules);
    return disclosure.shared ? renderPart(disclosure.value, viewer, rules) : NOT_SHARED_TEXT;
  }
  // An object would read as "[object Object]" or worse: refuse rather than guess.
  throw new RedactionError(`redactText: a ${part === null ? 'null' : typeof part} part is not text.`);
}

/** Joins `parts` into text for `viewer`; a withheld detail reads "[not shared]". */
export function redactText(viewer: Viewer, rules: DisclosureRules, parts: readonly TextPart[]): string {
  return parts.map((part) => renderPart(part, viewer, rules)).join('');
}

/**
 * `redactText` as a template tag, for mail and documents written as templates:
 * ``textFor(viewer, rules)`Your contact number on file: ${phone}.` ``
 */
export function textFor(
  viewer: Viewer,
  rules: DisclosureRules,
): (strings: TemplateStringsArray, ...values: TextPart[]) => string {
  return (strings, ...values) => {
    const parts: TextPart[] = [];
    strings.forEach((text, index) => {
      parts.push(text);
      if (index < values.length) parts.push(values[index]!);
    });
    return redactText(viewer, rules, parts);
  };
}

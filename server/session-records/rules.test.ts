import { describe, expect, it } from 'vitest';
import {
  incidentMoment,
  itemStepRefusal,
  notesWithHoldBack,
  observationRefusal,
  pastMoment,
  type ItemFacts,
  type SessionFacts,
} from './rules.js';

const now = new Date('2026-12-05T11:00:00Z');
const supervised: SessionFacts = {
  status: 'booked',
  serviceType: 'supervised',
  startsAt: new Date('2026-12-05T10:00:00Z'),
  supervisorUserId: 'grace',
};
const grace = { userId: 'grace', managesCases: false };

describe('who writes an observation record, and when', () => {
  it('the named supervisor, once the session has started', () => {
    expect(observationRefusal(supervised, grace, now)).toBeNull();
  });

  it('a coordinator for any supervised session', () => {
    expect(observationRefusal(supervised, { userId: 'priya', managesCases: true }, now)).toBeNull();
  });

  it('not another supervisor (403, plainly)', () => {
    const refusal = observationRefusal(supervised, { userId: 'other', managesCases: false }, now);
    expect(refusal?.statusCode).toBe(403);
    expect(refusal?.message).toBe(
      "Only this session's supervisor or a coordinator can write its observation records.",
    );
  });

  it('not for supported contact or a handover (422, naming the service)', () => {
    for (const [serviceType, words] of [
      ['supported', 'supported contact'],
      ['handover', 'a handover'],
    ] as const) {
      const refusal = observationRefusal({ ...supervised, serviceType }, grace, now);
      expect(refusal?.statusCode).toBe(422);
      expect(refusal?.message).toBe(
        `Observation records are kept for supervised contact only, and this session is ${words}.`,
      );
    }
  });

  it('not before the session starts, nor for a cancelled one', () => {
    expect(observationRefusal(supervised, grace, new Date('2026-12-05T09:59:00Z'))?.statusCode).toBe(422);
    expect(observationRefusal({ ...supervised, status: 'cancelled' }, grace, now)?.statusCode).toBe(409);
  });
});

describe('when an incident happened', () => {
  it('now, when not given, on the day of the session', () => {
    expect(incidentMoment(undefined, '2026-12-05', 'Europe/London', now)).toEqual(now);
  });

  it('never in the future, and on the day of the session on the centre’s clock', () => {
    expect(() => incidentMoment('2026-12-05T11:30:00Z', '2026-12-05', 'Europe/London', now)).toThrowError(
      expect.objectContaining({
        details: [{ field: 'occurredAt', message: 'The time cannot be in the future' }],
      }),
    );
    expect(() => incidentMoment('2026-12-04T23:30:00Z', '2026-12-05', 'Europe/London', now)).toThrowError(
      expect.objectContaining({
        details: [
          { field: 'occurredAt', message: 'Give a time on the day of the session (5 December 2026)' },
        ],
      }),
    );
    // 23:30 UTC on 4 June is 00:30 on 5 June in London (summer time).
    expect(
      incidentMoment('2027-06-04T23:30:00Z', '2027-06-05', 'Europe/London', new Date('2027-06-05T12:00:00Z')),
    ).toEqual(new Date('2027-06-04T23:30:00Z'));
  });

  it('a moment done is never in the future, nor before the check', () => {
    expect(() => pastMoment('2026-12-05T12:00:00Z', 'at', now)).toThrow();
    expect(() =>
      pastMoment('2026-12-05T09:00:00Z', 'at', now, new Date('2026-12-05T10:00:00Z')),
    ).toThrowError(
      expect.objectContaining({
        details: [{ field: 'at', message: 'The time cannot be before the item was checked' }],
      }),
    );
    expect(pastMoment(undefined, 'at', now)).toEqual(now);
  });
});

describe('the steps of an indirect contact item', () => {
  const received: ItemFacts = { checkedAt: null, outcome: null, passedOnAt: null };
  const checked: ItemFacts = { ...received, checkedAt: new Date('2026-12-05T10:00:00Z') };

  it('checked first, then one outcome', () => {
    expect(itemStepRefusal(received, 'check', 'Europe/London')).toBeNull();
    expect(itemStepRefusal(checked, 'pass_on', 'Europe/London')).toBeNull();
    expect(itemStepRefusal(checked, 'hold_back', 'Europe/London')).toBeNull();
  });

  it('refuses an outcome before the check, with a sentence', () => {
    expect(itemStepRefusal(received, 'pass_on', 'Europe/London')).toMatchObject({
      statusCode: 422,
      message: 'Check the item before passing it on.',
    });
    expect(itemStepRefusal(received, 'hold_back', 'Europe/London')).toMatchObject({
      statusCode: 422,
      message: 'Check the item before recording that it is held back.',
    });
  });

  it('refuses a second check and a second outcome', () => {
    expect(itemStepRefusal(checked, 'check', 'Europe/London')).toMatchObject({
      statusCode: 409,
      message: 'This item was already checked on Sat 5 December 2026, 10:00.',
    });
    const passed: ItemFacts = {
      ...checked,
      outcome: 'passed_on',
      passedOnAt: new Date('2026-12-12T10:30:00Z'),
    };
    for (const step of ['check', 'pass_on', 'hold_back'] as const) {
      expect(itemStepRefusal(passed, step, 'Europe/London')).toMatchObject({
        statusCode: 409,
        message: 'This item has already been passed on (Sat 12 December 2026, 10:30).',
      });
      expect(itemStepRefusal({ ...checked, outcome: 'held_back' }, step, 'Europe/London')?.statusCode).toBe(
        409,
      );
    }
  });

  it('keeps the reason for holding back after the check notes', () => {
    expect(notesWithHoldBack('Opened together.', 'It names the school.')).toBe(
      'Opened together.\n\nHeld back: It names the school.',
    );
  });
});

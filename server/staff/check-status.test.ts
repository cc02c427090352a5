import { describe, expect, it } from 'vitest';
import { checkStatus, sayDate, WARNING_DAYS, type StaffCheckDates } from './check-status.js';

const current: StaffCheckDates = {
  dbsNumber: '001234567890',
  dbsCheckedOn: '2024-03-03',
  dbsRecheckBy: '2027-03-03',
  trainingCompletedOn: '2026-06-01',
  trainingExpiresOn: '2027-06-01',
};

describe('checkStatus', () => {
  it('is current with both checks in date and nothing due soon', () => {
    expect(checkStatus(current, '2026-11-25')).toEqual({ current: true, problems: [], warnings: [] });
  });

  it('names what is missing when nothing is recorded', () => {
    for (const nothing of [null, undefined]) {
      expect(checkStatus(nothing, '2026-11-25')).toEqual({
        current: false,
        problems: ['No criminal record check recorded', 'No training recorded'],
        warnings: [],
      });
    }
  });

  describe('the criminal-record check’s renewal date is the last day it counts', () => {
    it('the day before the renewal date: current, with a warning', () => {
      expect(checkStatus(current, '2027-03-02')).toEqual({
        current: true,
        problems: [],
        warnings: ['Criminal record check due for renewal by 3 March 2027'],
      });
    });

    it('due today still counts as current, with a warning', () => {
      expect(checkStatus(current, '2027-03-03')).toEqual({
        current: true,
        problems: [],
        warnings: ['Criminal record check due for renewal by 3 March 2027'],
      });
    });

    it('the day after: not current, and it says when it was due', () => {
      expect(checkStatus(current, '2027-03-04')).toEqual({
        current: false,
        problems: ['Criminal record check needs renewing (due 3 March 2027)'],
        warnings: [],
      });
    });
  });

  describe('the training’s expiry date is the last day it counts', () => {
    it('on the expiry date: current, with a warning', () => {
      const status = checkStatus({ ...current, dbsRecheckBy: '2029-01-01' }, '2027-06-01');
      expect(status).toEqual({ current: true, problems: [], warnings: ['Training expires on 1 June 2027'] });
    });

    it('the day after: expired', () => {
      const status = checkStatus(current, '2027-06-02');
      expect(status.current).toBe(false);
      expect(status.problems).toEqual([
        'Criminal record check needs renewing (due 3 March 2027)',
        'Training expired on 1 June 2027',
      ]);
    });
  });

  describe(`renewals within ${WARNING_DAYS} days are warnings`, () => {
    it(`${WARNING_DAYS} days ahead warns; ${WARNING_DAYS + 1} does not`, () => {
      // 1 June 2027 is 30 days after 2 May and 31 after 1 May.
      expect(checkStatus(current, '2027-05-02').warnings).toEqual(['Training expires on 1 June 2027']);
      const notYet = { ...current, dbsRecheckBy: '2029-01-01' };
      expect(checkStatus(notYet, '2027-05-01')).toEqual({ current: true, problems: [], warnings: [] });
      expect(checkStatus(notYet, '2027-05-02').warnings).toEqual(['Training expires on 1 June 2027']);
    });

    it('warns about both when both fall due within the month', () => {
      const both = { ...current, trainingExpiresOn: '2027-03-10' };
      expect(checkStatus(both, '2027-02-20')).toEqual({
        current: true,
        problems: [],
        warnings: [
          'Criminal record check due for renewal by 3 March 2027',
          'Training expires on 10 March 2027',
        ],
      });
    });
  });

  it('a check or training dated after the day does not count yet on that day', () => {
    const later = { ...current, dbsCheckedOn: '2026-12-01', trainingCompletedOn: '2026-12-02' };
    expect(checkStatus(later, '2026-11-30')).toEqual({
      current: false,
      problems: [
        'Criminal record check does not count until 1 December 2026',
        'Training does not count until 2 December 2026',
      ],
      warnings: [],
    });
    expect(checkStatus(later, '2026-12-02').current).toBe(true);
  });

  it('half-recorded checks are not current', () => {
    expect(
      checkStatus({ ...current, dbsRecheckBy: null, trainingExpiresOn: null }, '2026-11-25').problems,
    ).toEqual(['Criminal record check has no renewal date recorded', 'Training has no expiry date recorded']);
    expect(checkStatus({ ...current, dbsNumber: null }, '2026-11-25').problems).toEqual([
      'Criminal record check has no certificate number',
    ]);
  });
});

describe('sayDate', () => {
  it('writes a date as people say it', () => {
    expect(sayDate('2027-03-03')).toBe('3 March 2027');
    expect(sayDate('2026-12-24')).toBe('24 December 2026');
  });
});

/**
 * The coordinator's risk assessment: each factor with its evidence, a level, a decision, and the
 * conditions that follow (staggered times, separate entrances and waiting rooms, who must not meet, who
 * may attend). Versioned: a new assessment supersedes the one in force, which stays readable.
 */
import type { z } from 'zod';
import {
  ASSESSMENT_FACTORS,
  riskConditions,
  type AssessmentFactor,
  type assessmentBody,
  type RiskDecision,
  type RiskLevel,
} from '../../shared/api/risk.js';
import type { Actor } from '../access/actor.js';
import { displayNamesOf } from '../accounts/directory.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { caseOfCentre, caseOpenForChange, peopleInCase } from '../cases/service.js';
import { databaseErrorOf, type Db, type Executor } from '../platform/database.js';
import { Conflict, RuleRefused } from '../platform/errors.js';
import {
  currentAssessment,
  findAssessment,
  insertAssessment,
  listAssessments,
  supersedeAssessment,
  type AssessmentRow,
} from './repository.js';

type AssessmentInput = z.output<typeof assessmentBody>;
export type RiskConditions = z.output<typeof riskConditions>;

export const SAVED_AT_THE_SAME_MOMENT =
  'Someone else saved an assessment at the same moment. Reload and try again.';
export const HIGH_RISK_NOT_SUPPORTED =
  'A high risk cannot be met with supported contact: choose supervised, handover only, indirect only or decline.';

/** The assessment in force, for the check that a case is ready to book; null before the first. */
export async function currentRiskAssessment(
  db: Executor,
  caseId: string,
): Promise<{ version: number; level: RiskLevel; decision: RiskDecision; conditions: RiskConditions } | null> {
  const row = await currentAssessment(db, caseId);
  if (!row) return null;
  return {
    version: row.version,
    level: row.level,
    decision: row.decision,
    conditions: riskConditions.parse(row.conditions),
  };
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

function assessmentView(row: AssessmentRow, staff: Map<string, string>) {
  const stored = new Map(row.factors.map((f) => [f.factor, f]));
  const factors = Object.fromEntries(
    ASSESSMENT_FACTORS.map((factor) => {
      const answer = stored.get(factor);
      return [factor, { present: answer?.present ?? false, evidence: answer?.evidence ?? null }];
    }),
  ) as Record<AssessmentFactor, { present: boolean; evidence: string | null }>;
  return {
    id: row.id,
    caseId: row.caseId,
    version: row.version,
    current: row.supersededAt === null,
    factors,
    level: row.level,
    decision: row.decision,
    conditions: riskConditions.parse(row.conditions),
    assessedAt: row.assessedAt.toISOString(),
    assessedBy: row.assessedByUserId ? (staff.get(row.assessedByUserId) ?? null) : null,
    supersededAt: iso(row.supersededAt),
  };
}

/** Assessments as the screens show them, with who assessed each. */
async function assessmentViews(db: Executor, rows: AssessmentRow[]) {
  const staff = await displayNamesOf(
    db,
    rows.map((row) => row.assessedByUserId),
  );
  return rows.map((row) => assessmentView(row, staff));
}

export async function listAssessmentsOf(db: Db, actor: Actor, centreId: string, caseId: string) {
  await caseOfCentre(db, centreId, caseId);
  const rows = await listAssessments(db, caseId);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'risk.read',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
    detail: { count: rows.length },
  });
  return { items: await assessmentViews(db, rows) };
}

/** Every person id the conditions name, in the order written. */
function peopleNamedIn(conditions: RiskConditions): string[] {
  return [...conditions.mustNotMeet.flat(), ...conditions.mayAttend];
}

/**
 * Saves a new version. `replacesVersion` is what the coordinator was looking at: if another version was
 * saved since, or two saves race (the unique (case, version) constraint refuses the second on
 * PostgreSQL), the save is refused and nothing changes.
 */
export async function saveAssessment(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  input: AssessmentInput,
) {
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      await caseOpenForChange(tx, centreId, caseId);
      const people = new Set((await peopleInCase(tx, caseId)).map((person) => person.id));
      const stranger = peopleNamedIn(input.conditions).find((personId) => !people.has(personId));
      if (stranger) {
        throw new RuleRefused(
          `${stranger} is not one of the people of this case: the conditions may name only them.`,
          'not_in_case',
        );
      }
      if (input.level === 'high' && input.decision === 'supported') {
        throw new RuleRefused(HIGH_RISK_NOT_SUPPORTED, 'high_risk_supported');
      }
      const current = await currentAssessment(tx, caseId);
      if ((current?.version ?? null) !== input.replacesVersion) {
        throw new Conflict(SAVED_AT_THE_SAME_MOMENT, 'assessment_changed');
      }
      const now = new Date();
      if (current && !(await supersedeAssessment(tx, current.id, now))) {
        throw new Conflict(SAVED_AT_THE_SAME_MOMENT, 'assessment_changed');
      }
      const version = (current?.version ?? 0) + 1;
      const saved = await insertAssessment(tx, {
        caseId,
        centreId,
        version,
        factors: ASSESSMENT_FACTORS.map((factor) => ({
          factor,
          present: input.factors[factor].present,
          evidence: input.factors[factor].evidence ?? null,
        })),
        level: input.level,
        decision: input.decision,
        conditions: input.conditions,
        assessedAt: now,
        assessedByUserId: actor.userId,
      });
      // The level and decision stay out of the audit detail: the trail is read by people who may not
      // read case files.
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'risk.assessed',
        outcome: 'success',
        resourceType: 'risk_assessment',
        resourceId: saved,
        centreId,
        detail: { caseId, version },
      });
      return saved;
    });
  } catch (error) {
    const { code, constraint } = databaseErrorOf(error);
    if (code === '23505' && constraint === 'risk_assessments_version') {
      throw new Conflict(SAVED_AT_THE_SAME_MOMENT, 'assessment_changed');
    }
    throw error;
  }
  return (await assessmentViews(db, [(await findAssessment(db, id))!]))[0]!;
}

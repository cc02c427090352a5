import { List, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { planView } from '../../../../shared/api/plans.js';
import type { assessmentView } from '../../../../shared/api/risk.js';
import { useIntakeVisits, usePlans, useRiskAssessments } from '../../api/cases.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useReferralTerms } from '../../components/ReferralSections.js';
import { StatusBadge, type Tone } from '../../components/StatusBadge.js';
import { formatDateTime, formatDay } from '../../lib/dates.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { CaseSection } from './FamilySections.js';
import type { Names } from './types.js';

type Assessment = z.infer<typeof assessmentView>;
type Plan = z.infer<typeof planView>;

const VISIT_TONE: Record<'scheduled' | 'done' | 'cancelled', Tone> = {
  scheduled: 'info',
  done: 'good',
  cancelled: 'neutral',
};

const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

export function IntakeSection({ centreId, caseId }: { centreId: string; caseId: string }) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const visits = useIntakeVisits(centreId, caseId);

  return (
    <CaseSection id="case-intake-heading" title={t('case.intake.title')}>
      {visits.isPending ? (
        <Loading />
      ) : visits.isError ? (
        <LoadError error={visits.error} onRetry={() => void visits.refetch()} />
      ) : (
        <>
          {visits.data.items.length === 0 ? (
            <Text>{t('case.intake.none')}</Text>
          ) : (
            <List spacing="xs" listStyleType="none" ml={0} pl={0}>
              {visits.data.items.map((visit) => (
                <List.Item key={visit.id}>
                  <Stack gap={2}>
                    <Text>
                      <StatusBadge tone={VISIT_TONE[visit.status]}>
                        {t(`case.intake.statuses.${visit.status}`)}
                      </StatusBadge>{' '}
                      <strong>{t(`case.intake.kinds.${visit.kind}`, { name: visit.personName })}</strong>
                      {', '}
                      {formatDateTime(visit.scheduledAt, timeZone)}
                    </Text>
                    {visit.place && <Text size="sm">{t('case.intake.place', { place: visit.place })}</Text>}
                    {visit.staffName && (
                      <Text size="sm">{t('case.intake.staff', { name: visit.staffName })}</Text>
                    )}
                  </Stack>
                </List.Item>
              ))}
            </List>
          )}
          <Text>
            {visits.data.progress.adultsToVisit.length > 0
              ? t('case.intake.toVisit', { names: visits.data.progress.adultsToVisit.join(', ') })
              : t('case.intake.allVisited')}{' '}
            {visits.data.progress.childrenIntroduced
              ? t('case.intake.introduced')
              : t('case.intake.notIntroduced')}
          </Text>
        </>
      )}
    </CaseSection>
  );
}

export function RiskSection({ centreId, caseId, names }: { centreId: string; caseId: string; names: Names }) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const assessments = useRiskAssessments(centreId, caseId);
  const current = assessments.data?.items.find((item) => item.current);

  return (
    <CaseSection id="case-risk-heading" title={t('case.risk.title')}>
      {assessments.isPending ? (
        <Loading />
      ) : assessments.isError ? (
        <LoadError error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : !current ? (
        <Text>{t('case.risk.none')}</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">
            {current.assessedBy
              ? t('case.risk.version', {
                  version: current.version,
                  when: formatDateTime(current.assessedAt, timeZone),
                  name: current.assessedBy,
                })
              : t('case.risk.versionNoName', {
                  version: current.version,
                  when: formatDateTime(current.assessedAt, timeZone),
                })}
          </Text>
          <dl className="case-details">
            <div>
              <dt>{t('case.risk.level')}</dt>
              <dd>{t(`case.risk.levels.${current.level}`)}</dd>
            </div>
            <div>
              <dt>{t('case.risk.decision')}</dt>
              <dd>{t(`case.risk.decisions.${current.decision}`)}</dd>
            </div>
            <div>
              <dt>{t('case.risk.conditions')}</dt>
              <dd>
                <Conditions assessment={current} names={names} />
              </dd>
            </div>
          </dl>
        </Stack>
      )}
    </CaseSection>
  );
}

function Conditions({ assessment, names }: { assessment: Assessment; names: Names }) {
  const { t } = useTranslation();
  const name = (id: string) => names.get(id) ?? t('common.unknown');
  const { conditions } = assessment;
  const lines: string[] = [];
  if (conditions.staggerMinutes > 0)
    lines.push(t('case.risk.stagger', { minutes: conditions.staggerMinutes }));
  if (conditions.separateEntrances) lines.push(t('case.risk.separateEntrances'));
  if (conditions.separateWaitingRooms) lines.push(t('case.risk.separateWaitingRooms'));
  for (const [first, second] of conditions.mustNotMeet)
    lines.push(t('case.risk.mustNotMeet', { first: name(first), second: name(second) }));
  if (conditions.mayAttend.length > 0)
    lines.push(t('case.risk.mayAttend', { names: conditions.mayAttend.map(name).join(', ') }));

  if (lines.length === 0) return <Text>{t('case.risk.noConditions')}</Text>;
  return (
    <List spacing={2}>
      {lines.map((line) => (
        <List.Item key={line}>{line}</List.Item>
      ))}
    </List>
  );
}

function frequencyWords(t: TFunction, plan: Plan): string {
  const { recurrence } = plan;
  if (recurrence.frequency === 'dates')
    return t('case.plan.dates', { dates: recurrence.dates.map(formatDay).join(', ') });
  const day = t(`case.plan.weekdays.${WEEKDAYS[recurrence.weekday] ?? '0'}`);
  return recurrence.frequency === 'weekly'
    ? t('case.plan.weekly', { day })
    : t('case.plan.fortnightly', { day });
}

function lengthWords(t: TFunction, minutes: number): string {
  return minutes % 60 === 0
    ? t('case.plan.hours', { count: minutes / 60 })
    : t('case.plan.minutes', { count: minutes });
}

export function PlanSection({ centreId, caseId, names }: { centreId: string; caseId: string; names: Names }) {
  const { t } = useTranslation();
  const terms = useReferralTerms();
  const { timeZone } = useCurrentCentre();
  const plans = usePlans(centreId, caseId);
  const current = plans.data?.items.find((item) => item.current);

  return (
    <CaseSection id="case-plan-heading" title={t('case.plan.title')}>
      {plans.isPending ? (
        <Loading />
      ) : plans.isError ? (
        <LoadError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : !current ? (
        <Text>{t('case.plan.none')}</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">
            {t('case.plan.version', {
              version: current.version,
              when: formatDateTime(current.agreedAt, timeZone),
            })}
          </Text>
          <Text fw={700}>{terms.service(current.serviceType)}</Text>
          <dl className="case-details">
            <div>
              <dt>{t('case.plan.frequency')}</dt>
              <dd>{frequencyWords(t, current)}</dd>
            </div>
            <div>
              <dt>{t('case.plan.startTime')}</dt>
              <dd>{current.recurrence.startTime}</dd>
            </div>
            <div>
              <dt>{t('case.plan.length')}</dt>
              <dd>{lengthWords(t, current.lengthMinutes)}</dd>
            </div>
            <div>
              <dt>{t('case.plan.period')}</dt>
              <dd>
                {current.endsOn
                  ? t('case.plan.fromTo', {
                      start: formatDay(current.startsOn),
                      end: formatDay(current.endsOn),
                    })
                  : t('case.plan.from', { start: formatDay(current.startsOn) })}
              </dd>
            </div>
            <div>
              <dt>{t('case.plan.attendees')}</dt>
              <dd>
                {current.attendeePersonIds.map((id) => names.get(id) ?? t('common.unknown')).join(', ')}
              </dd>
            </div>
          </dl>
        </Stack>
      )}
    </CaseSection>
  );
}

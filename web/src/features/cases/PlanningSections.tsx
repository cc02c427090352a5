import { Button, Group, List, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconCircleCheck, IconClipboardText, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { planView } from '../../../../shared/api/plans.js';
import type { assessmentView } from '../../../../shared/api/risk.js';
import { useCancelVisit, useIntakeVisits, usePlans, useRiskAssessments } from '../../api/cases.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useReferralTerms } from '../../components/ReferralSections.js';
import { StatusBadge, type Tone } from '../../components/StatusBadge.js';
import { formatDateTime, formatDay } from '../../lib/dates.js';
import { notifySuccess } from '../../components/notify.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { mayChangeCase } from './access.js';
import { CaseSection } from './FamilySections.js';
import { CompleteVisitDialog, ScheduleVisitDialog, type Visit } from './IntakeDialogs.js';
import { PlanDialog } from './PlanDialog.js';
import { RiskDialog } from './RiskDialog.js';
import type { CaseDetail, Names } from './types.js';

type Assessment = z.infer<typeof assessmentView>;
type Plan = z.infer<typeof planView>;

const VISIT_TONE: Record<'scheduled' | 'done' | 'cancelled', Tone> = {
  scheduled: 'info',
  done: 'good',
  cancelled: 'neutral',
};

const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

const INTAKE_HEADING = 'case-intake-heading';

export function IntakeSection({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const { centreId, id: caseId } = record;
  const visits = useIntakeVisits(centreId, caseId);
  const cancel = useCancelVisit(centreId, caseId);
  const canWrite = mayChangeCase(session, record);
  const [scheduling, setScheduling] = useState(false);
  const completing = useDialogTarget<Visit>();
  const cancelling = useDialogTarget<Visit>();
  const visitName = (visit: Visit) => t(`case.intake.kinds.${visit.kind}`, { name: visit.personName });
  // The buttons of a visit go once it is done or cancelled: start again from the heading.
  const afterDialog = () => {
    if (!document.activeElement || document.activeElement === document.body)
      document.getElementById(INTAKE_HEADING)?.focus();
  };
  const confirmCancel = () => {
    const visit = cancelling.target;
    if (!visit) return;
    cancel.mutate(visit.id, {
      onSuccess: () => {
        notifySuccess(t('case.intake.cancel.done', { visit: visitName(visit) }));
        cancelling.close();
      },
    });
  };

  return (
    <CaseSection id={INTAKE_HEADING} title={t('case.intake.title')}>
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
                    {visit.outcome && (
                      <Text size="sm">{t('case.intake.outcome', { outcome: visit.outcome })}</Text>
                    )}
                    {canWrite && visit.status === 'scheduled' && (
                      <Group gap="xs">
                        <Button
                          size="sm"
                          variant="default"
                          leftSection={<IconCircleCheck size={18} aria-hidden="true" />}
                          aria-label={t('case.intake.complete.openFor', { visit: visitName(visit) })}
                          onClick={() => completing.open(visit)}
                        >
                          {t('case.intake.complete.open')}
                        </Button>
                        <Button
                          size="sm"
                          variant="default"
                          leftSection={<IconX size={18} aria-hidden="true" />}
                          aria-label={t('case.intake.cancel.openFor', { visit: visitName(visit) })}
                          onClick={() => {
                            cancel.reset();
                            cancelling.open(visit);
                          }}
                        >
                          {t('case.intake.cancel.open')}
                        </Button>
                      </Group>
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
          {canWrite && (
            <Button
              style={{ alignSelf: 'flex-start' }}
              leftSection={<IconCalendarPlus size={18} aria-hidden="true" />}
              onClick={() => setScheduling(true)}
            >
              {t('case.intake.schedule.open')}
            </Button>
          )}
          <ScheduleVisitDialog
            centreId={centreId}
            caseId={caseId}
            people={record.people}
            opened={scheduling}
            onClose={() => setScheduling(false)}
          />
          <CompleteVisitDialog
            centreId={centreId}
            caseId={caseId}
            people={record.people}
            visit={completing.target}
            opened={completing.opened}
            onClose={completing.close}
            onExited={afterDialog}
          />
          <ConfirmDialog
            opened={cancelling.opened}
            title={t('case.intake.cancel.title')}
            message={
              cancelling.target
                ? t('case.intake.cancel.message', {
                    visit: visitName(cancelling.target),
                    when: formatDateTime(cancelling.target.scheduledAt, timeZone),
                  })
                : ''
            }
            confirmLabel={t('case.intake.cancel.confirm')}
            destructive
            pending={cancel.isPending}
            error={cancel.error ? errorMessage(cancel.error) : null}
            onConfirm={confirmCancel}
            onClose={cancelling.close}
            onExited={afterDialog}
          />
        </>
      )}
    </CaseSection>
  );
}

export function RiskSection({ record, names }: { record: CaseDetail; names: Names }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const { centreId, id: caseId } = record;
  const assessments = useRiskAssessments(centreId, caseId);
  const current = assessments.data?.items.find((item) => item.current);
  const [editing, setEditing] = useState(false);
  const action = mayChangeCase(session, record) && assessments.isSuccess && (
    <>
      <Button
        style={{ alignSelf: 'flex-start' }}
        leftSection={<IconClipboardText size={18} aria-hidden="true" />}
        onClick={() => setEditing(true)}
      >
        {current ? t('case.risk.form.openNew') : t('case.risk.form.open')}
      </Button>
      <RiskDialog
        centreId={centreId}
        caseId={caseId}
        people={record.people}
        current={current ?? null}
        opened={editing}
        onClose={() => setEditing(false)}
      />
    </>
  );

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
      {action}
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

/** "15 minutes before the start", "at the end", "10 minutes after the end". */
function offsetWords(t: TFunction, minutes: number, edge: 'start' | 'end'): string {
  if (minutes === 0) return t(`case.plan.offset.at_${edge}`);
  return minutes < 0
    ? t(`case.plan.offset.before_${edge}`, { count: -minutes })
    : t(`case.plan.offset.after_${edge}`, { count: minutes });
}

export function PlanSection({ record, names }: { record: CaseDetail; names: Names }) {
  const { t } = useTranslation();
  const terms = useReferralTerms();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const { centreId, id: caseId } = record;
  const plans = usePlans(centreId, caseId);
  const assessments = useRiskAssessments(centreId, caseId);
  const current = plans.data?.items.find((item) => item.current);
  const [editing, setEditing] = useState(false);
  const action = mayChangeCase(session, record) && plans.isSuccess && assessments.isSuccess && (
    <>
      <Button
        style={{ alignSelf: 'flex-start' }}
        leftSection={<IconCalendarPlus size={18} aria-hidden="true" />}
        onClick={() => setEditing(true)}
      >
        {current ? t('case.plan.form.openNew') : t('case.plan.form.open')}
      </Button>
      <PlanDialog
        centreId={centreId}
        caseId={caseId}
        people={record.people}
        serviceRequested={record.serviceRequested}
        current={current ?? null}
        assessment={assessments.data.items.find((item) => item.current) ?? null}
        opened={editing}
        onClose={() => setEditing(false)}
      />
    </>
  );

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
            {Object.keys(current.timings).length > 0 && (
              <div>
                <dt>{t('case.plan.times')}</dt>
                <dd>
                  <List spacing={2}>
                    {Object.entries(current.timings).map(([personId, timing]) => (
                      <List.Item key={personId}>
                        {t('case.plan.timesOf', {
                          name: names.get(personId) ?? t('common.unknown'),
                          arrive: offsetWords(t, timing.arriveMinutes, 'start'),
                          leave: offsetWords(t, timing.leaveMinutes, 'end'),
                        })}
                      </List.Item>
                    ))}
                  </List>
                </dd>
              </div>
            )}
            {current.handoverArrangements && (
              <div>
                <dt>{t('case.plan.handover')}</dt>
                <dd>{current.handoverArrangements}</dd>
              </div>
            )}
          </dl>
        </Stack>
      )}
      {action}
    </CaseSection>
  );
}

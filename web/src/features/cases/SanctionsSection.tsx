/**
 * On the case page, for those who may sanction (coordinators): the family's suspensions and revocations,
 * making one (the dialog names what will happen: the sessions cancelled, who is told) and lifting one.
 * What was cancelled and who was told (and who has no email to be told at) stays on the page afterwards.
 */
import { Button, Group, List, Modal, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBan, IconCalendarPause, IconCalendarPlus, IconLockOpen } from '@tabler/icons-react';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  liftBody,
  sanctionBody,
  type SanctionKind,
  type SanctionView,
  type SessionToBookAgain,
  type ToldView,
} from '../../../../shared/api/sanctions.js';
import { useBookAgain } from '../../api/bookings.js';
import { useLiftSanction, useMakeSanction, useSanctions } from '../../api/sanctions.js';
import { useCaseIncidents } from '../../api/sessionRecords.js';
import { errorMessage } from '../../api/client.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { StatusBadge, type Tone } from '../../components/StatusBadge.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { formatDateTime, isCalendarDay } from '../../lib/dates.js';
import { schemaErrors, translateMessage } from '../../lib/validation.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { CaseSection } from './FamilySections.js';
import { fullName, type CaseDetail } from './types.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const HEADING = 'case-sanctions-heading';

const STATUS_TONE: Record<SanctionView['status'], Tone> = {
  scheduled: 'info',
  in_force: 'bad',
  ended: 'neutral',
  lifted: 'neutral',
};

/** "Saturday 5 December 2026". */
const dayWords = (date: string) => dayjs.utc(date).format('dddd D MMMM YYYY');

const list = (names: string[], and: string) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;

const focusHeading = () => {
  if (!document.activeElement || document.activeElement === document.body)
    document.getElementById(HEADING)?.focus();
};

/** The case's incidents as the sanctions name them: when, what kind, and whom it concerned. */
function useIncidentLabels(record: CaseDetail) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const incidents = useCaseIncidents(record.centreId, record.id);
  return (incidents.data?.items ?? []).map((incident) => {
    const when = formatDateTime(incident.occurredAt, timeZone);
    const kind = t(`sessionRecords.incidents.kinds.${incident.kind}`);
    return {
      id: incident.id,
      label: incident.personName
        ? t('sanctions.form.incidentOptionPerson', { when, kind, person: incident.personName })
        : t('sanctions.form.incidentOption', { when, kind }),
    };
  });
}

export function SanctionsSection({ record }: { record: CaseDetail }) {
  const session = useSignedInSession();
  if (!canAtCentre(session, record.centreId, 'sanctions:manage')) return null;
  return <Sanctions record={record} />;
}

function Sanctions({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const sanctions = useSanctions(record.centreId, record.id);
  const [making, setMaking] = useState<{ kind: SanctionKind; opened: boolean }>({
    kind: 'suspension',
    opened: false,
  });
  const lifting = useDialogTarget<SanctionView>();
  const incidentLabels = useIncidentLabels(record);
  const [outcome, setOutcome] = useState<string[] | null>(null);
  const [bookAgain, setBookAgain] = useState<SessionToBookAgain[]>([]);
  const open = record.status !== 'closed';
  const and = t('sanctions.and');

  const toldLines = (told: ToldView): string[] => {
    const who = [
      ...told.adults,
      ...(told.professionals > 0
        ? [t('sanctions.outcome.professionals', { count: told.professionals })]
        : []),
    ];
    return [
      who.length > 0
        ? t('sanctions.outcome.told', { who: list(who, and) })
        : t('sanctions.outcome.toldNobody'),
      ...(told.withoutEmail.length > 0
        ? [t('sanctions.outcome.withoutEmail', { names: list(told.withoutEmail, and) })]
        : []),
    ];
  };

  let body;
  if (sanctions.isPending) body = <Loading />;
  else if (sanctions.isError)
    body = <LoadError error={sanctions.error} onRetry={() => void sanctions.refetch()} />;
  else if (sanctions.data.items.length === 0) body = <Text>{t('sanctions.none')}</Text>;
  else
    body = (
      <Stack gap="sm">
        {sanctions.data.items.map((sanction) => (
          <SanctionItem
            key={sanction.id}
            sanction={sanction}
            incident={incidentLabels.find((incident) => incident.id === sanction.incidentId)?.label}
            onLift={open ? () => lifting.open(sanction) : undefined}
          />
        ))}
      </Stack>
    );

  return (
    <CaseSection id={HEADING} title={t('sanctions.title')}>
      <Text>{t('sanctions.intro')}</Text>
      <div role="status">
        {outcome && (
          <Notice tone="success" role="none">
            <Stack gap={4}>
              {outcome.map((line) => (
                <Text key={line}>{line}</Text>
              ))}
            </Stack>
          </Notice>
        )}
      </div>
      {bookAgain.length > 0 && (
        <BookAgainOffer key={bookAgain.map((s) => s.date).join()} record={record} sessions={bookAgain} />
      )}
      {body}
      {open && (
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconCalendarPause size={18} aria-hidden="true" />}
            onClick={() => setMaking({ kind: 'suspension', opened: true })}
          >
            {t('sanctions.suspend')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconBan size={18} aria-hidden="true" />}
            onClick={() => setMaking({ kind: 'revocation', opened: true })}
          >
            {t('sanctions.revoke')}
          </Button>
        </Group>
      )}
      <Modal
        opened={making.opened}
        onClose={() => setMaking((current) => ({ ...current, opened: false }))}
        onExitTransitionEnd={focusHeading}
        title={t(
          making.kind === 'suspension' ? 'sanctions.form.titleSuspension' : 'sanctions.form.titleRevocation',
          { family: record.familyName },
        )}
      >
        {making.opened && (
          <SanctionForm
            record={record}
            kind={making.kind}
            onClose={() => setMaking((current) => ({ ...current, opened: false }))}
            onDone={(lines) => {
              setOutcome(lines);
              setBookAgain([]);
            }}
            toldLines={toldLines}
          />
        )}
      </Modal>
      <LiftDialog
        record={record}
        sanction={lifting.target}
        opened={lifting.opened}
        onClose={lifting.close}
        onDone={(lines, sessions) => {
          setOutcome(lines);
          setBookAgain(sessions);
        }}
        toldLines={toldLines}
      />
    </CaseSection>
  );
}

function SanctionItem({
  sanction,
  incident,
  onLift,
}: {
  sanction: SanctionView;
  /** The incident that led to it, in words, when one did. */
  incident?: string;
  onLift?: () => void;
}) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const from = dayWords(sanction.startsOn);
  const to = sanction.endsOn ? dayWords(sanction.endsOn) : '';
  const liftable = onLift && (sanction.status === 'scheduled' || sanction.status === 'in_force');
  return (
    <Paper withBorder p="md">
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <StatusBadge tone={STATUS_TONE[sanction.status]}>
            {t(`sanctions.status.${sanction.status}`)}
          </StatusBadge>
          <Text fw={700}>
            {sanction.kind === 'suspension'
              ? t('sanctions.item.suspension', { from, to })
              : t('sanctions.item.revocation', { from })}
          </Text>
        </Group>
        <Text className="message-body">{t('sanctions.item.reason', { reason: sanction.reason })}</Text>
        {sanction.person && <Text>{t('sanctions.item.person', { name: sanction.person.name })}</Text>}
        {incident && <Text>{t('sanctions.item.incident', { incident })}</Text>}
        <Text size="sm">
          {sanction.createdBy
            ? t('sanctions.item.made', {
                name: sanction.createdBy,
                when: formatDateTime(sanction.createdAt, timeZone),
              })
            : t('sanctions.item.madeUnknown', { when: formatDateTime(sanction.createdAt, timeZone) })}
        </Text>
        {sanction.liftedAt && (
          <Text size="sm" className="message-body">
            {t('sanctions.item.lifted', {
              name: sanction.liftedBy ?? '',
              when: formatDateTime(sanction.liftedAt, timeZone),
              reason: sanction.liftReason ?? '',
            })}
          </Text>
        )}
        {liftable && (
          <Button
            style={{ alignSelf: 'flex-start' }}
            variant="default"
            leftSection={<IconLockOpen size={18} aria-hidden="true" />}
            aria-label={
              sanction.kind === 'suspension'
                ? t('sanctions.lift.labelSuspension', { from, to })
                : t('sanctions.lift.labelRevocation', { from })
            }
            onClick={onLift}
          >
            {t(sanction.kind === 'suspension' ? 'sanctions.lift.suspension' : 'sanctions.lift.revocation')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

interface SanctionValues {
  startsOn: string;
  endsOn: string;
  personId: string;
  incidentId: string;
  reason: string;
}

const SANCTION_FIELDS = [
  { name: 'startsOn', id: 'sanction-starts-on' },
  { name: 'endsOn', id: 'sanction-ends-on' },
  { name: 'personId', id: 'sanction-person' },
  { name: 'incidentId', id: 'sanction-incident' },
  { name: 'reason', id: 'sanction-reason' },
];

/** A day the form can send: a calendar day, or what was typed so the schema can say what is wrong. */
const day = (value: string): string | undefined => {
  const typed = value.trim();
  return typed === '' ? undefined : isCalendarDay(value) ? value : typed;
};

function SanctionForm({
  record,
  kind,
  onClose,
  onDone,
  toldLines,
}: {
  record: CaseDetail;
  kind: SanctionKind;
  onClose: () => void;
  onDone: (lines: string[]) => void;
  toldLines: (told: ToldView) => string[];
}) {
  const { t } = useTranslation();
  const { timeZone } = useCurrentCentre();
  const make = useMakeSanction(record.centreId, record.id);
  const adults = record.people.filter((person) => person.role !== 'child');
  const incidents = useIncidentLabels(record);
  const toBody = (values: SanctionValues) => ({
    kind,
    startsOn: day(values.startsOn),
    endsOn: kind === 'suspension' ? (day(values.endsOn) ?? null) : null,
    reason: values.reason,
    personId: values.personId || null,
    incidentId: values.incidentId || null,
  });
  const form = useForm<SanctionValues>({
    initialValues: {
      startsOn: dayjs().tz(timeZone).format('YYYY-MM-DD'),
      endsOn: '',
      personId: '',
      incidentId: '',
      reason: '',
    },
    validate: (values) => schemaErrors(sanctionBody, toBody(values)),
  });
  const feedback = useFormFeedback(form);
  const submit = form.onSubmit((values) => {
    feedback.clear();
    make.mutate(sanctionBody.parse(toBody(values)), {
      onSuccess: (outcome) => {
        const from = dayWords(outcome.sanction.startsOn);
        const to = outcome.sanction.endsOn ? dayWords(outcome.sanction.endsOn) : '';
        const count = outcome.cancelledSessions.length;
        onDone([
          kind === 'suspension'
            ? t('sanctions.outcome.suspension', { from, to })
            : t('sanctions.outcome.revocation', { from }),
          count > 0 ? t('sanctions.outcome.cancelled', { count }) : t('sanctions.outcome.cancelledNone'),
          ...toldLines(outcome.told),
        ]);
        onClose();
      },
      onError: feedback.showErrorBeside(SANCTION_FIELDS.map((field) => field.name)),
    });
  }, feedback.onInvalid);

  const names = adults.map(fullName).join(', ');
  const from = isCalendarDay(form.values.startsOn) ? dayWords(form.values.startsOn) : null;
  const to = isCalendarDay(form.values.endsOn) ? dayWords(form.values.endsOn) : null;
  const consequence =
    kind === 'revocation' && from
      ? t('sanctions.form.consequenceRevocation', { from, adults: names })
      : kind === 'suspension' && from && to
        ? t('sanctions.form.consequenceSuspension', { from, to, adults: names })
        : t('sanctions.form.consequenceDates', { adults: names });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={SANCTION_FIELDS}
          attempt={feedback.attempt}
        />
        <DayInput
          id="sanction-starts-on"
          label={t('sanctions.form.startsOn')}
          {...form.getInputProps('startsOn')}
        />
        {kind === 'suspension' && (
          <DayInput
            id="sanction-ends-on"
            label={t('sanctions.form.endsOn')}
            {...form.getInputProps('endsOn')}
          />
        )}
        <NativeSelect
          id="sanction-person"
          size="md"
          label={t('sanctions.form.person')}
          data={[
            { value: '', label: t('sanctions.form.nobody') },
            ...adults.map((adult) => ({ value: adult.id, label: fullName(adult) })),
          ]}
          {...form.getInputProps('personId')}
        />
        <NativeSelect
          id="sanction-incident"
          size="md"
          label={t('sanctions.form.incident')}
          description={incidents.length > 0 ? t('sanctions.form.incidentHint') : undefined}
          data={[
            { value: '', label: t('sanctions.form.noIncident') },
            ...incidents.map((incident) => ({ value: incident.id, label: incident.label })),
          ]}
          {...form.getInputProps('incidentId')}
        />
        <Textarea
          id="sanction-reason"
          size="md"
          label={t('sanctions.form.reason')}
          description={t('sanctions.form.reasonHint')}
          minRows={3}
          maxLength={2000}
          {...form.getInputProps('reason')}
        />
        <Text fw={600}>{consequence}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={make.isPending}>
            {kind === 'suspension'
              ? t('sanctions.form.submitSuspension')
              : t('sanctions.form.submitRevocation')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LiftDialog({
  record,
  sanction,
  opened,
  onClose,
  onDone,
  toldLines,
}: {
  record: CaseDetail;
  sanction: SanctionView | null;
  opened: boolean;
  onClose: () => void;
  onDone: (lines: string[], toBookAgain: SessionToBookAgain[]) => void;
  toldLines: (told: ToldView) => string[];
}) {
  const { t } = useTranslation();
  const lift = useLiftSanction(record.centreId, record.id);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const from = sanction ? dayWords(sanction.startsOn) : '';
  const to = sanction?.endsOn ? dayWords(sanction.endsOn) : '';
  const confirm = () => {
    if (!sanction) return;
    const checked = liftBody.safeParse({ reason });
    if (!checked.success) {
      setProblem(translateMessage(checked.error.issues[0]!.message));
      document.getElementById('lift-reason')?.focus();
      return;
    }
    lift.mutate(
      { sanctionId: sanction.id, ...checked.data },
      {
        onSuccess: (outcome) => {
          onDone([t('sanctions.lift.done'), ...toldLines(outcome.told)], outcome.toBookAgain);
          setReason('');
          onClose();
        },
      },
    );
  };
  return (
    <ConfirmDialog
      opened={opened}
      title={t('sanctions.lift.title')}
      message={
        sanction?.kind === 'revocation'
          ? t('sanctions.lift.messageRevocation', { family: record.familyName, from })
          : t('sanctions.lift.messageSuspension', { family: record.familyName, from, to })
      }
      confirmLabel={t('sanctions.lift.confirm')}
      pending={lift.isPending}
      error={lift.error ? errorMessage(lift.error) : null}
      onConfirm={confirm}
      onClose={() => {
        onClose();
        setReason('');
        setProblem(null);
        lift.reset();
      }}
      onExited={focusHeading}
    >
      <Textarea
        id="lift-reason"
        size="md"
        label={t('sanctions.lift.reason')}
        description={t('sanctions.lift.reasonHint')}
        minRows={2}
        maxLength={500}
        value={reason}
        data-autofocus
        onChange={(event) => {
          setReason(event.currentTarget.value);
          setProblem(null);
        }}
        error={problem}
      />
    </ConfirmDialog>
  );
}

/**
 * After a lifting: the sessions the decision had cancelled that are still to come, offered to book again
 * as they were (room, time, supervisor). Each is booked with every check, and the answer for each shown.
 */
function BookAgainOffer({ record, sessions }: { record: CaseDetail; sessions: SessionToBookAgain[] }) {
  const { t } = useTranslation();
  const again = useBookAgain(record.centreId, record.id);
  const labelOf = (session: SessionToBookAgain) =>
    t('sanctions.again.session', {
      day: dayWords(session.date),
      time: session.startTime,
      room: session.roomName,
    });
  const results = again.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="book-again-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="book-again-heading">
          {t('sanctions.again.title')}
        </Title>
        <Text>{t('sanctions.again.intro', { count: sessions.length })}</Text>
        <List aria-label={t('sanctions.again.label')}>
          {sessions.map((session, index) => {
            const result = results?.[index];
            return (
              <List.Item key={session.date}>
                {result
                  ? result.booked
                    ? t('sanctions.again.booked', { session: labelOf(session) })
                    : t('sanctions.again.refused', {
                        session: labelOf(session),
                        reason: errorMessage(result.error),
                      })
                  : labelOf(session)}
              </List.Item>
            );
          })}
        </List>
        {!results && (
          <Button
            style={{ alignSelf: 'flex-start' }}
            leftSection={<IconCalendarPlus size={18} aria-hidden="true" />}
            loading={again.isPending}
            onClick={() =>
              again.mutate(
                sessions.map((session) => ({
                  date: session.date,
                  startTime: session.startTime,
                  roomId: session.roomId,
                  supervisorUserId: session.supervisorUserId,
                })),
              )
            }
          >
            {t('sanctions.again.book', { count: sessions.length })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

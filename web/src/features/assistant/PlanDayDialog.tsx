/**
 * "Plan a day": choose a day and the families ready to book; the assistant proposes a room, a start time
 * (each person's arrival and departure following the plan) and a supervisor for each, and says in a
 * sentence why any family cannot be placed; the coordinator changes a room, a time or a supervisor if
 * they wish, leaves a family out, and accepts: each session is booked through the booking rules, and each
 * family's result is shown, booked or refused with the reason.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconWand } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  AcceptResult,
  AssistantFamilies,
  AssistantPlan,
  AssistantProposal,
} from '../../../../shared/api/assistant.js';
import { useRooms, useUsers } from '../../api/admin.js';
import { useAcceptDay, useAssistantFamilies, useProposeDay } from '../../api/assistant.js';
import { errorMessage } from '../../api/client.js';
import { DayInput } from '../../components/DayInput.js';
import { ErrorSummary, type SummaryField } from '../../components/ErrorSummary.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Notice } from '../../components/Notice.js';
import { isCalendarDay } from '../../lib/dates.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { isClockTime, longDay, minutesOf, shiftTime } from './times.js';

type Family = AssistantFamilies['items'][number];

/** The button on the timetable, for those who may book, and the dialog it opens. */
export function PlanDayButton({ centreId, day }: { centreId: string; day: string }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [opened, setOpened] = useState(false);
  if (!canAtCentre(session, centreId, 'timetable:manage')) return null;
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconWand size={18} aria-hidden="true" />}
        onClick={() => setOpened(true)}
      >
        {t('assistant.open')}
      </Button>
      <PlanDayDialog centreId={centreId} day={day} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}

export function PlanDayDialog({
  centreId,
  day,
  opened,
  onClose,
}: {
  centreId: string;
  day: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  return (
    <Modal opened={opened} onClose={onClose} title={t('assistant.title')} size="xl" fullScreen={narrow}>
      {opened && <Planner centreId={centreId} day={day} onClose={onClose} />}
    </Modal>
  );
}

type Step =
  | { kind: 'choose' }
  | { kind: 'review'; plan: AssistantPlan }
  | { kind: 'done'; plan: AssistantPlan; result: AcceptResult };

function Planner({ centreId, day, onClose }: { centreId: string; day: string; onClose: () => void }) {
  const [date, setDate] = useState(day);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const families = useAssistantFamilies(centreId, date, { enabled: isCalendarDay(date) });
  const familyOf = (caseId: string) => families.data?.items.find((f) => f.caseId === caseId);

  if (step.kind === 'choose') {
    return (
      <ChooseStep
        centreId={centreId}
        date={date}
        onDate={(next) => {
          setDate(next);
          setChosen(null);
        }}
        families={families}
        chosen={chosen}
        onChosen={setChosen}
        onProposed={(plan) => setStep({ kind: 'review', plan })}
        onCancel={onClose}
      />
    );
  }
  if (step.kind === 'review') {
    return (
      <ReviewStep
        centreId={centreId}
        plan={step.plan}
        familyOf={familyOf}
        onBack={() => setStep({ kind: 'choose' })}
        onDone={(result) => setStep({ kind: 'done', plan: step.plan, result })}
      />
    );
  }
  return (
    <DoneStep
      plan={step.plan}
      result={step.result}
      familyOf={familyOf}
      onAgain={() => {
        setChosen(null);
        setStep({ kind: 'choose' });
      }}
      onClose={onClose}
    />
  );
}

function familyLabel(t: TFunction, reference: string, family?: Family): string {
  return family ? t('assistant.choose.family', { reference, family: family.familyName }) : reference;
}

// Step 1: the day and the families

function ChooseStep({
  centreId,
  date,
  onDate,
  families,
  chosen,
  onChosen,
  onProposed,
  onCancel,
}: {
  centreId: string;
  date: string;
  onDate: (date: string) => void;
  families: ReturnType<typeof useAssistantFamilies>;
  chosen: string[] | null;
  onChosen: (chosen: string[]) => void;
  onProposed: (plan: AssistantPlan) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const propose = useProposeDay(centreId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const items = families.data?.items ?? [];
  // Families whose plan meets that day and who are not booked yet are chosen to start with.
  const picked = chosen ?? items.filter((f) => f.onPattern && !f.booked).map((f) => f.caseId);

  const fields: SummaryField[] = [
    { name: 'date', id: 'assistant-date' },
    { name: 'caseIds', id: 'assistant-families' },
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!isCalendarDay(date)) problems.date = t('assistant.choose.dateMissing');
    if (picked.length === 0) problems.caseIds = t('assistant.choose.familiesMissing');
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    propose.mutate(
      { date, caseIds: picked },
      {
        onSuccess: onProposed,
        onError: (error) => {
          const details = (error as { details?: { field: string; message: string }[] }).details ?? [];
          const byField = Object.fromEntries(
            details.map((d) => [d.field.startsWith('caseIds') ? 'caseIds' : d.field, d.message]),
          );
          if (Object.keys(byField).length > 0) setErrors(byField);
          else setFormError(errorMessage(error));
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('assistant.choose.intro')}</Text>
        <ErrorSummary errors={errors} formError={formError} fields={fields} attempt={attempt} />
        <DayInput
          id="assistant-date"
          label={t('assistant.choose.date')}
          value={date}
          onChange={onDate}
          error={errors.date}
        />
        {!isCalendarDay(date) ? null : families.isPending ? (
          <Loading />
        ) : families.isError ? (
          <LoadError error={families.error} onRetry={() => void families.refetch()} />
        ) : items.length === 0 ? (
          <Notice>{t('assistant.choose.none')}</Notice>
        ) : (
          <Checkbox.Group
            id="assistant-families"
            label={t('assistant.choose.families')}
            description={t('assistant.choose.familiesHint')}
            value={picked}
            onChange={onChosen}
            error={errors.caseIds}
            tabIndex={-1}
          >
            <Group gap="xs" mt="xs">
              <Button size="compact-md" variant="subtle" onClick={() => onChosen(items.map((f) => f.caseId))}>
                {t('assistant.choose.all')}
              </Button>
              <Button size="compact-md" variant="subtle" onClick={() => onChosen([])}>
                {t('assistant.choose.clear')}
              </Button>
            </Group>
            <Stack gap="sm" mt="xs">
              {items.map((family) => (
                <Checkbox
                  key={family.caseId}
                  value={family.caseId}
                  size="md"
                  label={familyLabel(t, family.caseReference, family)}
                  description={[
                    t('assistant.choose.planTime', {
                      service: t(`assistant.services.${family.serviceType}`),
                      start: family.startTime,
                      minutes: family.lengthMinutes,
                    }),
                    family.booked
                      ? t('assistant.choose.booked')
                      : family.onPattern
                        ? t('assistant.choose.onPattern')
                        : t('assistant.choose.offPattern'),
                  ].join('. ')}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('assistant.choose.cancel')}
          </Button>
          <Button type="submit" loading={propose.isPending}>
            {t('assistant.choose.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// Step 2: the proposal, to check and change

interface Edit {
  include: boolean;
  startTime: string;
  roomId: string;
  supervisorUserId: string;
}

const editOf = (p: AssistantProposal): Edit => ({
  include: true,
  startTime: p.startTime,
  roomId: p.room.id,
  supervisorUserId: p.supervisor?.id ?? '',
});

const fieldId = (caseId: string, field: string) => `assistant-${caseId}-${field}`;

/** Rooms that take bookings (supervised contact needs a private one), and who may supervise. */
function useChoices(centreId: string) {
  const { t } = useTranslation();
  const rooms = useRooms(centreId);
  const users = useUsers();
  const roomOptions = (supervised: boolean) =>
    (rooms.data?.items ?? [])
      .filter((room) => room.active && room.venueId && (!supervised || room.usage === 'private'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((room) => ({
        value: room.id,
        label: t(`assistant.review.roomOption.${room.usage}`, { name: room.name, capacity: room.capacity }),
      }));
  const supervisorOptions = (users.data?.items ?? [])
    .filter(
      (user) =>
        user.status === 'active' &&
        user.roles.some(
          (r) => r.centreId === centreId && (r.role === 'supervisor' || r.role === 'coordinator'),
        ),
    )
    .map((user) => ({ value: user.id, label: user.displayName }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { rooms, users, roomOptions, supervisorOptions };
}

function ReviewStep({
  centreId,
  plan,
  familyOf,
  onBack,
  onDone,
}: {
  centreId: string;
  plan: AssistantPlan;
  familyOf: (caseId: string) => Family | undefined;
  onBack: () => void;
  onDone: (result: AcceptResult) => void;
}) {
  const { t } = useTranslation();
  const accept = useAcceptDay(centreId);
  const choices = useChoices(centreId);
  const [edits, setEdits] = useState<Record<string, Edit>>(() =>
    Object.fromEntries(plan.proposals.map((p) => [p.caseId, editOf(p)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const chosen = plan.proposals.filter((p) => edits[p.caseId]?.include);

  // The heading takes focus, so a screen reader starts at the proposal.
  useEffect(() => {
    document.getElementById('assistant-review-heading')?.focus();
  }, []);

  const change = (caseId: string, patch: Partial<Edit>) =>
    setEdits((all) => ({ ...all, [caseId]: { ...all[caseId]!, ...patch } }));

  const fields: SummaryField[] = plan.proposals.flatMap((p) =>
    (['startTime', 'roomId', 'supervisorUserId'] as const).map((field) => ({
      name: `${p.caseId}.${field}`,
      id: fieldId(p.caseId, field),
    })),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (chosen.length === 0) problems.none = t('assistant.review.nothingChosen');
    for (const p of chosen) {
      const edit = edits[p.caseId]!;
      if (!isClockTime(edit.startTime))
        problems[`${p.caseId}.startTime`] = t('assistant.review.startTimeMissing');
      if (!edit.roomId) problems[`${p.caseId}.roomId`] = t('assistant.review.roomMissing');
      if (p.serviceType === 'supervised' && !edit.supervisorUserId)
        problems[`${p.caseId}.supervisorUserId`] = t('assistant.review.supervisorMissing');
    }
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    accept.mutate(
      {
        date: plan.date,
        sessions: chosen.map((p) => {
          const edit = edits[p.caseId]!;
          return {
            caseId: p.caseId,
            startTime: edit.startTime,
            roomId: edit.roomId,
            supervisorUserId: edit.supervisorUserId || null,
          };
        }),
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          setFormError(errorMessage(error));
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={2} size="h3" id="assistant-review-heading" tabIndex={-1}>
          {t('assistant.review.dayHeading', { day: longDay(plan.date) })}
        </Title>
        <Text role="status">
          {[
            t('assistant.review.summary', { count: plan.proposals.length }),
            plan.refusals.length > 0
              ? t('assistant.review.refusedSummary', { count: plan.refusals.length })
              : '',
          ]
            .filter(Boolean)
            .join(' ')}
        </Text>
        <ErrorSummary errors={errors} formError={formError} fields={fields} attempt={attempt} />
        {plan.refusals.length > 0 && (
          <Alert
            variant="outline"
            color="red.9"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t('assistant.review.refusedTitle')}
            styles={{ message: { color: 'var(--mantine-color-text)' } }}
          >
            <List spacing="xs">
              {plan.refusals.map((refusal) => (
                <List.Item key={refusal.caseId}>
                  {t('assistant.review.refusal', {
                    family: familyLabel(t, refusal.caseReference, familyOf(refusal.caseId)),
                    message: refusal.message,
                  })}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {plan.proposals.length === 0 ? (
          <Notice>{t('assistant.review.noneFits')}</Notice>
        ) : (
          <Stack gap="md">
            <Title order={3} size="h4">
              {t('assistant.review.proposedTitle')}
            </Title>
            {choices.rooms.isPending || choices.users.isPending ? (
              <Loading />
            ) : choices.rooms.isError ? (
              <LoadError error={choices.rooms.error} onRetry={() => void choices.rooms.refetch()} />
            ) : (
              plan.proposals.map((proposal) => (
                <ProposalCard
                  key={proposal.caseId}
                  proposal={proposal}
                  family={familyOf(proposal.caseId)}
                  edit={edits[proposal.caseId]!}
                  errors={errors}
                  roomOptions={choices.roomOptions(proposal.serviceType === 'supervised')}
                  supervisorOptions={choices.supervisorOptions}
                  onChange={(patch) => change(proposal.caseId, patch)}
                />
              ))
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack}>
            {t('assistant.review.back')}
          </Button>
          {plan.proposals.length > 0 && (
            <Button type="submit" loading={accept.isPending}>
              {t('assistant.review.submit', { count: chosen.length })}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function ProposalCard({
  proposal,
  family,
  edit,
  errors,
  roomOptions,
  supervisorOptions,
  onChange,
}: {
  proposal: AssistantProposal;
  family: Family | undefined;
  edit: Edit;
  errors: Record<string, string>;
  roomOptions: { value: string; label: string }[];
  supervisorOptions: { value: string; label: string }[];
  onChange: (patch: Partial<Edit>) => void;
}) {
  const { t } = useTranslation();
  const supervised = proposal.serviceType === 'supervised';
  const headingId = fieldId(proposal.caseId, 'heading');
  const shift = isClockTime(edit.startTime) ? minutesOf(edit.startTime) - minutesOf(proposal.startTime) : 0;
  const changed =
    edit.startTime !== proposal.startTime ||
    edit.roomId !== proposal.room.id ||
    edit.supervisorUserId !== (proposal.supervisor?.id ?? '');
  const byId = new Map(proposal.people.map((person) => [person.personId, person]));
  const people = [...proposal.people].sort(
    (a, b) => Number(a.role === 'child') - Number(b.role === 'child') || a.arrives.localeCompare(b.arrives),
  );
  const error = (field: string) => errors[`${proposal.caseId}.${field}`];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={4} size="h5" id={headingId}>
            {familyLabel(t, proposal.caseReference, family)}
          </Title>
          <Badge variant="outline" color="dark">
            {t(`assistant.services.${proposal.serviceType}`)}
          </Badge>
        </Group>
        <Text fw={600}>
          {t('assistant.review.when', {
            start: shiftTime(proposal.startTime, shift),
            end: shiftTime(proposal.endTime, shift),
          })}
        </Text>
        <Text size="sm">
          {proposal.movedMinutes > 0
            ? t('assistant.review.moved', {
                count: proposal.movedMinutes,
                preferred: proposal.preferredStartTime,
              })
            : t('assistant.review.asPlanned')}
          {proposal.source === 'added' ? ` ${t('assistant.review.added')}` : ''}
        </Text>
        <List spacing={2} listStyleType="none" ml={0} pl={0} aria-label={t('assistant.review.people')}>
          {people.map((person) => {
            const name = `${person.firstName} ${person.initial}.`;
            const bringer = person.broughtByPersonId ? byId.get(person.broughtByPersonId) : undefined;
            return (
              <List.Item key={person.personId}>
                <Text size="sm">
                  {person.role === 'child' && bringer
                    ? t('assistant.review.child', { name, adult: bringer.firstName })
                    : t('assistant.review.person', {
                        name,
                        arrives: shiftTime(person.arrives, shift),
                        leaves: shiftTime(person.leaves, shift),
                      })}
                </Text>
              </List.Item>
            );
          })}
        </List>
        <Checkbox
          size="md"
          label={t('assistant.review.include')}
          checked={edit.include}
          onChange={(event) => onChange({ include: event.currentTarget.checked })}
        />
        {edit.include && (
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              id={fieldId(proposal.caseId, 'startTime')}
              type="time"
              size="md"
              label={t('assistant.review.startTime')}
              value={edit.startTime}
              onChange={(event) => onChange({ startTime: event.currentTarget.value })}
              error={error('startTime')}
              w={150}
            />
            <NativeSelect
              id={fieldId(proposal.caseId, 'roomId')}
              size="md"
              label={t('assistant.review.room')}
              data={roomOptions}
              value={edit.roomId}
              onChange={(event) => onChange({ roomId: event.currentTarget.value })}
              error={error('roomId')}
              miw={220}
            />
            <NativeSelect
              id={fieldId(proposal.caseId, 'supervisorUserId')}
              size="md"
              label={t('assistant.review.supervisor')}
              data={[
                ...(supervised ? [] : [{ value: '', label: t('assistant.review.noSupervisor') }]),
                ...supervisorOptions,
              ]}
              value={edit.supervisorUserId}
              onChange={(event) => onChange({ supervisorUserId: event.currentTarget.value })}
              error={error('supervisorUserId')}
              miw={200}
            />
          </Group>
        )}
        {edit.include && changed && <Text size="sm">{t('assistant.review.changed')}</Text>}
      </Stack>
    </Paper>
  );
}

// Step 3: each family's result

function DoneStep({
  plan,
  result,
  familyOf,
  onAgain,
  onClose,
}: {
  plan: AssistantPlan;
  result: AcceptResult;
  familyOf: (caseId: string) => Family | undefined;
  onAgain: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const booked = result.items.filter((item) => item.status === 'booked').length;
  const reference = (caseId: string) => plan.proposals.find((p) => p.caseId === caseId)?.caseReference ?? '';
  return (
    <Stack>
      <Notice tone={booked === result.items.length ? 'success' : 'info'}>
        {t('assistant.done.summary', { booked, refused: result.items.length - booked })}
      </Notice>
      <List spacing="sm" listStyleType="none" ml={0} pl={0}>
        {result.items.map((item) => {
          const name = familyLabel(t, reference(item.caseId), familyOf(item.caseId));
          return (
            <List.Item key={item.caseId}>
              {item.booking ? (
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <IconCircleCheck size={20} aria-hidden="true" color="var(--mantine-color-teal-9)" />
                  <Text>
                    <Text span fw={600}>
                      {name}:
                    </Text>{' '}
                    {t('assistant.done.booked', {
                      start: item.booking.startTime,
                      end: item.booking.endTime,
                      room: item.booking.room.name,
                    })}
                  </Text>
                </Group>
              ) : (
                <Alert
                  variant="outline"
                  color="red.9"
                  icon={<IconAlertTriangle aria-hidden="true" />}
                  title={`${name}: ${t('assistant.done.refused')}`}
                  styles={{ message: { color: 'var(--mantine-color-text)' } }}
                >
                  {item.refusal?.message}
                  {item.refusal?.details?.length ? (
                    <List size="sm" mt="xs">
                      {item.refusal.details.map((d) => (
                        <List.Item key={d.field}>{d.message}</List.Item>
                      ))}
                    </List>
                  ) : null}
                </Alert>
              )}
            </List.Item>
          );
        })}
      </List>
      <Group justify="flex-end">
        <Button variant="default" onClick={onAgain}>
          {t('assistant.done.again')}
        </Button>
        <Button onClick={onClose} data-autofocus>
          {t('assistant.done.close')}
        </Button>
      </Group>
    </Stack>
  );
}

import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ASSESSMENT_FACTORS,
  assessmentBody,
  RISK_DECISIONS,
  RISK_LEVELS,
  type AssessmentFactor,
  type assessmentView,
} from '../../../../shared/api/risk.js';
import { useRecordAssessment } from '../../api/cases.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors } from '../../lib/validation.js';
import { fullName, type Person } from './types.js';

export type Assessment = z.infer<typeof assessmentView>;

interface RiskValues {
  factors: Record<AssessmentFactor, { present: boolean; evidence: string }>;
  level: string;
  decision: string;
  conditions: {
    staggerMinutes: number | string;
    separateEntrances: boolean;
    separateWaitingRooms: boolean;
    /** Pairs of adults, each as "idA idB" in the order the adults are listed. */
    mustNotMeet: string[];
    mayAttend: string[];
  };
}

interface RiskDialogProps {
  centreId: string;
  caseId: string;
  people: Person[];
  /** The assessment in force, whose answers the form starts from; null for the first. */
  current: Assessment | null;
  opened: boolean;
  onClose: () => void;
}

const pairKey = (a: string, b: string) => `${a} ${b}`;

/** Every pair of adults, in the order the adults are listed. */
function adultPairs(people: Person[]): [Person, Person][] {
  const adults = people.filter((person) => person.role !== 'child');
  return adults.flatMap((first, index) =>
    adults.slice(index + 1).map((second) => [first, second] as [Person, Person]),
  );
}

function initialValues(people: Person[], current: Assessment | null): RiskValues {
  const pairs = adultPairs(people);
  const chosen = new Set((current?.conditions.mustNotMeet ?? []).map(([a, b]) => [a, b].sort().join(' ')));
  return {
    factors: Object.fromEntries(
      ASSESSMENT_FACTORS.map((factor) => {
        const answer = current?.factors[factor];
        return [factor, { present: answer?.present ?? false, evidence: answer?.evidence ?? '' }];
      }),
    ) as RiskValues['factors'],
    level: current?.level ?? '',
    decision: current?.decision ?? '',
    conditions: {
      staggerMinutes: current?.conditions.staggerMinutes ?? 0,
      separateEntrances: current?.conditions.separateEntrances ?? false,
      separateWaitingRooms: current?.conditions.separateWaitingRooms ?? false,
      mustNotMeet: pairs
        .filter(([a, b]) => chosen.has([a.id, b.id].sort().join(' ')))
        .map(([a, b]) => pairKey(a.id, b.id)),
      mayAttend: current?.conditions.mayAttend ?? people.map((person) => person.id),
    },
  };
}

function toBody(values: RiskValues, current: Assessment | null) {
  return {
    replacesVersion: current?.version ?? null,
    factors: Object.fromEntries(
      ASSESSMENT_FACTORS.map((factor) => {
        const answer = values.factors[factor];
        // Evidence is kept only for a factor that is present.
        return [factor, { present: answer.present, evidence: answer.present ? answer.evidence : undefined }];
      }),
    ),
    level: values.level || undefined,
    decision: values.decision || undefined,
    conditions: {
      staggerMinutes:
        typeof values.conditions.staggerMinutes === 'number' ? values.conditions.staggerMinutes : undefined,
      separateEntrances: values.conditions.separateEntrances,
      separateWaitingRooms: values.conditions.separateWaitingRooms,
      mustNotMeet: values.conditions.mustNotMeet.map((key) => key.split(' ') as [string, string]),
      mayAttend: values.conditions.mayAttend,
    },
  };
}

/** Records a risk assessment: a new version that replaces the one in force. */
export function RiskDialog(props: RiskDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="lg"
      title={props.current ? t('case.risk.form.newTitle') : t('case.risk.form.title')}
    >
      {props.opened && <RiskForm {...props} />}
    </Modal>
  );
}

function RiskForm({ centreId, caseId, people, current, onClose }: RiskDialogProps) {
  const { t } = useTranslation();
  const record = useRecordAssessment(centreId, caseId);
  const pairs = adultPairs(people);
  const form = useForm<RiskValues>({
    initialValues: initialValues(people, current),
    validate: (values) =>
      schemaErrors(assessmentBody, toBody(values, current), {
        level: t('case.risk.form.levelMissing'),
        decision: t('case.risk.form.decisionMissing'),
        'conditions.staggerMinutes': t('case.risk.form.staggerMissing'),
      }),
  });
  const feedback = useFormFeedback(form);
  const fields = [
    ...ASSESSMENT_FACTORS.map((factor) => ({
      name: `factors.${factor}.evidence`,
      id: `risk-${factor}-evidence`,
    })),
    { name: 'level', id: 'risk-level-0' },
    { name: 'decision', id: 'risk-decision-0' },
    { name: 'conditions.staggerMinutes', id: 'risk-stagger' },
    { name: 'conditions.mustNotMeet', id: 'risk-must-not-meet-0' },
    { name: 'conditions.mayAttend', id: 'risk-may-attend-0' },
  ];
  const submit = form.onSubmit((values) => {
    feedback.clear();
    record.mutate(assessmentBody.parse(toBody(values, current)), {
      onSuccess: () => {
        notifySuccess(t('case.risk.form.done'));
        onClose();
      },
      onError: feedback.showError,
    });
  }, feedback.onInvalid);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={fields}
          attempt={feedback.attempt}
        />
        <Text>{t('case.risk.form.intro')}</Text>
        {ASSESSMENT_FACTORS.map((factor, index) => (
          <Fieldset key={factor} legend={t(`case.risk.factors.${factor}`)} className="form-group">
            <Stack gap="sm">
              <Checkbox
                id={`risk-${factor}-present`}
                label={t('case.risk.form.present')}
                data-autofocus={index === 0 ? true : undefined}
                {...form.getInputProps(`factors.${factor}.present`, { type: 'checkbox' })}
              />
              {form.values.factors[factor].present && (
                <Textarea
                  id={`risk-${factor}-evidence`}
                  label={t('case.risk.form.evidence')}
                  description={t('case.risk.form.evidenceHint')}
                  minRows={2}
                  {...form.getInputProps(`factors.${factor}.evidence`)}
                />
              )}
            </Stack>
          </Fieldset>
        ))}
        <Radio.Group label={t('case.risk.level')} {...form.getInputProps('level')}>
          <Stack gap="sm" mt="xs">
            {RISK_LEVELS.map((level, index) => (
              <Radio
                key={level}
                id={`risk-level-${index}`}
                value={level}
                label={t(`case.risk.levels.${level}`)}
                size="md"
              />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group label={t('case.risk.decision')} {...form.getInputProps('decision')}>
          <Stack gap="sm" mt="xs">
            {RISK_DECISIONS.map((decision, index) => (
              <Radio
                key={decision}
                id={`risk-decision-${index}`}
                value={decision}
                label={t(`case.risk.decisions.${decision}`)}
                size="md"
              />
            ))}
          </Stack>
        </Radio.Group>
        <Fieldset legend={t('case.risk.conditions')} className="form-group">
          <Stack gap="md">
            <NumberInput
              id="risk-stagger"
              label={t('case.risk.form.stagger')}
              description={t('case.risk.form.staggerHint')}
              min={0}
              max={120}
              allowDecimal={false}
              allowNegative={false}
              styles={{ wrapper: { maxWidth: 200 } }}
              {...form.getInputProps('conditions.staggerMinutes')}
            />
            <Checkbox
              id="risk-separate-entrances"
              label={t('case.risk.separateEntrances')}
              {...form.getInputProps('conditions.separateEntrances', { type: 'checkbox' })}
            />
            <Checkbox
              id="risk-separate-waiting-rooms"
              label={t('case.risk.separateWaitingRooms')}
              {...form.getInputProps('conditions.separateWaitingRooms', { type: 'checkbox' })}
            />
            {pairs.length > 0 && (
              <Checkbox.Group
                label={t('case.risk.form.mustNotMeet')}
                {...form.getInputProps('conditions.mustNotMeet')}
              >
                <Stack gap="sm" mt="xs">
                  {pairs.map(([a, b], index) => (
                    <Checkbox
                      key={pairKey(a.id, b.id)}
                      id={`risk-must-not-meet-${index}`}
                      value={pairKey(a.id, b.id)}
                      label={t('case.risk.form.pair', { first: fullName(a), second: fullName(b) })}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            <Checkbox.Group
              label={t('case.risk.form.mayAttend')}
              {...form.getInputProps('conditions.mayAttend')}
            >
              <Stack gap="sm" mt="xs">
                {people.map((person, index) => (
                  <Checkbox
                    key={person.id}
                    id={`risk-may-attend-${index}`}
                    value={person.id}
                    label={fullName(person)}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('case.risk.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

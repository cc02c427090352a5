import { Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { VENUE_KINDS, venueBody, venuePatchBody, type VenueView } from '../../../../shared/api/venues.js';
import { useSaveVenue } from '../../api/venues.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors, textOrNull } from '../../lib/validation.js';

const FIELDS = [
  { name: 'name', id: 'venue-name' },
  { name: 'kind', id: 'venue-kind' },
  { name: 'address', id: 'venue-address' },
  { name: 'accessibilityNotes', id: 'venue-accessibility' },
];

interface VenueValues {
  name: string;
  kind: string;
  address: string;
  accessibilityNotes: string;
}

interface VenueDialogProps {
  centreId: string;
  /** The venue to change; null to add one. */
  venue: VenueView | null;
  opened: boolean;
  onClose: () => void;
}

/** Adds a venue (a library, a family home, a community room) or changes one. */
export function VenueDialog({ centreId, venue, opened, onClose }: VenueDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        venue ? t('premises.venueForm.editTitle', { name: venue.name }) : t('premises.venueForm.addTitle')
      }
    >
      {opened && <VenueForm centreId={centreId} venue={venue} onDone={onClose} />}
    </Modal>
  );
}

function VenueForm({
  centreId,
  venue,
  onDone,
}: {
  centreId: string;
  venue: VenueView | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveVenue(centreId);
  const form = useForm<VenueValues>({
    initialValues: {
      name: venue?.name ?? '',
      kind: venue?.kind ?? '',
      address: venue?.address ?? '',
      accessibilityNotes: venue?.accessibilityNotes ?? '',
    },
    validate: (values) =>
      schemaErrors(venue ? venuePatchBody : venueBody, toBody(values), {
        kind: t('premises.venueForm.kindMissing'),
      }),
  });
  const feedback = useFormFeedback(form);

  function toBody(values: VenueValues) {
    // A family's address this person may not see stays as it is unless they type a new one.
    const keepAddress = venue?.addressWithheld && values.address.trim() === '';
    return {
      name: values.name,
      kind: values.kind || undefined,
      ...(keepAddress ? {} : { address: textOrNull(values.address) }),
      accessibilityNotes: textOrNull(values.accessibilityNotes),
    };
  }

  const submit = form.onSubmit((values) => {
    feedback.clear();
    const onSuccess = () => {
      notifySuccess(
        venue
          ? t('premises.venueForm.saved', { name: values.name.trim() })
          : t('premises.venueForm.added', { name: values.name.trim() }),
      );
      onDone();
    };
    if (venue) {
      save.mutate(
        { venueId: venue.id, body: venuePatchBody.parse(toBody(values)) },
        { onSuccess, onError: feedback.showError },
      );
    } else {
      save.mutate(
        { venueId: null, body: venueBody.parse(toBody(values)) },
        { onSuccess, onError: feedback.showError },
      );
    }
  }, feedback.onInvalid);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorSummary
          errors={form.errors}
          formError={feedback.formError}
          fields={FIELDS}
          attempt={feedback.attempt}
        />
        <TextInput
          id="venue-name"
          label={t('premises.venueForm.name')}
          description={t('premises.venueForm.nameHint')}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <NativeSelect
          id="venue-kind"
          label={t('premises.venueForm.kind')}
          description={venue?.main ? t('premises.venueForm.kindLocked') : undefined}
          disabled={venue?.main}
          data={[
            ...(venue ? [] : [{ value: '', label: t('premises.venueForm.chooseKind') }]),
            ...VENUE_KINDS.map((kind) => ({ value: kind, label: t(`premises.kinds.${kind}`) })),
          ]}
          {...form.getInputProps('kind')}
        />
        <Textarea
          id="venue-address"
          label={t('premises.venueForm.address')}
          description={
            venue?.addressWithheld
              ? t('premises.venueForm.addressWithheld')
              : t('premises.venueForm.addressHint')
          }
          minRows={2}
          {...form.getInputProps('address')}
        />
        <Textarea
          id="venue-accessibility"
          label={t('premises.venueForm.accessibility')}
          description={t('premises.venueForm.accessibilityHint')}
          {...form.getInputProps('accessibilityNotes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {venue ? t('common.saveChanges') : t('premises.venueForm.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

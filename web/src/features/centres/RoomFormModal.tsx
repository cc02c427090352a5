import { Button, Checkbox, Group, Modal, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { roomBody, type RoomView } from '../../../../shared/api/admin.js';
import { useCreateRoom, useUpdateRoom } from '../../api/admin.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors, textOrNull } from '../../lib/validation.js';

const FIELDS = [
  { name: 'name', id: 'room-name' },
  { name: 'capacity', id: 'room-capacity' },
  { name: 'hasSeparateEntrance', id: 'room-separate-entrance' },
  { name: 'accessibilityNotes', id: 'room-accessibility' },
];

interface RoomValues {
  name: string;
  capacity: number | string;
  hasSeparateEntrance: boolean;
  accessibilityNotes: string;
}

function toBody(values: RoomValues) {
  return {
    name: values.name,
    // NumberInput gives '' while empty: leave it out so the schema asks for it.
    capacity: typeof values.capacity === 'number' ? values.capacity : undefined,
    hasSeparateEntrance: values.hasSeparateEntrance,
    accessibilityNotes: textOrNull(values.accessibilityNotes),
  };
}

interface RoomFormModalProps {
  centreId: string;
  /** The room to change; null to add one. */
  room: RoomView | null;
  opened: boolean;
  onClose: () => void;
}

export function RoomFormModal({ centreId, room, opened, onClose }: RoomFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={room ? t('rooms.form.editTitle', { name: room.name }) : t('rooms.form.addTitle')}
    >
      {opened && <RoomForm centreId={centreId} room={room} onDone={onClose} />}
    </Modal>
  );
}

function RoomForm({
  centreId,
  room,
  onDone,
}: {
  centreId: string;
  room: RoomView | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateRoom(centreId);
  const update = useUpdateRoom(centreId);
  const form = useForm<RoomValues>({
    initialValues: {
      name: room?.name ?? '',
      capacity: room?.capacity ?? '',
      hasSeparateEntrance: room?.hasSeparateEntrance ?? false,
      accessibilityNotes: room?.accessibilityNotes ?? '',
    },
    validate: (values) =>
      schemaErrors(roomBody, toBody(values), { capacity: t('rooms.form.capacityMissing') }),
  });
  const feedback = useFormFeedback(form);

  const submit = form.onSubmit((values) => {
    feedback.clear();
    const body = roomBody.parse(toBody(values));
    const onSuccess = () => {
      notifySuccess(
        room ? t('rooms.form.saved', { name: body.name }) : t('rooms.form.added', { name: body.name }),
      );
      onDone();
    };
    if (room) update.mutate({ roomId: room.id, body }, { onSuccess, onError: feedback.showError });
    else create.mutate(body, { onSuccess, onError: feedback.showError });
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
          id="room-name"
          label={t('rooms.fields.name')}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <NumberInput
          id="room-capacity"
          label={t('rooms.fields.capacity')}
          description={t('rooms.fields.capacityHint')}
          min={1}
          max={500}
          allowDecimal={false}
          allowNegative={false}
          styles={{ wrapper: { maxWidth: 200 } }}
          {...form.getInputProps('capacity')}
        />
        <Checkbox
          id="room-separate-entrance"
          label={t('rooms.fields.separateEntrance')}
          description={t('rooms.fields.separateEntranceHint')}
          {...form.getInputProps('hasSeparateEntrance', { type: 'checkbox' })}
        />
        <Textarea
          id="room-accessibility"
          label={t('rooms.fields.accessibilityNotes')}
          description={t('rooms.fields.accessibilityNotesHint')}
          {...form.getInputProps('accessibilityNotes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {room ? t('common.saveChanges') : t('rooms.form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ROOM_USAGES, roomBody, roomPatchBody, type RoomView } from '../../../../shared/api/admin.js';
import type { VenueView } from '../../../../shared/api/venues.js';
import { useSaveRoom } from '../../api/venues.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { useFormFeedback } from '../../components/useFormFeedback.js';
import { schemaErrors, textOrNull } from '../../lib/validation.js';

const FIELDS = [
  { name: 'name', id: 'room-name' },
  { name: 'venueId', id: 'room-venue' },
  { name: 'usage', id: 'room-usage-private' },
  { name: 'capacity', id: 'room-capacity' },
  { name: 'hasSeparateEntrance', id: 'room-separate-entrance' },
  { name: 'hasSeparateWaitingRoom', id: 'room-waiting-room' },
  { name: 'accessibilityNotes', id: 'room-accessibility' },
  { name: 'active', id: 'room-active' },
];

interface RoomValues {
  name: string;
  venueId: string;
  usage: string;
  capacity: number | string;
  hasSeparateEntrance: boolean;
  hasSeparateWaitingRoom: boolean;
  accessibilityNotes: string;
  active: boolean;
}

export interface RoomTarget {
  /** The room to change; null to add one. */
  room: RoomView | null;
  /** Where a new room goes unless another venue is chosen. */
  venueId: string;
}

interface RoomDialogProps {
  centreId: string;
  target: RoomTarget | null;
  venues: VenueView[];
  opened: boolean;
  onClose: () => void;
}

/** Adds a room to a venue or changes one: how it is used, how many it holds, entrances and waiting room. */
export function RoomDialog({ centreId, target, venues, opened, onClose }: RoomDialogProps) {
  const { t } = useTranslation();
  const room = target?.room ?? null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={room ? t('premises.roomForm.editTitle', { name: room.name }) : t('premises.roomForm.addTitle')}
    >
      {opened && target && <RoomForm centreId={centreId} target={target} venues={venues} onDone={onClose} />}
    </Modal>
  );
}

function toBody(values: RoomValues, editing: boolean) {
  return {
    name: values.name,
    venueId: values.venueId || undefined,
    usage: values.usage || undefined,
    // NumberInput gives '' while empty: leave it out so the schema asks for it.
    capacity: typeof values.capacity === 'number' ? values.capacity : undefined,
    hasSeparateEntrance: values.hasSeparateEntrance,
    hasSeparateWaitingRoom: values.hasSeparateWaitingRoom,
    accessibilityNotes: textOrNull(values.accessibilityNotes),
    ...(editing ? { active: values.active } : {}),
  };
}

function RoomForm({
  centreId,
  target,
  venues,
  onDone,
}: {
  centreId: string;
  target: RoomTarget;
  venues: VenueView[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { room } = target;
  const save = useSaveRoom(centreId);
  const form = useForm<RoomValues>({
    initialValues: {
      name: room?.name ?? '',
      venueId: room?.venueId ?? target.venueId,
      usage: room?.usage ?? 'private',
      capacity: room?.capacity ?? '',
      hasSeparateEntrance: room?.hasSeparateEntrance ?? false,
      hasSeparateWaitingRoom: room?.hasSeparateWaitingRoom ?? false,
      accessibilityNotes: room?.accessibilityNotes ?? '',
      active: room?.active ?? true,
    },
    validate: (values) =>
      schemaErrors(room ? roomPatchBody : roomBody, toBody(values, room !== null), {
        capacity: t('premises.roomForm.capacityMissing'),
      }),
  });
  const feedback = useFormFeedback(form);
  // The venues in use, and the room's own venue even if it is out of use now.
  const venueOptions = venues
    .filter((venue) => venue.active || venue.id === room?.venueId)
    .map((venue) => ({ value: venue.id, label: venue.name }));

  const submit = form.onSubmit((values) => {
    feedback.clear();
    const name = values.name.trim();
    const onSuccess = () => {
      notifySuccess(room ? t('premises.roomForm.saved', { name }) : t('premises.roomForm.added', { name }));
      onDone();
    };
    if (room) {
      save.mutate(
        { roomId: room.id, body: roomPatchBody.parse(toBody(values, true)) },
        { onSuccess, onError: feedback.showError },
      );
    } else {
      save.mutate(
        { roomId: null, body: roomBody.parse(toBody(values, false)) },
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
          id="room-name"
          label={t('premises.roomForm.name')}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <NativeSelect
          id="room-venue"
          label={t('premises.roomForm.venue')}
          data={venueOptions}
          {...form.getInputProps('venueId')}
        />
        <Radio.Group label={t('premises.roomForm.usage')} {...form.getInputProps('usage')}>
          <Stack gap="sm" mt="xs">
            {ROOM_USAGES.map((usage) => (
              <Radio
                key={usage}
                id={`room-usage-${usage}`}
                value={usage}
                label={t(`premises.roomForm.usages.${usage}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <NumberInput
          id="room-capacity"
          label={t('premises.roomForm.capacity')}
          description={t('premises.roomForm.capacityHint')}
          min={1}
          max={500}
          allowDecimal={false}
          allowNegative={false}
          styles={{ wrapper: { maxWidth: 200 } }}
          {...form.getInputProps('capacity')}
        />
        <Checkbox
          id="room-separate-entrance"
          label={t('premises.roomForm.separateEntrance')}
          description={t('premises.roomForm.separateEntranceHint')}
          {...form.getInputProps('hasSeparateEntrance', { type: 'checkbox' })}
        />
        <Checkbox
          id="room-waiting-room"
          label={t('premises.roomForm.waitingRoom')}
          description={t('premises.roomForm.waitingRoomHint')}
          {...form.getInputProps('hasSeparateWaitingRoom', { type: 'checkbox' })}
        />
        <Textarea
          id="room-accessibility"
          label={t('premises.roomForm.accessibility')}
          description={t('premises.roomForm.accessibilityHint')}
          {...form.getInputProps('accessibilityNotes')}
        />
        {room && (
          <Checkbox
            id="room-active"
            label={t('premises.roomForm.active')}
            description={t('premises.roomForm.activeHint')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {room ? t('common.saveChanges') : t('premises.roomForm.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

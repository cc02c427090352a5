import { Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomView } from '../../../../shared/api/admin.js';
import type { VenueView } from '../../../../shared/api/venues.js';
import { errorMessage } from '../../api/client.js';
import { usePremisesRooms, useVenueInUse, useVenues } from '../../api/venues.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { notifySuccess } from '../../components/notify.js';
import { Page } from '../../components/Page.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { RoomDialog, type RoomTarget } from './RoomDialog.js';
import { VenueDialog } from './VenueDialog.js';

/** The current centre's premises: its own building and alternative venues, each with its rooms. */
export function PremisesPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { centre } = useCurrentCentre();
  const canRead = centre !== null && canAtCentre(session, centre.id, 'room:read');
  const canManage = centre !== null && canAtCentre(session, centre.id, 'room:manage');
  // `null` as the target means a new venue.
  const venueDialog = useDialogTarget<VenueView | null>();

  return (
    <Page
      title={t('premises.title')}
      action={
        canManage && (
          <Button
            leftSection={<IconPlus size={20} aria-hidden="true" />}
            onClick={() => venueDialog.open(null)}
          >
            {t('premises.addVenue')}
          </Button>
        )
      }
    >
      {centre && canRead ? (
        <>
          <Text>{t('premises.intro', { centre: centre.name })}</Text>
          <Premises
            key={centre.id}
            centreId={centre.id}
            canManage={canManage}
            onEditVenue={venueDialog.open}
          />
          <VenueDialog
            centreId={centre.id}
            venue={venueDialog.target}
            opened={venueDialog.opened}
            onClose={venueDialog.close}
          />
        </>
      ) : (
        <Text>{t('premises.notHere', { centre: centre?.name ?? '' })}</Text>
      )}
    </Page>
  );
}

function Premises({
  centreId,
  canManage,
  onEditVenue,
}: {
  centreId: string;
  canManage: boolean;
  onEditVenue: (venue: VenueView) => void;
}) {
  const { t } = useTranslation();
  const venues = useVenues(centreId);
  const rooms = usePremisesRooms(centreId);
  const roomDialog = useDialogTarget<RoomTarget>();
  const [inUse, setInUse] = useState<{ venue: VenueView; opened: boolean } | null>(null);
  const change = useVenueInUse(centreId);

  if (venues.isPending || rooms.isPending) return <Loading />;
  if (venues.isError) return <LoadError error={venues.error} onRetry={() => void venues.refetch()} />;
  if (rooms.isError) return <LoadError error={rooms.error} onRetry={() => void rooms.refetch()} />;

  const main = venues.data.items.find((venue) => venue.main);
  // A room made before venues existed belongs to the centre's own building.
  const roomsOf = (venue: VenueView) =>
    rooms.data.items.filter((room) => (room.venueId ?? main?.id) === venue.id);
  const closeInUse = () => {
    change.reset();
    setInUse((current) => current && { ...current, opened: false });
  };

  return (
    <Stack gap="xl">
      {venues.data.items.map((venue) => (
        <VenueSection
          key={venue.id}
          venue={venue}
          rooms={roomsOf(venue)}
          canManage={canManage}
          onEdit={() => onEditVenue(venue)}
          onAddRoom={() => roomDialog.open({ room: null, venueId: venue.id })}
          onEditRoom={(room) => roomDialog.open({ room, venueId: venue.id })}
          onInUse={() => setInUse({ venue, opened: true })}
        />
      ))}
      <RoomDialog
        centreId={centreId}
        target={roomDialog.target}
        venues={venues.data.items}
        opened={roomDialog.opened}
        onClose={roomDialog.close}
      />
      {inUse && (
        <ConfirmDialog
          opened={inUse.opened}
          title={
            inUse.venue.active
              ? t('premises.deactivate.title', { name: inUse.venue.name })
              : t('premises.reactivate.title', { name: inUse.venue.name })
          }
          message={
            inUse.venue.active
              ? t('premises.deactivate.message', { name: inUse.venue.name })
              : t('premises.reactivate.message', { name: inUse.venue.name })
          }
          confirmLabel={
            inUse.venue.active ? t('premises.deactivate.confirm') : t('premises.reactivate.confirm')
          }
          destructive={inUse.venue.active}
          pending={change.isPending}
          error={change.isError ? errorMessage(change.error) : null}
          onClose={closeInUse}
          onConfirm={() =>
            change.mutate(
              { venueId: inUse.venue.id, inUse: !inUse.venue.active },
              {
                onSuccess: () => {
                  notifySuccess(
                    inUse.venue.active
                      ? t('premises.deactivate.done', { name: inUse.venue.name })
                      : t('premises.reactivate.done', { name: inUse.venue.name }),
                  );
                  closeInUse();
                },
              },
            )
          }
        />
      )}
    </Stack>
  );
}

interface VenueSectionProps {
  venue: VenueView;
  rooms: RoomView[];
  canManage: boolean;
  onEdit: () => void;
  onAddRoom: () => void;
  onEditRoom: (room: RoomView) => void;
  onInUse: () => void;
}

function VenueSection({
  venue,
  rooms,
  canManage,
  onEdit,
  onAddRoom,
  onEditRoom,
  onInUse,
}: VenueSectionProps) {
  const { t } = useTranslation();
  const headingId = `venue-${venue.id}`;
  const address = venue.addressWithheld ? t('premises.notShared') : (venue.address ?? t('common.notGiven'));
  const column = {
    name: t('premises.rooms.columns.name'),
    usage: t('premises.rooms.columns.usage'),
    capacity: t('premises.rooms.columns.capacity'),
    entrance: t('premises.rooms.columns.entrance'),
    waitingRoom: t('premises.rooms.columns.waitingRoom'),
    accessibility: t('premises.rooms.columns.accessibility'),
    status: t('premises.rooms.columns.status'),
    actions: t('common.actions'),
  };
  const yesNo = (value: boolean) => (
    <StatusBadge tone={value ? 'info' : 'neutral'}>{value ? t('common.yes') : t('common.no')}</StatusBadge>
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={2} id={headingId}>
            {venue.name}
          </Title>
          <Group gap="xs">
            <StatusBadge tone="neutral">{t(`premises.kinds.${venue.kind}`)}</StatusBadge>
            {venue.main && <StatusBadge tone="info">{t('premises.main')}</StatusBadge>}
            {!venue.active && <StatusBadge tone="bad">{t('premises.outOfUse')}</StatusBadge>}
          </Group>
        </Stack>
        {canManage && (
          <Group gap="xs">
            <Button
              variant="default"
              onClick={onEdit}
              aria-label={t('premises.editVenueNamed', { name: venue.name })}
            >
              {t('common.edit')}
            </Button>
            {venue.active && (
              <Button
                variant="default"
                leftSection={<IconPlus size={18} aria-hidden="true" />}
                onClick={onAddRoom}
                aria-label={t('premises.addRoomTo', { name: venue.name })}
              >
                {t('premises.addRoom')}
              </Button>
            )}
            {!venue.main && (
              <Button
                variant="default"
                onClick={onInUse}
                aria-label={
                  venue.active
                    ? t('premises.deactivate.openNamed', { name: venue.name })
                    : t('premises.reactivate.openNamed', { name: venue.name })
                }
              >
                {venue.active ? t('premises.deactivate.open') : t('premises.reactivate.open')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" className="details-list">
        <div>
          <Text component="dt" fw={700} size="sm">
            {t('premises.address')}
          </Text>
          <Text component="dd" className="message-body" m={0}>
            {address}
          </Text>
        </div>
        <div>
          <Text component="dt" fw={700} size="sm">
            {t('premises.accessibility')}
          </Text>
          <Text component="dd" className="message-body" m={0}>
            {venue.accessibilityNotes ?? t('common.notGiven')}
          </Text>
        </div>
      </SimpleGrid>
      {rooms.length === 0 ? (
        <Text>{t('premises.noRooms')}</Text>
      ) : (
        <StackedTable label={t('premises.rooms.tableLabel', { name: venue.name })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column.name}</Table.Th>
              <Table.Th>{column.usage}</Table.Th>
              <Table.Th>{column.capacity}</Table.Th>
              <Table.Th>{column.entrance}</Table.Th>
              <Table.Th>{column.waitingRoom}</Table.Th>
              <Table.Th>{column.accessibility}</Table.Th>
              <Table.Th>{column.status}</Table.Th>
              {canManage && <Table.Th>{column.actions}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rooms.map((room) => (
              <Table.Tr key={room.id}>
                <LabelledCell label={column.name}>
                  <Text fw={600}>{room.name}</Text>
                </LabelledCell>
                <LabelledCell label={column.usage}>{t(`premises.rooms.usage.${room.usage}`)}</LabelledCell>
                <LabelledCell label={column.capacity}>
                  {t('premises.rooms.people', { count: room.capacity })}
                </LabelledCell>
                <LabelledCell label={column.entrance}>{yesNo(room.hasSeparateEntrance)}</LabelledCell>
                <LabelledCell label={column.waitingRoom}>{yesNo(room.hasSeparateWaitingRoom)}</LabelledCell>
                <LabelledCell label={column.accessibility}>
                  <Text size="sm" className="message-body">
                    {room.accessibilityNotes ?? t('common.notGiven')}
                  </Text>
                </LabelledCell>
                <LabelledCell label={column.status}>
                  <StatusBadge tone={room.active ? 'good' : 'bad'}>
                    {room.active ? t('premises.inUse') : t('premises.outOfUse')}
                  </StatusBadge>
                </LabelledCell>
                {canManage && (
                  <LabelledCell label={column.actions}>
                    <Button
                      variant="default"
                      size="sm"
                      aria-label={t('premises.rooms.editNamed', { name: room.name })}
                      onClick={() => onEditRoom(room)}
                    >
                      {t('common.edit')}
                    </Button>
                  </LabelledCell>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </StackedTable>
      )}
    </Stack>
  );
}

import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { RoomView } from '../../../../shared/api/admin.js';
import { useCentres, useRooms } from '../../api/admin.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { RoomFormModal } from './RoomFormModal.js';

/** One centre: its details and its rooms. */
export function CentrePage() {
  const { t } = useTranslation();
  const { centreId = '' } = useParams();
  const session = useSignedInSession();
  const centres = useCentres();

  if (centres.isPending) {
    return (
      <Page title={t('centres.centreTitle')}>
        <Loading />
      </Page>
    );
  }
  if (centres.isError) {
    return (
      <Page title={t('centres.centreTitle')}>
        <LoadError error={centres.error} onRetry={() => void centres.refetch()} />
      </Page>
    );
  }
  const centre = centres.data.items.find((item) => item.id === centreId);
  if (!centre) {
    return (
      <Page title={t('centres.notFoundTitle')}>
        <Text>{t('centres.notFound')}</Text>
        <Anchor component={Link} to="/admin/centres">
          {t('centres.backToList')}
        </Anchor>
      </Page>
    );
  }

  const details = [
    { label: t('fields.timeZone'), value: centre.timeZone },
    { label: t('centres.fields.address'), value: centre.address },
    { label: t('centres.fields.phone'), value: centre.phone },
    { label: t('centres.fields.email'), value: centre.email },
  ];

  return (
    <Page title={centre.name}>
      <Anchor component={Link} to="/admin/centres">
        {t('centres.backToList')}
      </Anchor>
      <Stack gap="sm">
        <Title order={2}>{t('centres.detailsTitle')}</Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" className="details-list">
          {details.map((detail) => (
            <div key={detail.label}>
              <Text component="dt" fw={700} size="sm">
                {detail.label}
              </Text>
              <Text component="dd" className="message-body" m={0}>
                {detail.value ?? t('common.notGiven')}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Stack>
      <RoomsSection centreId={centre.id} canManage={canAtCentre(session, centre.id, 'room:manage')} />
    </Page>
  );
}

function RoomsSection({ centreId, canManage }: { centreId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const rooms = useRooms(centreId);
  // `null` as the target means a new room.
  const dialog = useDialogTarget<RoomView | null>();
  const column = {
    name: t('rooms.fields.name'),
    capacity: t('rooms.fields.capacity'),
    separateEntrance: t('rooms.columns.separateEntrance'),
    accessibility: t('rooms.fields.accessibilityNotes'),
    actions: t('common.actions'),
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} id="rooms-heading">
          {t('rooms.title')}
        </Title>
        {canManage && (
          <Button leftSection={<IconPlus size={20} aria-hidden="true" />} onClick={() => dialog.open(null)}>
            {t('rooms.add')}
          </Button>
        )}
      </Group>
      {rooms.isPending && <Loading />}
      {rooms.isError && <LoadError error={rooms.error} onRetry={() => void rooms.refetch()} />}
      {rooms.data && rooms.data.items.length === 0 && <Text>{t('rooms.none')}</Text>}
      {rooms.data && rooms.data.items.length > 0 && (
        <StackedTable labelledBy="rooms-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column.name}</Table.Th>
              <Table.Th>{column.capacity}</Table.Th>
              <Table.Th>{column.separateEntrance}</Table.Th>
              <Table.Th>{column.accessibility}</Table.Th>
              {canManage && <Table.Th>{column.actions}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rooms.data.items.map((room) => (
              <Table.Tr key={room.id}>
                <LabelledCell label={column.name}>
                  <Text fw={600}>{room.name}</Text>
                </LabelledCell>
                <LabelledCell label={column.capacity}>
                  {t('rooms.people', { count: room.capacity })}
                </LabelledCell>
                <LabelledCell label={column.separateEntrance}>
                  <StatusBadge tone={room.hasSeparateEntrance ? 'info' : 'neutral'}>
                    {room.hasSeparateEntrance ? t('common.yes') : t('common.no')}
                  </StatusBadge>
                </LabelledCell>
                <LabelledCell label={column.accessibility}>
                  <Text size="sm" className="message-body">
                    {room.accessibilityNotes ?? t('common.notGiven')}
                  </Text>
                </LabelledCell>
                {canManage && (
                  <LabelledCell label={column.actions}>
                    <Button
                      variant="default"
                      size="sm"
                      aria-label={t('rooms.editNamed', { name: room.name })}
                      onClick={() => dialog.open(room)}
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
      <RoomFormModal centreId={centreId} room={dialog.target} opened={dialog.opened} onClose={dialog.close} />
    </Stack>
  );
}

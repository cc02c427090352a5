import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CentreView } from '../../../../shared/api/admin.js';
import { useCentres } from '../../api/admin.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';
import { canAnywhere } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { CentreFormModal } from './CentreFormModal.js';

/** Every centre the person can see, and for an organisation admin, adding and changing them. */
export function CentresPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const centres = useCentres();
  const canManage = canAnywhere(session, 'centre:manage');
  // `null` as the target means a new centre.
  const dialog = useDialogTarget<CentreView | null>();

  const column = {
    name: t('centres.fields.name'),
    timeZone: t('fields.timeZone'),
    address: t('centres.fields.address'),
    phone: t('centres.fields.phone'),
    email: t('centres.fields.email'),
    actions: t('common.actions'),
  };

  return (
    <Page
      title={t('centres.title')}
      action={
        canManage && (
          <Button leftSection={<IconPlus size={20} aria-hidden="true" />} onClick={() => dialog.open(null)}>
            {t('centres.add')}
          </Button>
        )
      }
    >
      {centres.isPending && <Loading />}
      {centres.isError && <LoadError error={centres.error} onRetry={() => void centres.refetch()} />}
      {centres.data && centres.data.items.length === 0 && <Text>{t('centres.none')}</Text>}
      {centres.data && centres.data.items.length > 0 && (
        <StackedTable label={t('centres.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{column.name}</Table.Th>
              <Table.Th>{column.timeZone}</Table.Th>
              <Table.Th>{column.address}</Table.Th>
              <Table.Th>{column.phone}</Table.Th>
              <Table.Th>{column.email}</Table.Th>
              {canManage && <Table.Th>{column.actions}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {centres.data.items.map((centre) => (
              <Table.Tr key={centre.id}>
                <LabelledCell label={column.name}>
                  <Anchor component={Link} to={`/admin/centres/${centre.id}`} fw={600}>
                    {centre.name}
                  </Anchor>
                </LabelledCell>
                <LabelledCell label={column.timeZone}>{centre.timeZone}</LabelledCell>
                <LabelledCell label={column.address}>
                  <Text className="message-body" size="sm">
                    {centre.address ?? t('common.notGiven')}
                  </Text>
                </LabelledCell>
                <LabelledCell label={column.phone}>{centre.phone ?? t('common.notGiven')}</LabelledCell>
                <LabelledCell label={column.email}>{centre.email ?? t('common.notGiven')}</LabelledCell>
                {canManage && (
                  <LabelledCell label={column.actions}>
                    <Button
                      variant="default"
                      size="sm"
                      aria-label={t('centres.editNamed', { name: centre.name })}
                      onClick={() => dialog.open(centre)}
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
      <CentreFormModal centre={dialog.target} opened={dialog.opened} onClose={dialog.close} />
    </Page>
  );
}

import { Code, Table, Text } from '@mantine/core';
import { IconBan, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../../../shared/api/audit.js';
import { LabelledCell, StackedTable } from '../../components/StackedTable.js';
import { StatusBadge, type Tone } from '../../components/StatusBadge.js';
import { formatDateTime } from '../../lib/dates.js';
import { useTimeZoneFor } from '../../session/useCurrentCentre.js';

const OUTCOME_LOOK: Record<AuditEventView['outcome'], { tone: Tone; Icon: typeof IconBan }> = {
  success: { tone: 'good', Icon: IconCircleCheck },
  failure: { tone: 'bad', Icon: IconCircleX },
  refused: { tone: 'refused', Icon: IconBan },
};

export function AuditTable({ events, labelledBy }: { events: AuditEventView[]; labelledBy: string }) {
  const { t } = useTranslation();
  const zoneFor = useTimeZoneFor();
  const column = {
    time: t('audit.columns.time'),
    who: t('audit.columns.who'),
    action: t('audit.columns.action'),
    record: t('audit.columns.record'),
    outcome: t('audit.columns.outcome'),
    address: t('audit.columns.address'),
  };

  return (
    <StackedTable labelledBy={labelledBy}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{column.time}</Table.Th>
          <Table.Th>{column.who}</Table.Th>
          <Table.Th>{column.action}</Table.Th>
          <Table.Th>{column.record}</Table.Th>
          <Table.Th>{column.outcome}</Table.Th>
          <Table.Th>{column.address}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => {
          const look = OUTCOME_LOOK[event.outcome];
          return (
            <Table.Tr key={event.seq}>
              <LabelledCell label={column.time}>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(event.at, zoneFor(event.centreId))}
                </Text>
              </LabelledCell>
              <LabelledCell label={column.who}>{event.actorLabel ?? t('audit.system')}</LabelledCell>
              <LabelledCell label={column.action}>
                <Code>{event.action}</Code>
              </LabelledCell>
              <LabelledCell label={column.record}>
                {event.resourceType || event.resourceId ? (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {event.resourceType && <span>{event.resourceType} </span>}
                    {event.resourceId && <Code>{event.resourceId}</Code>}
                  </Text>
                ) : (
                  t('common.none')
                )}
              </LabelledCell>
              <LabelledCell label={column.outcome}>
                <StatusBadge tone={look.tone} icon={<look.Icon size={14} aria-hidden="true" />}>
                  {t(`audit.outcomes.${event.outcome}`)}
                </StatusBadge>
              </LabelledCell>
              <LabelledCell label={column.address}>
                {event.clientAddress ?? t('common.notRecorded')}
              </LabelledCell>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </StackedTable>
  );
}

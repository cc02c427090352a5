import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A data table that, on a narrow screen, shows each row as a card with each value under its column
 * name, so nothing scrolls sideways on a phone. Use `LabelledCell` for the cells.
 */
export function StackedTable({
  labelledBy,
  label,
  children,
}: {
  labelledBy?: string;
  label?: string;
  children: ReactNode;
}) {
  return (
    <Table className="stacked-table" verticalSpacing="sm" aria-labelledby={labelledBy} aria-label={label}>
      {children}
    </Table>
  );
}

export function LabelledCell({ label, children }: { label: string; children: ReactNode }) {
  return <Table.Td data-label={label}>{children}</Table.Td>;
}

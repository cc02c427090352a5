import { Alert } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A calm message on the page itself: something went well, or something worth knowing. */
export function Notice({
  tone = 'info',
  title,
  role = 'status',
  children,
}: {
  tone?: 'success' | 'info';
  title?: string;
  /** Polite by default; 'none' when it is placed inside a live region that is already there. */
  role?: 'status' | 'none';
  children: ReactNode;
}) {
  const Icon = tone === 'success' ? IconCircleCheck : IconInfoCircle;
  return (
    <Alert
      variant="outline"
      color={tone === 'success' ? 'teal.9' : 'blue.9'}
      icon={<Icon aria-hidden="true" />}
      title={title}
      role={role}
      styles={{ message: { color: 'var(--mantine-color-text)' } }}
    >
      {children}
    </Alert>
  );
}

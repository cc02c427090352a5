import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

export type Tone = 'good' | 'bad' | 'refused' | 'neutral' | 'info';

// Dark text on the lightest tint of each colour: every pair passes 4.5:1. The words carry the meaning;
// the colour only repeats it.
const TONE_COLOUR: Record<Tone, string> = {
  good: 'teal',
  bad: 'red',
  refused: 'grape',
  neutral: 'gray',
  info: 'blue',
};

export function StatusBadge({ tone, icon, children }: { tone: Tone; icon?: ReactNode; children: ReactNode }) {
  const colour = TONE_COLOUR[tone];
  return (
    <Badge
      variant="outline"
      size="lg"
      leftSection={icon}
      styles={{
        root: {
          color: `var(--mantine-color-${colour}-9)`,
          backgroundColor: `var(--mantine-color-${colour}-0)`,
          borderColor: `var(--mantine-color-${colour}-4)`,
          textTransform: 'none',
          maxWidth: 'none',
          flexShrink: 0,
        },
        // Never cut the words short: they carry the meaning.
        label: { overflow: 'visible', textOverflow: 'clip' },
      }}
    >
      {children}
    </Badge>
  );
}

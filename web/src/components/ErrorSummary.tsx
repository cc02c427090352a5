import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryField {
  /** The body key the error is filed under, e.g. "email" or "roles.0.centreId". */
  name: string;
  /** The id of the input, for the link. */
  id: string;
  /**
   * For a field on another page of the form (a check-your-answers page): the address of that page, and
   * how to go there, replacing the move of focus to an input on this page.
   */
  href?: string;
  onFollow?: () => void;
}

interface ErrorSummaryProps {
  /** Errors by body key, as held by the form. */
  errors: Record<string, ReactNode>;
  /** A sentence from the server that belongs to no field ("The email or password is not right."). */
  formError: string | null;
  /** The form's fields in the order they appear. */
  fields: SummaryField[];
  /** Changes on every failed attempt; the summary takes focus each time. */
  attempt: number;
}

/**
 * The list at the top of a form after a failed attempt: each problem once, linking to its field.
 * The messages beside the fields come from the same errors, so the two never disagree.
 */
export function ErrorSummary({ errors, formError, fields, attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  const known = new Set(fields.map((field) => field.name));
  const linked = fields.filter((field) => errors[field.name]);
  const unlinked = Object.entries(errors).filter(([name, message]) => message && !known.has(name));
  const hasProblems = Boolean(formError) || linked.length > 0 || unlinked.length > 0;

  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (!hasProblems) return null;

  const goTo = (field: SummaryField) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (field.onFollow) {
      event.preventDefault();
      field.onFollow();
      return;
    }
    const input = document.getElementById(field.id);
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.scrollIntoView({ block: 'center' });
  };

  return (
    <Paper
      ref={ref}
      role="alert"
      tabIndex={-1}
      withBorder
      p="md"
      className="error-summary"
      aria-labelledby={titleId}
    >
      <Title order={2} size="h4" id={titleId} mb="xs">
        {t('errors.summaryTitle')}
      </Title>
      <List spacing={4}>
        {formError && (
          <List.Item>
            <Text>{formError}</Text>
          </List.Item>
        )}
        {linked.map((field) => (
          <List.Item key={field.name}>
            <Anchor href={field.href ?? `#${field.id}`} onClick={goTo(field)} className="error-summary-link">
              {errors[field.name]}
            </Anchor>
          </List.Item>
        ))}
        {unlinked.map(([name, message]) => (
          <List.Item key={name}>
            <Text>{message}</Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

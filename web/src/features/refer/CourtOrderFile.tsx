import {
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconFileText, IconUpload } from '@tabler/icons-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ACCEPTED_FILES, MAX_FILE_BYTES } from '../../../../shared/api/files.js';
import { errorMessage } from '../../api/client.js';
import { useAttachToDraft, useDraftCourtOrder, useRemoveFromDraft } from '../../api/files.js';
import { useFileWords } from '../../components/DocumentList.js';
import { fieldId } from './answers.js';
import { readStoredDraft } from './draftStorage.js';
import type { StepState } from './form.js';

/**
 * The optional copy of the court order on the form's court-order page. It is uploaded to the saved draft
 * as soon as it is chosen (the draft exists from the first Continue), shown with its name and size and a
 * Remove button, and goes with the referral when it is sent. A signed-in coordinator entering a referral
 * for someone uses this same form, and so the same draft.
 */
export function CourtOrderFile({ orderGiven }: { orderGiven: boolean }) {
  const { t } = useTranslation();
  const words = useFileWords();
  const draft = readStoredDraft();
  const attached = useDraftCourtOrder(draft);
  const attach = useAttachToDraft(draft);
  const remove = useRemoveFromDraft(draft);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const attachedRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const file = attached.data ?? null;

  if (!orderGiven && !file) return null;

  const choose = (chosen: File | null) => {
    if (!chosen) return;
    setError(null);
    if (!draft) {
      setError(t('files.draft.notSaved'));
      setAnnouncement(t('files.draft.failed', { message: t('files.draft.notSaved') }));
      return;
    }
    if (chosen.size > MAX_FILE_BYTES) {
      setError(t('files.tooLarge'));
      setAnnouncement(t('files.draft.failed', { message: t('files.tooLarge') }));
      return;
    }
    setProgress({ name: chosen.name, fraction: 0 });
    setAnnouncement(t('files.draft.uploading', { name: chosen.name }));
    attach.mutate(
      { file: chosen, onProgress: (fraction) => setProgress({ name: chosen.name, fraction }) },
      {
        onSuccess: (stored) => {
          setAnnouncement(t('files.draft.attachedNow', { name: stored.fileName }));
          window.setTimeout(() => attachedRef.current?.focus(), 0);
        },
        onError: (failure) => {
          const message = errorMessage(failure);
          setError(message);
          setAnnouncement(t('files.draft.failed', { message }));
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  const removeFile = () => {
    setError(null);
    remove.mutate(undefined, {
      onSuccess: () => {
        setAnnouncement(t('files.draft.removedNow'));
        window.setTimeout(() => inputRef.current?.focus(), 0);
      },
      onError: (failure) => setError(errorMessage(failure)),
    });
  };

  return (
    <Stack gap="xs">
      {file ? (
        <Paper
          withBorder
          p="sm"
          ref={attachedRef}
          tabIndex={-1}
          component="section"
          aria-labelledby={titleId}
        >
          <Stack gap="xs">
            <Title order={2} size="h4" id={titleId}>
              {t('files.draft.attachedTitle')}
            </Title>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconFileText size={22} aria-hidden="true" style={{ flexShrink: 0 }} />
              <Text style={{ overflowWrap: 'anywhere' }}>
                {t('files.draft.attached', { name: file.fileName, details: words.describe(file) })}
              </Text>
            </Group>
            <Text size="sm">{t('files.draft.replaceHint')}</Text>
            <Button
              variant="default"
              style={{ alignSelf: 'flex-start' }}
              loading={remove.isPending}
              onClick={removeFile}
            >
              {t('files.draft.remove')}
              <VisuallyHidden> {file.fileName}</VisuallyHidden>
            </Button>
            {error && (
              <Text c="red.9" size="sm">
                {error}
              </Text>
            )}
          </Stack>
        </Paper>
      ) : (
        <FileInput
          ref={inputRef}
          id={fieldId('courtOrderFile')}
          label={t('files.draft.label')}
          description={t('files.draft.hint')}
          placeholder={t('files.draft.choose')}
          accept={ACCEPTED_FILES}
          value={null}
          onChange={choose}
          error={error}
          disabled={progress !== null}
          leftSection={<IconUpload size={18} aria-hidden="true" />}
          size="md"
        />
      )}
      {progress && (
        <Stack gap={4}>
          <Text size="sm">{t('files.draft.uploading', { name: progress.name })}</Text>
          <Progress
            value={Math.round(progress.fraction * 100)}
            size="md"
            aria-label={t('files.draft.progressLabel')}
          />
        </Stack>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </Stack>
  );
}

/** The check-your-answers section for the copy of the order, with a way back to change it. */
export function CourtOrderFileCheck({ orderGiven }: { orderGiven: boolean }) {
  const { t } = useTranslation();
  const words = useFileWords();
  const attached = useDraftCourtOrder(readStoredDraft());
  const headingId = useId();
  const file = attached.data ?? null;
  if (!orderGiven && !file) return null;
  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId} className="answer-section">
      <Group justify="space-between" align="baseline" gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {t('files.check.title')}
        </Title>
        <Anchor component={Link} to="/refer/court-order" state={{ returnToCheck: true } satisfies StepState}>
          {t('files.check.change')}
          <VisuallyHidden> {t('files.check.changeWhat')}</VisuallyHidden>
        </Anchor>
      </Group>
      <dl className="answer-list">
        <div className="answer-row">
          <dt>{t('files.check.file')}</dt>
          <dd style={{ overflowWrap: 'anywhere' }}>
            {file
              ? t('files.draft.attached', { name: file.fileName, details: words.describe(file) })
              : t('files.check.none')}
          </dd>
        </div>
      </dl>
    </Stack>
  );
}

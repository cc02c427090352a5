import { Anchor, Group, List, Stack, Text } from '@mantine/core';
import { IconFileText, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StoredFileView } from '../../../shared/api/files.js';
import { formatDateTime } from '../lib/dates.js';

const KINDS: Record<string, 'pdf' | 'jpeg' | 'png' | 'webp' | 'heic'> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heic',
};

/** A file's kind and size in words: "PDF, 240 KB". */
export function useFileWords() {
  const { t, i18n } = useTranslation();
  const number = (value: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value);
  const size = (bytes: number) => {
    if (bytes < 1024) return t('files.size.bytes', { size: number(bytes) });
    if (bytes < 1024 * 1024) return t('files.size.kilobytes', { size: number(Math.round(bytes / 1024)) });
    return t('files.size.megabytes', { size: number(bytes / (1024 * 1024)) });
  };
  const kind = (mediaType: string) => t(`files.kinds.${KINDS[mediaType] ?? 'other'}`);
  return {
    size,
    kind,
    describe: (file: { mediaType: string; sizeBytes: number }) =>
      t('files.described', { kind: kind(file.mediaType), size: size(file.sizeBytes) }),
  };
}

interface DocumentListProps {
  files: StoredFileView[];
  /** Where each file downloads from. */
  hrefOf: (file: StoredFileView) => string;
  timeZone: string;
  /** The court order in force, so that its copies can say so. */
  currentOrderId?: string | null;
}

/**
 * Files kept with a referral or case, each a download link (the server answers it as an attachment,
 * never shown inside the app), with its kind, size, and who added it when.
 */
export function DocumentList({ files, hrefOf, timeZone, currentOrderId }: DocumentListProps) {
  const { t } = useTranslation();
  const words = useFileWords();
  if (files.length === 0) return <Text>{t('files.documents.none')}</Text>;
  return (
    <List spacing="sm" listStyleType="none">
      {files.map((file) => {
        const when = formatDateTime(file.uploadedAt, timeZone);
        const Icon = file.mediaType === 'application/pdf' ? IconFileText : IconPhoto;
        return (
          <List.Item key={file.id}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Icon size={22} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor
                  href={hrefOf(file)}
                  download={file.fileName}
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                  aria-label={t('files.documents.download', { name: file.fileName })}
                >
                  {file.fileName}
                </Anchor>
                <Text size="sm">{words.describe(file)}</Text>
                <Text size="sm">
                  {file.fromReferral
                    ? t('files.documents.sentWithReferral', { when })
                    : file.uploadedBy
                      ? t('files.documents.addedBy', { name: file.uploadedBy, when })
                      : t('files.documents.added', { when })}
                </Text>
                {file.courtOrderId && currentOrderId !== undefined && (
                  <Text size="sm">
                    {file.courtOrderId === currentOrderId
                      ? t('files.documents.copyOfCurrentOrder')
                      : t('files.documents.copyOfEarlierOrder')}
                  </Text>
                )}
              </Stack>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}

import { Button, FileInput, Group, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_FILES, MAX_FILE_BYTES } from '../../../../shared/api/files.js';
import { errorMessage } from '../../api/client.js';
import { caseFileUrl, useAttachToCourtOrder } from '../../api/files.js';
import { DocumentList } from '../../components/DocumentList.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { notifySuccess } from '../../components/notify.js';
import { canAtCentre } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { useCurrentCentre } from '../../session/useCurrentCentre.js';
import { canWriteCases } from './access.js';
import type { CaseDetail } from './types.js';

const FILE_FIELD_ID = 'attach-order-file';

/**
 * The case's documents (copies of court orders), for staff who may read case documents, each a download;
 * and, for those who may change the case, a way to attach a copy to the court order in force — for when
 * the order arrives after the referral.
 */
export function CaseDocuments({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { timeZone } = useCurrentCentre();
  const [opened, setOpened] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const mayRead = record.files !== undefined && canAtCentre(session, record.centreId, 'case-documents:read');
  const currentOrder = record.courtOrders.find((order) => order.supersededAt === null);
  const mayAttach =
    Boolean(currentOrder) && record.status !== 'closed' && canWriteCases(session, record.centreId);
  if (!mayRead && !mayAttach) return null;

  return (
    <Stack gap="xs" component="section" aria-labelledby="case-documents-heading">
      <Title order={2} size="h3" id="case-documents-heading" tabIndex={-1}>
        {t('files.documents.title')}
      </Title>
      {mayRead && record.files && (
        <>
          {record.files.length > 0 && <Text>{t('files.documents.intro')}</Text>}
          <DocumentList
            files={record.files}
            hrefOf={(file) => caseFileUrl(record.centreId, record.id, file.id)}
            timeZone={timeZone}
            currentOrderId={currentOrder?.id ?? null}
          />
        </>
      )}
      {mayAttach && currentOrder && (
        <>
          <Button
            ref={openButton}
            variant="default"
            leftSection={<IconUpload size={18} aria-hidden="true" />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setOpened(true)}
          >
            {t('files.attach.open')}
          </Button>
          <Modal
            opened={opened}
            onClose={() => setOpened(false)}
            onExitTransitionEnd={() => openButton.current?.focus()}
            title={t('files.attach.title')}
          >
            {opened && (
              <AttachForm
                centreId={record.centreId}
                caseId={record.id}
                orderId={currentOrder.id}
                onClose={() => setOpened(false)}
              />
            )}
          </Modal>
        </>
      )}
    </Stack>
  );
}

function AttachForm({
  centreId,
  caseId,
  orderId,
  onClose,
}: {
  centreId: string;
  caseId: string;
  orderId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const attach = useAttachToCourtOrder(centreId, caseId);
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [progress, setProgress] = useState<number | null>(null);

  const refuse = (message: string, besideField: boolean) => {
    setFieldError(besideField ? message : null);
    setFormError(besideField ? null : message);
    setAttempt((count) => count + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return refuse(t('files.attach.required'), true);
    if (file.size > MAX_FILE_BYTES) return refuse(t('files.tooLarge'), true);
    setFieldError(null);
    setFormError(null);
    setProgress(0);
    attach.mutate(
      { orderId, file, onProgress: setProgress },
      {
        onSuccess: () => {
          notifySuccess(t('files.attach.done'));
          onClose();
        },
        // What is wrong with the file itself (type, size, empty) belongs beside the field.
        onError: (failure) => {
          const status = (failure as { status?: number }).status;
          refuse(errorMessage(failure), status === 413 || status === 422);
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('files.attach.intro')}</Text>
        <ErrorSummary
          errors={fieldError ? { file: fieldError } : {}}
          formError={formError}
          fields={[{ name: 'file', id: FILE_FIELD_ID }]}
          attempt={attempt}
        />
        <FileInput
          id={FILE_FIELD_ID}
          label={t('files.attach.label')}
          placeholder={t('files.attach.choose')}
          accept={ACCEPTED_FILES}
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setFieldError(null);
          }}
          error={fieldError}
          disabled={progress !== null}
          leftSection={<IconUpload size={18} aria-hidden="true" />}
          data-autofocus
        />
        {progress !== null && (
          <Stack gap={4}>
            <Text size="sm" role="status">
              {t('files.attach.uploading')}
            </Text>
            <Progress value={Math.round(progress * 100)} aria-label={t('files.draft.progressLabel')} />
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={attach.isPending}>
            {t('files.attach.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../../shared/api/session-records.js';
import { errorMessage } from '../../api/client.js';
import { useFollowUpDone } from '../../api/sessionRecords.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { notifySuccess } from '../../components/notify.js';
import { useDialogTarget } from '../../components/useDialogTarget.js';

/**
 * Marking an incident's follow-up done, after a confirmation: `start(incident)` opens the dialog, which
 * the caller places with `dialog`. Used on the case page and on the follow-ups page. `onExited` puts the
 * focus back when the dialog has gone.
 */
export function useMarkFollowUpDone(centreId: string, onExited: () => void) {
  const { t } = useTranslation();
  const done = useFollowUpDone(centreId);
  const marking = useDialogTarget<IncidentView>();
  const start = (incident: IncidentView) => {
    done.reset();
    marking.open(incident);
  };
  const confirm = () => {
    const incident = marking.target;
    if (!incident) return;
    done.mutate(incident.id, {
      onSuccess: () => {
        notifySuccess(t('sessionRecords.incidents.markedDone'));
        marking.close();
      },
    });
  };
  const dialog = (
    <ConfirmDialog
      opened={marking.opened}
      title={t('sessionRecords.incidents.markDoneTitle')}
      message={
        marking.target ? t('sessionRecords.incidents.markDoneMessage', { text: marking.target.followUp }) : ''
      }
      confirmLabel={t('sessionRecords.incidents.markDoneConfirm')}
      pending={done.isPending}
      error={done.error ? errorMessage(done.error) : null}
      onConfirm={confirm}
      onClose={marking.close}
      onExited={onExited}
    />
  );
  return { start, dialog };
}

import { ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message-box/style/css';
import { onBeforeUnmount, onMounted } from 'vue';
import { useI18n } from 'vue-i18n';
import { onBeforeRouteLeave, onBeforeRouteUpdate } from 'vue-router';

export interface LeaveGuardOptions {
  /** Unsaved changes, edits the editors have not handed over yet included. */
  isDirty: () => boolean;
}

/**
 * Asks before leaving the page while there are unsaved changes: on in-app navigation with a
 * dialog, on closing or reloading the tab with the browser's own prompt.
 */
export function useLeaveGuard({ isDirty }: LeaveGuardOptions): void {
  const { t } = useI18n();

  async function confirmLeave(): Promise<boolean> {
    if (!isDirty()) return true;
    try {
      await ElMessageBox.confirm(t('studio.editor.leaveMessage'), t('studio.editor.leaveTitle'), {
        confirmButtonText: t('studio.editor.leave'),
        cancelButtonText: t('studio.editor.stay'),
        type: 'warning',
      });
      return true;
    } catch {
      return false;
    }
  }

  onBeforeRouteLeave(confirmLeave);
  onBeforeRouteUpdate(confirmLeave);

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (isDirty()) event.preventDefault();
  };
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload));
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload));
}

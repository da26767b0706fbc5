import { App, type ButtonProps } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { blockNavigation } from '../app/router.tsx';
import { useI18n, type Translate } from '../i18n/i18n.tsx';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

/**
 * Asks "有未保存的修改，确定放弃吗？"; resolves true when the user chose to discard. Esc or the
 * cancel button keep the edits. `reload` words it for a reload of the server's version instead.
 */
export function confirmDiscard(modal: ModalApi, t: Translate, purpose: 'leave' | 'reload' = 'leave'): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: t(purpose === 'leave' ? 'unsaved.title' : 'conflict.reloadTitle'),
      content: t(purpose === 'leave' ? 'unsaved.content' : 'conflict.reloadContent'),
      okText: t(purpose === 'leave' ? 'unsaved.discard' : 'conflict.reload'),
      cancelText: t('unsaved.stay'),
      okButtonProps: { danger: true, 'data-testid': 'discard-confirm' } as ButtonProps,
      cancelButtonProps: { 'data-testid': 'discard-stay' } as ButtonProps,
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/**
 * While `dirty`, leaving asks first: the app's own navigation and back/forward (a router check), and
 * closing or reloading the tab (the browser's beforeunload prompt). Returns `confirmLeave` for the
 * page's own ways out (a dialog's Cancel, X, Esc, mask): true when there is nothing to lose or the
 * user chose to discard. One question at a time: a second way out while it is asked gets its answer.
 */
export function useUnsavedChanges(dirty: boolean): { confirmLeave: () => Promise<boolean> } {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const pending = useRef<Promise<boolean> | null>(null);

  const ask = useCallback(() => {
    pending.current ??= confirmDiscard(modal, t).finally(() => {
      pending.current = null;
    });
    return pending.current;
  }, [modal, t]);
  const confirmLeave = useCallback(() => (dirtyRef.current ? ask() : Promise.resolve(true)), [ask]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Chromium before 119 and Safari show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const unblock = blockNavigation(ask);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      unblock();
    };
  }, [dirty, ask]);

  return { confirmLeave };
}

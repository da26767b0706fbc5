import { App } from 'antd';
import type { MouseEvent } from 'react';
import { errorMessage } from '../http/error-message.ts';
import { fetchFile } from '../http/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fileNameFrom, saveBlob } from './api.ts';

/**
 * The click handler of a download button (Word, PDF, Excel, a report): the file is fetched, not
 * navigated to, so a 429 BUSY (the server is generating other files, decision 022) shows
 * "正在生成，请稍候…" and is retried after the Retry-After delay instead of saving an error as the
 * file. The button keeps its href, so "open in new tab" and copying the link still work.
 */
export function useDownload(): (event: MouseEvent<HTMLElement>, url: string) => void {
  const { message } = App.useApp();
  const { t } = useI18n();
  return (event, url) => {
    event.preventDefault();
    const key = `download:${url}`;
    void (async () => {
      try {
        const response = await fetchFile(url, {
          onBusy: (seconds) =>
            void message.open({ key, type: 'loading', content: t('files.busy', { seconds }), duration: 0 }),
        });
        const blob = await response.blob();
        message.destroy(key);
        saveBlob(
          blob,
          fileNameFrom(response.headers.get('Content-Disposition')) ?? url.split('/').at(-1)!.split('?')[0]!,
        );
      } catch (failure) {
        message.open({ key, type: 'error', content: errorMessage(failure, t) });
      }
    })();
  };
}

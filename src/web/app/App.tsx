import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { AppShell } from './AppShell.tsx';
import { keepScrollersFocusable } from '../shared/focusable-scrollers.ts';

/**
 * Text colours darkened from antd's defaults so that every text reaches WCAG AA contrast (4.5:1) on white and on
 * its tag's tint, as axe-core checks (decision 042): secondary text, descriptions' labels, links, status colours.
 */
const THEME = {
  token: {
    colorPrimary: '#b71c1c',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // A disabled button carries its reason in a tooltip and stays readable (AA on antd's grey), also while
    // it fades from enabled to disabled as a step completes: axe caught it mid-transition at 3.25:1.
    colorTextDisabled: 'rgba(0, 0, 0, 0.58)',
    colorLink: '#0958d9',
    colorInfo: '#0958d9',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#c41d1d',
    fontFamily:
      "-apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif",
  },
};

function LocalisedApp() {
  const { locale, t } = useI18n();
  useEffect(() => keepScrollersFocusable(document.body), []);
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
    document.title = `绩效 · ${t('app.title')}`;
  }, [locale, t]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={THEME}>
      <AppShell />
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalisedApp />
    </I18nProvider>
  );
}

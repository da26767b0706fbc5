/** The report downloads' words (src/web/i18n/messages.ts spreads them in). */
export const zhCN = {
  'reports.evaluation': '导出自评表',
  'reports.monitoring': '导出监控表（截至{month}月）',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'reports.evaluation': 'Export the self-evaluation form',
  'reports.monitoring': 'Export the monitoring form (to month {month})',
};

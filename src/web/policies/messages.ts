/** The policies page's words (src/web/i18n/messages.ts spreads them in). */
export const zhCN = {
  'policies.link': '规则设置',
  'policies.title': '规则设置',
  'policies.subtitle':
    '本机构的审核、运行监控和绩效评分规则。只需写要改的项，未写的项取默认值；说明见 docs/policies.md。',
  'policies.tab.review': '审核规则',
  'policies.tab.monitoring': '运行监控',
  'policies.tab.scoring': '绩效评分',
  'policies.org': '机构编码',
  'policies.orgHint': '管理员须指定机构，如 SHG-CZJ',
  'policies.editor': '生效的设置（可编辑，JSON）',
  'policies.defaults': '默认值',
  'policies.storedNone': '本机构尚未保存此类设置，当前全部取默认值。',
  'policies.save': '保存',
  'policies.reset': '恢复默认（清空已保存的设置）',
  'policies.saved': '已保存',
  'policies.badJson': 'JSON 格式有误：{message}',
  'policies.notObject': '设置须是一个 JSON 对象 {…}',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'policies.link': 'Policies',
  'policies.title': 'Policies',
  'policies.subtitle':
    "This organisation's review, monitoring and scoring rules. Write only what you change; the rest keep their defaults. See docs/policies.md.",
  'policies.tab.review': 'Review',
  'policies.tab.monitoring': 'Monitoring',
  'policies.tab.scoring': 'Scoring',
  'policies.org': 'Organisation code',
  'policies.orgHint': 'The administrator names an organisation, e.g. SHG-CZJ',
  'policies.editor': 'Effective settings (editable JSON)',
  'policies.defaults': 'Defaults',
  'policies.storedNone': 'Nothing stored for this organisation yet: every setting is the default.',
  'policies.save': 'Save',
  'policies.reset': 'Back to defaults (clear the stored settings)',
  'policies.saved': 'Saved',
  'policies.badJson': 'Not valid JSON: {message}',
  'policies.notObject': 'The settings must be one JSON object {…}',
};

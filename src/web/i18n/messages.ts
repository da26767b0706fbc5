import * as accountWords from '../account/messages.ts';
import * as auditWords from '../audit/messages.ts';
import * as authWords from '../auth/messages.ts';
import * as bureauWords from '../bureau/messages.ts';
import * as departmentEvaluationWords from '../department-evaluation/messages.ts';
import * as disclosureWords from '../disclosure/messages.ts';
import * as filesWords from '../files/messages.ts';
import * as targetsWords from '../targets/messages.ts';
import * as httpWords from '../http/messages.ts';
import * as evaluationWords from '../evaluation/messages.ts';
import * as selfReportWords from '../self-report/messages.ts';
import * as monitoringWords from '../monitoring/messages.ts';
import * as organisationsWords from '../organisations/messages.ts';
import * as policiesWords from '../policies/messages.ts';
import * as projectsWords from '../projects/messages.ts';
import * as reportsWords from '../reports/messages.ts';
import * as resultsWords from '../results/messages.ts';
import * as reviewWords from '../review/messages.ts';
import * as sharedWords from '../shared/messages.ts';
import * as unitsWords from '../units/messages.ts';
import * as usersWords from '../users/messages.ts';
import * as workbenchWords from '../workbench/messages.ts';
import * as workflowWords from '../workflow/messages.ts';
import * as yearsWords from '../years/messages.ts';
import * as vocabularyWords from './vocabulary.ts';

/**
 * The UI's words. Chinese is the reference dictionary; every other locale must have the same
 * keys (the type checker enforces it). Data (names, goals, indicator texts) is never translated.
 * Placeholders are written {name}.
 */
const coreZhCN = {
  'app.title': '预算绩效管理系统',
  'app.language': '语言',
  'app.home': '首页',
  'app.notFound': '页面不存在',
  'app.backHome': '返回首页',
  'app.loading': '加载中…',
  'app.retry': '重试',
  'app.menu': '菜单',

  'units.title': '预算单位',
  'units.subtitle': '选择单位和年度，查看部门绩效目标',
  'units.code': '单位编码',
  'units.name': '单位名称',
  'units.years': '年度',
  'units.empty': '尚无单位数据：请先用命令行导入绩效目标文件',
  'units.year': '{year}年',

  'table.caption': '{n}、{name}绩效目标表',
  'table.unitOfMeasure': '单位：元',
  'table.projectCode': '项目编码',
  'table.projectName': '项目名称',
  'table.budgetAndPurpose': '预算规模及资金用途',
  'table.budget': '预算数',
  'table.fiscal': '其中：财政资金',
  'table.other': '其他资金',
  'table.spendingPlan': '资金支出计划（%）',
  'table.monthEnd': '{month}月底',
  'table.goals': '绩效目标',
  'table.level1': '一级指标',
  'table.level2': '二级指标',
  'table.level3': '三级指标',
  'table.description': '绩效指标描述',
  'table.target': '指标值',
  'table.basis': '指标值确定依据',
  'table.missingTarget': '缺少指标值',
  'table.edit': '编辑',
  'table.delete': '删除项目',
  'table.deleteConfirm': '确定删除项目“{name}”吗？此操作不可撤销。',
  'table.deleted': '项目已删除',

  'editor.titleEdit': '编辑项目：{name}',
  'editor.titleCreate': '新增项目',
  'editor.save': '保存',
  'editor.cancel': '取消',
  'editor.saved': '已保存',
  'editor.sectionBasic': '基本信息',
  'editor.sectionBudget': '预算规模及资金用途（元）',
  'editor.sectionPlan': '资金支出计划（累计 %）',
  'editor.sectionGoals': '绩效目标',
  'editor.sectionIndicators': '绩效指标',
  'editor.code': '项目编码',
  'editor.name': '项目名称',
  'editor.purpose': '资金用途',
  'editor.budgetTotal': '预算数',
  'editor.budgetFiscal': '财政资金',
  'editor.budgetOther': '其他资金',
  'editor.goal': '目标 {n}',
  'editor.addGoal': '添加目标',
  'editor.addIndicator': '添加指标',
  'editor.addCheckpoint': '添加时间点',
  'editor.month': '月份',
  'editor.percent': '累计支出比例',
  'editor.indicator': '指标 {n}',
  'editor.remove': '删除',
  'editor.amountPlaceholder': '如 20000.00',
  'editor.targetPlaceholder': '如 ≥90%',
  'editor.required': '请填写{field}',
  'editor.amountInvalid': '金额应为元，最多两位小数，如 20000.00',
  'editor.amountNegative': '金额不能为负数',
  'editor.budgetIdentity': '预算数（{total}）与财政资金 + 其他资金（{sum}）不相等',
  'editor.percentRange': '比例应在 0–100 之间',
  'editor.monthRange': '月份应为 1–12',
  'editor.issuesTitle': '服务器拒绝了保存，请修改以下问题：',
  'editor.loadFailed': '读取项目失败',

  'error.conflict': '此记录已被他人修改。请重新加载后再操作。',
  'error.notFound': '找不到请求的数据',
  'error.precondition': '保存需要版本号，请刷新后重试',
  'error.validation': '内容不符合要求',
  'error.network': '无法连接服务器',
  'error.server': '服务器错误（{status}）',
  'error.badResponse': '服务器返回的数据格式不正确',
  'error.forbidden': '您的账号无权{action}',
  'permission.targets:read': '查看绩效目标',
  'permission.targets:edit': '修改绩效目标',
  'permission.targets:submit': '提交绩效目标或申请调整',
  'permission.targets:review': '审核绩效目标',
  'permission.monitoring:edit': '填报运行监控',
  'permission.monitoring:act': '下达监控处理措施',
  'permission.evaluation:edit': '填报绩效自评',
  'permission.evaluation:review': '评审或复核绩效自评',
  'permission.audit:read': '查看审计日志',
  'permission.overview:read': '查看单位汇总情况',
  'permission.policies:manage': '设置审核、监控和评分规则',
  'permission.users:manage': '管理用户账号',
  'permission.organisations:manage': '管理机构（财政局、主管部门、单位）',
  'permission.years:manage': '管理年度（开启、关闭年度，设置截止日期）',
  'permission.results:act': '下达、重新打开或销号整改通知',
  'permission.results:reply': '回复整改通知',
  'permission.disclosure:publish': '发布或撤回信息公开',
} as const;

/**
 * Feature folders keep their own words in `<feature>/messages.ts`, exporting `zhCN` (as const)
 * and `en: Record<keyof typeof zhCN, string>`, with keys prefixed by the feature ('review.…').
 * Each is spread in here, one line per feature in each dictionary.
 */
const zhCN = {
  ...coreZhCN,
  ...authWords.zhCN,
  ...accountWords.zhCN,
  ...usersWords.zhCN,
  ...workflowWords.zhCN,
  ...reviewWords.zhCN,
  ...monitoringWords.zhCN,
  ...evaluationWords.zhCN,
  ...selfReportWords.zhCN,
  ...departmentEvaluationWords.zhCN,
  ...filesWords.zhCN,
  ...reportsWords.zhCN,
  ...policiesWords.zhCN,
  ...auditWords.zhCN,
  ...resultsWords.zhCN,
  ...yearsWords.zhCN,
  ...disclosureWords.zhCN,
  ...organisationsWords.zhCN,
  ...bureauWords.zhCN,
  ...unitsWords.zhCN,
  ...workbenchWords.zhCN,
  ...targetsWords.zhCN,
  ...projectsWords.zhCN,
  ...sharedWords.zhCN,
  ...vocabularyWords.zhCN,
  ...httpWords.zhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
export type Dictionary = Record<MessageKey, string>;

const coreEn: Record<keyof typeof coreZhCN, string> = {
  'app.title': 'Budget Performance Management',
  'app.language': 'Language',
  'app.home': 'Home',
  'app.notFound': 'Page not found',
  'app.backHome': 'Back to home',
  'app.loading': 'Loading…',
  'app.retry': 'Retry',
  'app.menu': 'Menu',

  'units.title': 'Budget units',
  'units.subtitle': "Choose a unit and a year to see the department's performance targets",
  'units.code': 'Unit code',
  'units.name': 'Unit name',
  'units.years': 'Years',
  'units.empty': 'No units yet: import a targets document with the command line first',
  'units.year': '{year}',

  'table.caption': '{n}. {name}: performance targets',
  'table.unitOfMeasure': 'Unit: CNY',
  'table.projectCode': 'Project code',
  'table.projectName': 'Project name',
  'table.budgetAndPurpose': 'Budget and use of funds',
  'table.budget': 'Budget',
  'table.fiscal': 'of which fiscal funds',
  'table.other': 'Other funds',
  'table.spendingPlan': 'Spending plan (%)',
  'table.monthEnd': 'End of month {month}',
  'table.goals': 'Performance goals',
  'table.level1': 'Level 1',
  'table.level2': 'Level 2',
  'table.level3': 'Level 3 indicator',
  'table.description': 'Description',
  'table.target': 'Target value',
  'table.basis': 'Basis',
  'table.missingTarget': 'Missing value',
  'table.edit': 'Edit',
  'table.delete': 'Delete project',
  'table.deleteConfirm': 'Delete project "{name}"? This cannot be undone.',
  'table.deleted': 'Project deleted',

  'editor.titleEdit': 'Edit project: {name}',
  'editor.titleCreate': 'New project',
  'editor.save': 'Save',
  'editor.cancel': 'Cancel',
  'editor.saved': 'Saved',
  'editor.sectionBasic': 'Basics',
  'editor.sectionBudget': 'Budget and use of funds (CNY)',
  'editor.sectionPlan': 'Spending plan (cumulative %)',
  'editor.sectionGoals': 'Performance goals',
  'editor.sectionIndicators': 'Indicators',
  'editor.code': 'Project code',
  'editor.name': 'Project name',
  'editor.purpose': 'Use of funds',
  'editor.budgetTotal': 'Budget',
  'editor.budgetFiscal': 'Fiscal funds',
  'editor.budgetOther': 'Other funds',
  'editor.goal': 'Goal {n}',
  'editor.addGoal': 'Add goal',
  'editor.addIndicator': 'Add indicator',
  'editor.addCheckpoint': 'Add checkpoint',
  'editor.month': 'Month',
  'editor.percent': 'Cumulative share',
  'editor.indicator': 'Indicator {n}',
  'editor.remove': 'Remove',
  'editor.amountPlaceholder': 'e.g. 20000.00',
  'editor.targetPlaceholder': 'e.g. ≥90%',
  'editor.required': '{field} is required',
  'editor.amountInvalid': 'Amount in CNY with at most two decimals, e.g. 20000.00',
  'editor.amountNegative': 'Amount cannot be negative',
  'editor.budgetIdentity': 'Budget ({total}) differs from fiscal + other funds ({sum})',
  'editor.percentRange': 'Share must be between 0 and 100',
  'editor.monthRange': 'Month must be 1–12',
  'editor.issuesTitle': 'The server refused to save; please fix:',
  'editor.loadFailed': 'Could not load the project',

  'error.conflict': 'Someone else changed this record. Reload and try again.',
  'error.notFound': 'Not found',
  'error.precondition': 'Saving needs a version; refresh and try again',
  'error.validation': 'Invalid content',
  'error.network': 'Cannot reach the server',
  'error.server': 'Server error ({status})',
  'error.badResponse': 'The server sent data in an unexpected shape',
  'error.forbidden': 'Your account may not {action}',
  'permission.targets:read': 'view performance targets',
  'permission.targets:edit': 'edit performance targets',
  'permission.targets:submit': 'submit targets or request an adjustment',
  'permission.targets:review': 'review performance targets',
  'permission.monitoring:edit': 'record monitoring',
  'permission.monitoring:act': 'order monitoring actions',
  'permission.evaluation:edit': 'fill in self-evaluations',
  'permission.evaluation:review': 'review or re-check self-evaluations',
  'permission.audit:read': 'read the audit log',
  'permission.overview:read': 'view the overview of units',
  'permission.policies:manage': 'set review, monitoring and scoring policies',
  'permission.users:manage': 'manage user accounts',
  'permission.organisations:manage': 'manage organisations (bureaus, departments, units)',
  'permission.years:manage': 'manage fiscal years (open, close, set deadlines)',
  'permission.results:act': 'issue, reopen or close rectification notices',
  'permission.results:reply': 'answer rectification notices',
  'permission.disclosure:publish': 'publish or withdraw disclosure packages',
};

const en: Dictionary = {
  ...coreEn,
  ...authWords.en,
  ...accountWords.en,
  ...usersWords.en,
  ...workflowWords.en,
  ...reviewWords.en,
  ...monitoringWords.en,
  ...evaluationWords.en,
  ...selfReportWords.en,
  ...departmentEvaluationWords.en,
  ...filesWords.en,
  ...reportsWords.en,
  ...policiesWords.en,
  ...auditWords.en,
  ...resultsWords.en,
  ...yearsWords.en,
  ...disclosureWords.en,
  ...organisationsWords.en,
  ...bureauWords.en,
  ...unitsWords.en,
  ...workbenchWords.en,
  ...targetsWords.en,
  ...projectsWords.en,
  ...sharedWords.en,
  ...vocabularyWords.en,
  ...httpWords.en,
};

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DICTIONARIES: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };

/**
 * Words a key in the UI's language. `locale` tells the few callers that choose between the server's
 * Chinese sentence and one the web composes (src/web/http/issue-text.ts); absent, Chinese is assumed.
 */
export interface Translate {
  (key: MessageKey, params?: Record<string, string | number>): string;
  readonly locale?: Locale;
}

/** The translate function of one locale (the app's I18nProvider, tests). */
export function translator(locale: Locale): Translate {
  return Object.assign((key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params), {
    locale,
  });
}

/** Fills {placeholders}; an unknown placeholder stays visible rather than vanishing. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = DICTIONARIES[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

import { fieldLabel } from './field-labels.ts';

/**
 * The audit log in plain words (issue 17 item 7): what each recorded action and entity is called,
 * and an entry's before/after as field changes with readable values. Shared by the web page (which
 * words actions and entities in the UI's language: web/audit/messages.ts, kept equal to these by a
 * test) and the Excel export (Chinese, like every official export). No internal key reaches a person.
 */

/** Each action as a verb phrase: "张三 于 … 修改了 项目 P001". */
export const AUDIT_ACTIONS = {
  'create-project': '新增了',
  'update-project': '修改了',
  'delete-project': '删除了',
  'import-targets': '导入了',
  'adjust-budget': '调整了',
  'submit-targets': '提交了',
  'withdraw-targets': '撤回了',
  'review-targets': '审核了',
  'return-targets': '退回了',
  'approve-targets': '审核通过了',
  'request-adjustment-targets': '申请调整了',
  'agree-adjustment-targets': '同意调整了',
  'reject-adjustment-targets': '不同意调整',
  'add-review-comment': '批注了',
  'record-review-opinion': '出具了',
  'put-policy': '修改了',
  'put-review-policy': '修改了',
  'record-monitoring-entry': '填报了',
  'record-indicator-progress': '填报了',
  'import-monitoring': '导入了',
  'import-payments': '导入了',
  'submit-monitoring': '报送了',
  'record-monitoring-action': '发出了',
  'update-monitoring-action': '更新了',
  'save-evaluation': '保存了',
  'submit-evaluation': '提交了',
  'rescore-evaluation': '复核调整了',
  'finalise-evaluation': '确定了',
  'reopen-evaluation': '重新打开了',
  'edit-self-report': '修改了',
  'restore-self-report': '恢复了生成的文字：',
  'freeze-self-report': '定稿了',
  'create-organisation': '新增了',
  'update-organisation': '修改了',
  'rename-organisation': '更名了',
  'move-organisation': '调整了隶属关系：',
  'activate-organisation': '启用了',
  'deactivate-organisation': '停用了',
  'create-user': '新增了',
  'update-user': '修改了',
  'enable-user': '启用了',
  'disable-user': '停用了',
  'reset-password': '重置了密码：',
  'set-password': '设置了密码：',
  'change-password': '修改了密码：',
  'create-first-admin': '创建了',
  'sign-in': '登录了',
  'open-fiscal-year': '开启了',
  'close-fiscal-year': '关闭了',
  'reopen-fiscal-year': '重新开启了',
  'generate-data': '生成了',
  'reorder-projects': '调整了项目顺序：',
  'update-overall-indicators': '修改了整体指标：',
  'save-department-evaluation': '保存了',
  'submit-department-evaluation': '提交了',
  'approve-department-evaluation': '审核通过了',
  'return-department-evaluation': '退回了',
  'rescore-department-evaluation': '复核调整了',
  'finalise-department-evaluation': '确定了',
  'reopen-department-evaluation': '重新打开了',
  'issue-rectification': '下发了',
  'reply-rectification': '回复了',
  'reopen-rectification': '重新打开了',
  'close-rectification': '销号了',
  'upload-rectification-evidence': '上传了证明材料：',
} as const;

/** Each kind of thing changed, as a noun: "… 修改了 项目 P001". */
export const AUDIT_ENTITIES = {
  project: '项目',
  'project-budget': '项目预算',
  'project-spending': '项目支出',
  'target-document': '绩效目标',
  workflow: '审核流程',
  'review-comment': '审核批注',
  'review-opinion': '审核意见书',
  policy: '规则设置',
  'monitoring-entry': '支出记录',
  'indicator-progress': '指标进度',
  'monitoring-file': '监控文件',
  'payments-file': '支付文件',
  'monitoring-submission': '监控报送',
  'monitoring-action': '监控处理',
  evaluation: '绩效自评',
  'self-report': '自评报告',
  'evaluation-evidence': '自评佐证材料',
  organisation: '机构',
  user: '用户',
  session: '系统',
  'fiscal-year': '年度',
  'generated-units': '演示数据',
  rectification: '整改通知',
  'department-evaluation': '部门整体自评',
} as const;

/** Actions whose entity their name does not end with. */
const ACTION_ENTITY: Record<string, string> = {
  'import-targets': 'target-document',
  'reorder-projects': 'target-document',
  'update-overall-indicators': 'target-document',
  'adjust-budget': 'project-budget',
  'import-monitoring': 'monitoring-file',
  'import-payments': 'payments-file',
  'submit-monitoring': 'monitoring-submission',
  'put-review-policy': 'policy',
  'reset-password': 'user',
  'set-password': 'user',
  'change-password': 'user',
  'create-first-admin': 'user',
  'sign-in': 'session',
  'generate-data': 'generated-units',
  'upload-rectification-evidence': 'rectification',
};

/**
 * The entity an action acts on, so that a filter's choices read 修改了 项目 / 修改了 规则设置 rather than
 * the same verb twice: the table above, `…-targets` → the targets, else the entity the name ends with.
 */
export function actionEntity(action: string): string {
  if (ACTION_ENTITY[action]) return ACTION_ENTITY[action];
  if (action.endsWith('-targets')) return 'target-document';
  const entities = Object.keys(AUDIT_ENTITIES).sort((a, b) => b.length - a.length);
  return entities.find((entity) => action.endsWith(`-${entity}`)) ?? 'record';
}

const VERBS: Record<string, string> = {
  create: '新增了',
  update: '修改了',
  delete: '删除了',
  import: '导入了',
  submit: '提交了',
  record: '记录了',
  batch: '批量处理了',
};

/** The kind of body an entity's fields belong to, so that a project's `name` reads 项目名称. */
const FIELD_ROOTS: Record<string, string> = { project: 'projects', 'project-budget': 'projects' };

/** A changed field of an entry in words (field-labels.ts): “项目名称”, 第 2 个指标的“指标值”. */
export function auditFieldLabel(entity: string, path: readonly string[]): string {
  return fieldLabel(path, FIELD_ROOTS[entity]);
}

/** An action's verb phrase; one not in the table by its first word (batch-…, a new action), never its key. */
export function actionWords(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? VERBS[action.split('-')[0]!] ?? '处理了';
}

export function entityWords(entity: string): string {
  return (AUDIT_ENTITIES as Record<string, string>)[entity] ?? '记录';
}

const POLICY_KIND_WORDS: Record<string, string> = { review: '审核规则', monitoring: '运行监控', scoring: '绩效评分' };

/** An entry's key as read: a policy's `SHG-CZJ/monitoring` is SHG-CZJ（运行监控）; other keys are codes people know. */
export function entityKeyWords(entity: string, key: string): string {
  if (entity !== 'policy') return key;
  const [org, kind = ''] = key.split('/');
  return POLICY_KIND_WORDS[kind] ? `${org}（${POLICY_KIND_WORDS[kind]}）` : key;
}

/** One field an entry changed: where, and its values as text. */
export interface AuditChange {
  path: string[];
  before: string;
  after: string;
}

/** Fields compared this deep below the entry (a project's budget.total, not the whole budget). */
const MAX_DEPTH = 3;
/** Bookkeeping that changes with every write and says nothing to a person. */
const SKIPPED = new Set(['version', 'updatedAt', 'updated_at', 'createdAt', 'id', 'passwordHash']);

/**
 * The fields that differ between before and after, leaf by leaf (a versioned project is compared on
 * the project itself). A creation or a deletion has no field changes: the sentence says it all.
 */
export function auditChanges(before: unknown, after: unknown, limit = 120): AuditChange[] {
  if (before === null || before === undefined || after === null || after === undefined) return [];
  const changes: AuditChange[] = [];
  walk(unwrap(before), unwrap(after), [], changes, limit);
  return changes;
}

function walk(a: unknown, b: unknown, path: string[], out: AuditChange[], limit: number): void {
  if (same(a, b)) return;
  if (isRecord(a) && isRecord(b) && path.length < MAX_DEPTH) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!SKIPPED.has(key)) walk(a[key], b[key], [...path, key], out, limit);
    }
    return;
  }
  out.push({ path, before: plainValue(a, limit), after: plainValue(b, limit) });
}

/** A value as a person reads it: text as is, 是/否, a list joined by 、, a list of records counted. */
function plainValue(value: unknown, limit = 120): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return cut(value, limit);
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null))
      return cut(value.map((item) => plainValue(item, limit)).join('、'), limit);
    return `${value.length} 项`;
  }
  if (isRecord(value)) {
    const parts = Object.entries(value)
      .filter(([key, item]) => !SKIPPED.has(key) && typeof item !== 'object')
      .map(([, item]) => plainValue(item, limit));
    return parts.length > 0 ? cut(parts.join('，'), limit) : `${Object.keys(value).length} 项`;
  }
  return cut(String(value), limit);
}

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

function unwrap(value: unknown): unknown {
  return isRecord(value) && isRecord(value['project']) ? value['project'] : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The words of the shared editing guards: unsaved changes and stale writes (src/web/i18n/messages.ts spreads them in). */
export const zhCN = {
  'unsaved.title': '有未保存的修改，确定放弃吗？',
  'unsaved.content': '离开后，本页尚未保存的修改将会丢失。',
  'unsaved.discard': '放弃修改',
  'unsaved.stay': '继续编辑',
  'conflict.sentences': '{what}{then}',
  'conflict.changedBy': '此记录已被 {name} 于 {time} 修改。',
  'conflict.changed': '此记录已被他人修改。',
  'conflict.unsaved': '您的修改尚未保存。',
  'conflict.retry': '请重新加载后再操作。',
  'conflict.reload': '重新加载',
  'conflict.dismiss': '取消',
  'conflict.reloadTitle': '重新加载将放弃您的修改，确定吗？',
  'conflict.reloadContent': '将显示服务器上的最新内容；您在此处的修改不会保存。',
};

export const en: Record<keyof typeof zhCN, string> = {
  'unsaved.title': 'You have unsaved changes. Discard them?',
  'unsaved.content': 'If you leave, the changes not yet saved on this page are lost.',
  'unsaved.discard': 'Discard changes',
  'unsaved.stay': 'Keep editing',
  'conflict.sentences': '{what} {then}',
  'conflict.changedBy': '{name} changed this record at {time}.',
  'conflict.changed': 'Someone else changed this record.',
  'conflict.unsaved': 'Your changes have not been saved.',
  'conflict.retry': 'Reload and try again.',
  'conflict.reload': 'Reload',
  'conflict.dismiss': 'Cancel',
  'conflict.reloadTitle': 'Reloading discards your changes. Continue?',
  'conflict.reloadContent': 'The latest version from the server is shown; your changes here are not saved.',
};

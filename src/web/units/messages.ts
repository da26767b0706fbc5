/** Words of the unit list's server-side search, year filter and pager (首页). */
export const zhCN = {
  'units.search': '单位编码或名称',
  'units.anyYear': '全部年度',
  'units.total': '共 {n} 个单位',
  'units.noMatch': '没有符合条件的单位',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'units.search': 'Unit code or name',
  'units.anyYear': 'All years',
  'units.total': '{n} units',
  'units.noMatch': 'No unit matches',
};

import { Tag } from 'antd';
import type { ProjectMonitoringView } from '../../contract/monitoring.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatYuan } from '../shared/format.ts';

const LIKELIHOOD_COLORS: Record<string, string> = { 确定能: 'green', 有可能: 'orange', 不可能: 'red' };

/** The 绩效运行监控表 of one project in the official layout: money block, then one row per indicator. */
export function MonitoringTable({
  project,
  seq,
  asOfMonth,
}: {
  project: ProjectMonitoringView;
  seq: number;
  asOfMonth: number;
}) {
  const { t } = useI18n();
  const rate = project.executionRate === null ? '—' : `${project.executionRate}%`;
  // The unit's own 全年预计执行数 at the latest checkpoint shown (136号); the computed one is only a hint beside it.
  const entry = project.entries.filter((e) => e.month <= asOfMonth).at(-1);
  return (
    <div className="monitoring-table-wrap" data-testid={`monitoring-${project.code}`}>
      <div className="monitoring-caption">
        <span>
          {seq}、{project.name}（{project.code}）
        </span>
        <span>{t('monitoring.unitOfMeasure')}</span>
      </div>
      <table className="monitoring-table">
        <tbody>
          <tr>
            <th>{t('monitoring.initialBudget')}</th>
            <th>{t('monitoring.adjustedBudget')}</th>
            <th>
              {t('monitoring.spent')}（{t('monitoring.monthEnd', { month: asOfMonth })}）
            </th>
            <th>{t('monitoring.rate')}</th>
            <th colSpan={2}>{t('monitoring.forecast')}</th>
          </tr>
          <tr data-testid="money-row">
            <td>{formatYuan(project.initialBudget)}</td>
            <td title={project.adjustments.map((a) => `${a.effectiveDate} ${a.reason}`).join('\n')}>
              {project.adjustedBudget === null ? '—' : formatYuan(project.adjustedBudget)}
              {project.adjustments.at(-1) && (
                <div className="monitoring-note">{project.adjustments.at(-1)!.reason}</div>
              )}
            </td>
            <td data-testid="spent">{formatYuan(project.spentToDate)}</td>
            <td data-testid="rate">{rate}</td>
            <td colSpan={2} data-testid="forecast">
              {entry ? formatYuan(entry.forecastFullYear) : t('monitoring.notEntered')}
              {project.forecastFullYear !== null && (
                <div className="monitoring-note">
                  {t('monitoring.forecastHint', { amount: formatYuan(project.forecastFullYear) })}
                </div>
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="monitoring-table">
        <thead>
          <tr>
            <th>{t('table.level1')}</th>
            <th>{t('table.level2')}</th>
            <th>{t('monitoring.level3')}</th>
            <th>{t('monitoring.target')}</th>
            <th>{t('monitoring.valueToDate')}</th>
            <th>{t('monitoring.fullYear')}</th>
            <th>{t('monitoring.likelihood')}</th>
            <th>{t('monitoring.deviation')}</th>
            <th>{t('monitoring.measures')}</th>
          </tr>
        </thead>
        <tbody>
          {project.indicators.map((indicator) => {
            const latest = indicator.progress.filter((p) => p.month <= asOfMonth).at(-1);
            return (
              <tr key={indicator.name} data-testid="indicator-progress-row">
                <td>{indicator.level1}</td>
                <td>{indicator.level2}</td>
                <td>{indicator.name}</td>
                <td>{indicator.target}</td>
                {latest ? (
                  <>
                    <td>
                      {latest.valueToDate}
                      <div className="monitoring-note">{t('monitoring.monthEnd', { month: latest.month })}</div>
                    </td>
                    <td>{latest.forecast}</td>
                    <td>
                      <Tag color={LIKELIHOOD_COLORS[latest.likelihood]}>{latest.likelihood}</Tag>
                    </td>
                    <td>
                      {(latest.deviationCategories ?? []).join('、') || (latest.deviationCategory ?? '')}
                      {latest.reason ? `：${latest.reason}` : ''}
                    </td>
                    <td>{latest.measures}</td>
                  </>
                ) : (
                  <td colSpan={5} className="monitoring-missing">
                    {t('monitoring.notEntered')}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

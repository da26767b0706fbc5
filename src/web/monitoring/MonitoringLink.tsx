import { LineChartOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { navigate } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** Opens the unit-year's 绩效运行监控 (everyone who reads targets may read it). */
export function MonitoringLink({ unitCode, year }: { unitCode: string; year: number }) {
  const { t } = useI18n();
  return (
    <Button
      icon={<LineChartOutlined />}
      onClick={() => navigate({ name: 'monitoring', unitCode, year })}
      data-testid="open-monitoring"
    >
      {t('monitoring.open')}
    </Button>
  );
}

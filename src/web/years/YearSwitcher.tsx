import { CalendarOutlined } from '@ant-design/icons';
import { Select, Tag } from 'antd';
import { navigate, useRoute } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { chooseYear, useCurrentYear, useYears } from './current-year.ts';
import './years.css';

/**
 * The header's year switcher: the user's years, a closed one marked read-only. Choosing a year remembers it
 * and, on a page that belongs to a year (a unit's targets, monitoring, 自评, …), opens the same page of that year.
 */
export function YearSwitcher() {
  const { t } = useI18n();
  const route = useRoute();
  const items = useYears();
  const current = useCurrentYear();
  if (!items || items.length === 0) return null;
  const routeYear = 'year' in route ? route.year : null;
  const shown = routeYear ?? current;
  const closed = items.find((item) => item.year === shown)?.status === 'closed';
  const onChange = (year: number) => {
    chooseYear(year);
    if ('year' in route && route.year !== year) navigate({ ...route, year });
  };
  return (
    <span className="year-switcher" data-testid="year-switcher">
      <Select<number>
        size="small"
        aria-label={t('years.switcher')}
        value={shown ?? undefined}
        onChange={onChange}
        popupMatchSelectWidth={false}
        prefix={<CalendarOutlined aria-hidden />}
        // The chosen year shows as its number; whether it is closed, the tag beside says.
        labelRender={(chosen) => String(chosen.value)}
        options={items.map((item) => ({
          value: item.year,
          // The number alone (the icon and the label say it is the year): the header has little room.
          label: item.status === 'closed' ? `${item.year} · ${t('years.closedTag')}` : String(item.year),
        }))}
      />
      {closed && (
        <Tag color="default" className="year-closed-tag" data-testid="year-closed-tag">
          {t('years.closedTag')}
        </Tag>
      )}
    </span>
  );
}

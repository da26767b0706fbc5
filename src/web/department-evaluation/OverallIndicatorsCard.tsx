import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { OverallTargets } from '../../domain/targets.ts';
import { navigate } from '../app/router.tsx';
import { errorMessage } from '../http/error-message.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { saveOverallIndicators } from './api.ts';
import { type IndicatorRow, bodyOf, emptyRow, rowsFromNarrative, rowsOf } from './overall-indicators.ts';
import './department-evaluation.css';

interface Props {
  unitCode: string;
  year: number;
  overall: OverallTargets;
  /** The targets document's version as read (If-Match of the save). */
  version: number;
  canEdit: boolean;
  onSaved: () => void;
}

type TextKey = 'level1' | 'level2' | 'name' | 'target' | 'basis';
const TEXT_KEYS: TextKey[] = ['level1', 'level2', 'name', 'target', 'basis'];
const LABELS = {
  level1: 'deptEval.level1',
  level2: 'deptEval.level2',
  name: 'deptEval.name',
  target: 'deptEval.target',
  basis: 'overallInd.basis',
} as const;

/**
 * 部门整体绩效指标 on the department page (decision 045): the overall targets' indicators and 年度预算, seeded on
 * request from the numbers in the goal text, saved through the targets document (locked with it), and the way
 * to the year-end 部门整体支出绩效自评表.
 */
export function OverallIndicatorsCard({ unitCode, year, overall, version, canEdit, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [rows, setRows] = useState<IndicatorRow[]>(() => rowsOf(overall));
  const [budget, setBudget] = useState({ fiscal: overall.budget?.fiscal ?? '', other: overall.budget?.other ?? '' });
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setRows(rowsOf(overall));
    setBudget({ fiscal: overall.budget?.fiscal ?? '', other: overall.budget?.other ?? '' });
  }, [overall]);

  const generate = () => {
    const found = rowsFromNarrative(overall);
    if (found.length === 0) message.info(t('overallInd.noneFound'));
    else {
      setRows(found);
      message.success(t('overallInd.generated', { n: found.length }));
    }
  };
  const save = async () => {
    setSaving(true);
    try {
      await saveOverallIndicators(unitCode, year, version, bodyOf(rows, budget));
      message.success(t('overallInd.saved'));
      onSaved();
    } catch (failure) {
      message.error(errorMessage(failure, t));
    } finally {
      setSaving(false);
    }
  };
  const edit = (index: number, key: TextKey, value: string) =>
    setRows((all) => all.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  const cell = (row: IndicatorRow, index: number, key: TextKey) =>
    canEdit ? (
      <Input
        size="small"
        aria-label={`${t(LABELS[key])} ${index + 1}`}
        value={row[key]}
        onChange={(ev) => edit(index, key, ev.target.value)}
        data-testid={`overall-${index}-${key}`}
      />
    ) : (
      row[key]
    );
  return (
    <Card
      className="page-card overall-indicators"
      title={t('overallInd.title')}
      data-testid="overall-indicators"
      extra={
        <Button
          type="link"
          onClick={() => navigate({ name: 'department-evaluation', unitCode, year })}
          data-testid="dept-eval-link"
        >
          {t('deptEval.link')}
        </Button>
      }
    >
      <p>{t('overallInd.hint')}</p>
      {canEdit && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Button onClick={generate} data-testid="overall-generate">
            {t('overallInd.generate')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setRows((all) => [...all, emptyRow()])}>
            {t('overallInd.add')}
          </Button>
        </Space>
      )}
      <Table
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('overallInd.empty') }}
        dataSource={rows.map((row, index) => ({ row, index, key: index }))}
        columns={[
          ...TEXT_KEYS.map((key) => ({
            title: t(LABELS[key]),
            key,
            width: key === 'name' ? 180 : 120,
            render: (_: unknown, r: { row: IndicatorRow; index: number }) => cell(r.row, r.index, key),
          })),
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 60,
                  render: (_: unknown, r: { index: number }) => (
                    <Button
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={`${t('overallInd.remove')} ${r.index + 1}`}
                      onClick={() => setRows((all) => all.filter((_row, i) => i !== r.index))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <span>{t('overallInd.budget')}</span>
        {(['fiscal', 'other'] as const).map((source) => (
          <Input
            key={source}
            size="small"
            inputMode="decimal"
            style={{ width: 160 }}
            addonBefore={t(`overallInd.${source}`)}
            aria-label={t(`overallInd.${source}`)}
            value={budget[source]}
            disabled={!canEdit}
            onChange={(ev) => setBudget((b) => ({ ...b, [source]: ev.target.value }))}
            data-testid={`overall-budget-${source}`}
          />
        ))}
        {canEdit && (
          <Button type="primary" loading={saving} onClick={save} data-testid="overall-save">
            {t('overallInd.save')}
          </Button>
        )}
      </Space>
      {!canEdit && rows.length > 0 && <Alert type="info" showIcon title={t('overallInd.locked')} />}
    </Card>
  );
}

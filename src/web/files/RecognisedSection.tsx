import { Card, Collapse, Descriptions, List, Space, Table, Typography } from 'antd';
import type { ImportPreview, RecognisedTableView } from '../../contract/documents.ts';
import { type Translate, useI18n } from '../i18n/i18n.tsx';
import { derivedCodeLines, mappingRows, moneyText, recognisedAs, unitMatchSentence } from './recognised.ts';

/**
 * 识别结果 (issue 15 item 8): before anything is stored, how the unit was matched, what each table of the file was
 * recognised as (layout, money unit and its conversion, rows read and skipped, the columns → fields mapping), and
 * the project codes derived for projects without one. Cards and lists stack on a phone; the mapping table scrolls
 * inside its panel rather than widening the dialog.
 */
export function RecognisedSection({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const tables = preview.recognised ?? [];
  const derived = derivedCodeLines(preview.document, t);
  return (
    <Card size="small" title={t('files.recognised')} data-testid="upload-recognised">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {preview.unitMatch && (
          <Typography.Text data-testid="upload-unit-match">
            {t('files.unit')}：{unitMatchSentence(preview.unitMatch, t)}
          </Typography.Text>
        )}
        {tables.length === 0 && <Typography.Text type="secondary">{t('files.ownLayout')}</Typography.Text>}
        {tables.map((table) => (
          <RecognisedTableCard key={table.grid} table={table} />
        ))}
        {derived.length > 0 && (
          <List
            size="small"
            header={t('files.derivedCodes', { n: derived.length })}
            dataSource={derived}
            renderItem={(line) => <List.Item>{line}</List.Item>}
            data-testid="upload-derived-codes"
          />
        )}
      </Space>
    </Card>
  );
}

function RecognisedTableCard({ table }: { table: RecognisedTableView }) {
  const { t } = useI18n();
  const details =
    table.kind === null
      ? [{ key: 'headers', label: t('files.headers'), children: table.headers.join('、') }]
      : [
          { key: 'money', label: t('files.moneyUnit'), children: moneyText(table, t) },
          { key: 'rows', label: t('files.rowsRead'), children: t('files.rowsCount', { n: table.rowsRead }) },
        ];
  const panels = [
    ...(table.rowsSkipped.length > 0
      ? [{ key: 'skipped', label: skippedLabel(table, t), children: skipped(table) }]
      : []),
    ...(table.columns.length > 0
      ? [{ key: 'mapping', label: mappingLabel(table, t), children: mapping(table, t) }]
      : []),
  ];
  return (
    <Card size="small" type="inner" title={table.source} data-testid="recognised-table">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          {
            key: 'as',
            label: t('files.recognisedAs'),
            children: <Typography.Text strong>「{recognisedAs(table, t)}」</Typography.Text>,
          },
          ...details,
        ]}
      />
      {panels.length > 0 && (
        <Collapse size="small" ghost items={panels} defaultActiveKey={['skipped']} style={{ marginTop: 8 }} />
      )}
    </Card>
  );
}

const skippedLabel = (table: RecognisedTableView, t: Translate) =>
  t('files.rowsSkipped', { n: table.rowsSkipped.length });

function skipped(table: RecognisedTableView) {
  return (
    <List
      size="small"
      dataSource={table.rowsSkipped}
      renderItem={(row) => (
        <List.Item>
          <Typography.Text type="secondary">{row.place}</Typography.Text>：{row.reason}
        </List.Item>
      )}
      data-testid="recognised-skipped"
    />
  );
}

function mappingLabel(table: RecognisedTableView, t: Translate): string {
  return t('files.mapping', { n: mappingRows(table, t).length });
}

function mapping(table: RecognisedTableView, t: Translate) {
  return (
    <Table
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowKey="place"
      dataSource={mappingRows(table, t)}
      columns={[
        { title: t('files.mapping.label'), dataIndex: 'label' },
        {
          title: t('files.mapping.field'),
          render: (_, row) => (row.extra ? <Typography.Text type="secondary">{row.field}</Typography.Text> : row.field),
        },
        { title: t('files.mapping.place'), dataIndex: 'place' },
      ]}
      data-testid="recognised-mapping"
    />
  );
}

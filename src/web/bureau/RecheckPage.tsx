import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  InputNumber,
  List,
  Radio,
  Select,
  Skeleton,
  Space,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { SampleResultSchema } from '../../contract/evaluation.ts';
import { Link } from '../app/router.tsx';
import { errorMessage } from '../http/error-message.ts';
import { fetchFiscalYears } from '../http/endpoints.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from '../shared/LoadError.tsx';
import { useAsync } from '../shared/use-async.ts';
import { type SampleBody, drawRecheckSample, finaliseUnselected } from './api.ts';
import './bureau.css';

type Rule = Extract<SampleBody, { method: 'rule' }>['rules'][number];
const RULES: Rule[] = ['excellent-low-execution', 'high-score'];
const newSeed = () => Math.floor(Math.random() * 2 ** 31);

/**
 * The bureau's 复核 of a year's 自评 (财预〔2020〕10号, decision 035): draw the sample among the
 * department-reviewed 自评表 (a seeded random share, shown so the draw can be repeated, or by rule), open
 * each drawn 自评表 to re-score it, then finalise the unselected ones in one batch.
 */
export default function RecheckPage() {
  return (
    <App>
      <YearChoice />
    </App>
  );
}

function YearChoice() {
  const { t } = useI18n();
  const [chosen, setYear] = useState<number | undefined>(undefined);
  const years = useAsync(fetchFiscalYears, 'years');
  const year = chosen ?? years.data?.[0];
  if (!years.data)
    return years.error !== undefined ? (
      <LoadError error={years.error} onRetry={years.reload} />
    ) : (
      <Skeleton active paragraph={{ rows: 6 }} />
    );
  const select = (
    <Select
      aria-label={t('dept.fiscalYear')}
      size="small"
      value={year}
      style={{ width: 110 }}
      options={years.data.map((y) => ({ value: y, label: t('units.year', { year: y }) }))}
      onChange={setYear}
    />
  );
  return (
    <div className="recheck-page" data-testid="recheck-page">
      <Card className="page-card" title={t('recheck.title')} extra={select}>
        {year === undefined ? <Empty /> : <YearRecheck key={year} year={year} />}
      </Card>
    </div>
  );
}

function YearRecheck({ year }: { year: number }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [method, setMethod] = useState<'random' | 'rule'>('random');
  const [sharePercent, setShare] = useState<number | null>(20);
  const [seed, setSeed] = useState<number | null>(newSeed);
  const [rules, setRules] = useState<Rule[]>(['excellent-low-execution']);
  const [busy, setBusy] = useState(false);
  const [draws, setDraws] = useDraws(year);
  const [finalised, setFinalised] = useState<string[] | null>(null);
  const drawn = [...new Set(draws.flatMap((d) => d.result.selected))];

  const body = (): SampleBody | null => {
    if (method === 'rule') return rules.length === 0 ? null : { method, rules };
    if (sharePercent === null || seed === null) return null;
    return { method, share: sharePercent / 100, seed };
  };
  const draw = async () => {
    const how = body();
    if (how === null) return void message.error(t('recheck.incomplete'));
    setBusy(true);
    try {
      const result = await drawRecheckSample(year, how);
      const described =
        how.method === 'random'
          ? t('recheck.howRandom', { share: sharePercent ?? 0, seed: how.seed })
          : how.rules.map((r) => t(`recheck.rule.${r}`)).join('；');
      setDraws((d) => [...d, { result, how: described }]);
    } catch (failure) {
      message.error(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };
  const finalise = () =>
    modal.confirm({
      title: t('recheck.finaliseConfirmTitle', { year }),
      content: t('recheck.finaliseConfirm'),
      okText: t('recheck.finalise'),
      cancelText: t('recheck.cancel'),
      onOk: async () => {
        try {
          setFinalised(await finaliseUnselected(year));
        } catch (failure) {
          message.error(errorMessage(failure, t));
        }
      },
    });

  return (
    <Space orientation="vertical" size="middle" className="recheck-body">
      <Form layout="vertical" className="recheck-form">
        <Form.Item label={t('recheck.method')} htmlFor="recheck-method">
          <Radio.Group
            id="recheck-method"
            value={method}
            onChange={(e) => setMethod(e.target.value as 'random' | 'rule')}
            options={[
              { value: 'random', label: t('recheck.random') },
              { value: 'rule', label: t('recheck.byRule') },
            ]}
          />
        </Form.Item>
        {method === 'random' ? (
          <Space wrap align="end">
            <Form.Item label={t('recheck.share')} htmlFor="recheck-share">
              <InputNumber id="recheck-share" min={1} max={100} value={sharePercent} onChange={setShare} suffix="%" />
            </Form.Item>
            <Form.Item label={t('recheck.seed')} htmlFor="recheck-seed" extra={t('recheck.seedHint')}>
              <Space.Compact>
                <InputNumber
                  id="recheck-seed"
                  className="recheck-seed"
                  min={0}
                  max={2 ** 31 - 1}
                  value={seed}
                  onChange={setSeed}
                />
                <Button onClick={() => setSeed(newSeed())}>{t('recheck.newSeed')}</Button>
              </Space.Compact>
            </Form.Item>
          </Space>
        ) : (
          <Form.Item label={t('recheck.rules')}>
            <Checkbox.Group
              value={rules}
              onChange={(values) => setRules(values)}
              options={RULES.map((r) => ({ value: r, label: t(`recheck.rule.${r}`) }))}
            />
          </Form.Item>
        )}
        <Button type="primary" loading={busy} onClick={() => void draw()} data-testid="recheck-draw">
          {t('recheck.draw')}
        </Button>
      </Form>
      {draws.map(({ result, how }) => (
        <Alert
          key={result.id}
          type="info"
          title={t('recheck.drawn', { id: result.id, candidates: result.candidates, n: result.selected.length })}
          description={how}
        />
      ))}
      {draws.length > 0 && (
        <List
          data-testid="recheck-drawn"
          header={t('recheck.drawnList')}
          bordered
          size="small"
          dataSource={drawn}
          locale={{ emptyText: t('recheck.noneDrawn') }}
          renderItem={(unitCode) => (
            <List.Item>
              <Space wrap>
                <span>{unitCode}</span>
                <Link to={{ name: 'evaluation', unitCode, year }}>{t('recheck.open')}</Link>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Space wrap>
        <Button danger onClick={finalise} data-testid="recheck-finalise">
          {t('recheck.finalise')}
        </Button>
        <span className="recheck-hint">{t('recheck.finaliseHint')}</span>
      </Space>
      {finalised !== null && <FinaliseResults finalised={finalised} drawn={drawn} />}
    </Space>
  );
}

const DrawsSchema = z.array(z.object({ result: SampleResultSchema, how: z.string() }));
type Draw = z.infer<typeof DrawsSchema>[number];

/** This session's draws of a year, kept in sessionStorage so opening a drawn 自评表 and coming back keeps the list. */
function useDraws(year: number): [Draw[], (change: (draws: Draw[]) => Draw[]) => void] {
  const key = `jixiao.recheck.${year}`;
  const [draws, setDraws] = useState<Draw[]>(() => {
    try {
      const stored = DrawsSchema.safeParse(JSON.parse(sessionStorage.getItem(key) ?? '[]'));
      return stored.success ? stored.data : [];
    } catch {
      return [];
    }
  });
  useEffect(() => sessionStorage.setItem(key, JSON.stringify(draws)), [key, draws]);
  return [draws, setDraws];
}

/** Per unit-year: finalised by the batch, or left for 复核 (drawn in this session). */
function FinaliseResults({ finalised, drawn }: { finalised: string[]; drawn: string[] }) {
  const { t } = useI18n();
  const rows = [
    ...finalised.map((unitCode) => ({ unitCode, done: true })),
    ...drawn.filter((c) => !finalised.includes(c)).map((unitCode) => ({ unitCode, done: false })),
  ];
  return (
    <List
      data-testid="recheck-results"
      header={t('recheck.results', { n: finalised.length })}
      bordered
      size="small"
      dataSource={rows}
      locale={{ emptyText: t('recheck.noneFinalised') }}
      renderItem={(row) => (
        <List.Item data-testid={`recheck-result-${row.unitCode}`}>
          <Space wrap>
            <span>{row.unitCode}</span>
            {row.done ? <Tag color="green">{t('recheck.finalised')}</Tag> : <Tag>{t('recheck.keptForRecheck')}</Tag>}
          </Space>
        </List.Item>
      )}
    />
  );
}

import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableNumeric = ColumnType<string | null, string | null, string | null>;

export interface EvaluationUnitYearsTable {
  unit_id: number;
  fiscal_year: number;
  /** draft → submitted (locked) → reviewed (department approved) → final (bureau); decision 035. */
  status: 'draft' | 'submitted' | 'reviewed' | 'final';
  /** Selected by the bureau for 复核 (re-check). */
  recheck: ColumnType<boolean, boolean | undefined, boolean>;
  /** The department's last return comment, or the bureau's reopen reason. */
  review_comment: ColumnType<string, string | undefined, string>;
  /** Bumped by every save: a save names the version it was based on (compare-and-set, decision 023). */
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface EvaluationProjectsTable {
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  /** Why 预算执行率 stayed below 90 %. */
  execution_reason: ColumnType<string, string | undefined, string>;
  /** 全年执行数 其中 财政拨款 / 其他资金 as entered in the 自评表 (decision 035); null = not split. */
  spent_fiscal: ColumnType<string | null, string | null | undefined, string | null>;
  spent_other: ColumnType<string | null, string | null | undefined, string | null>;
  /** Per-project category points (JSON text written, object read); null = the policy's. */
  category_points: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface EvaluationIndicatorsTable {
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  indicator_name: string;
  /** 实际完成值 as written; null = not reported. */
  actual: string | null;
  not_applicable: ColumnType<boolean, boolean | undefined, boolean>;
  deviation_reason: ColumnType<string, string | undefined, string>;
  improvement_measures: ColumnType<string, string | undefined, string>;
  /** Points set for this indicator; null = its category's even share. */
  weight: NullableNumeric;
  /** The evaluator's band (达成/部分达成/未达成) and the score inside it, % of the weight. */
  band: ColumnType<
    QualitativeBandColumn | null,
    QualitativeBandColumn | null | undefined,
    QualitativeBandColumn | null
  >;
  band_percent: ColumnType<string | null, string | null | undefined, string | null>;
  score_reason: ColumnType<string, string | undefined, string>;
  percent_confirmed: ColumnType<boolean, boolean | undefined, boolean>;
}

type QualitativeBandColumn = 'achieved' | 'partly' | 'notAchieved';

/** The bureau's 复核 re-score of one indicator: its own inputs and the reason; the unit's stay in evaluation_indicators. */
export interface EvaluationRechecksTable {
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  indicator_name: string;
  actual: string | null;
  band: QualitativeBandColumn | null;
  band_percent: string | null;
  reason: string;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface EvaluationSamplesTable {
  id: Generated<number>;
  fiscal_year: number;
  method: 'random' | 'rule';
  parameters: ColumnType<unknown, string, string>;
  selected: ColumnType<unknown, string, string>;
  created_by: string;
  created_at: Timestamp;
}

export interface EvaluationAttachmentsTable {
  id: Generated<number>;
  unit_id: number;
  fiscal_year: number;
  project_code: string;
  file_name: string;
  media_type: string;
  size: number;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface EvaluationTables {
  evaluation_unit_years: EvaluationUnitYearsTable;
  evaluation_projects: EvaluationProjectsTable;
  evaluation_indicators: EvaluationIndicatorsTable;
  evaluation_rechecks: EvaluationRechecksTable;
  evaluation_samples: EvaluationSamplesTable;
  evaluation_attachments: EvaluationAttachmentsTable;
}

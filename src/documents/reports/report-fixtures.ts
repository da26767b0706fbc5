import type { EvaluationReport, MonitoringReport } from './types.ts';

/*
 * Small hand-written reports for the writer tests: two indicators share 一级 and 二级 (one merge each),
 * one indicator is missed (analysis given), one is not applicable.
 */
export function evaluationFixture(): EvaluationReport {
  return {
    unitCode: '711002', unitName: '秦皇岛市山海关区总工会', department: '秦皇岛市山海关区总工会（部门）', fiscalYear: 2020, meanScore: 91.5,
    projects: [{
      code: '711-0701-JBN-PGN6', name: '困难职工帮扶资金', goals: ['帮扶困难职工 100 人', '发放及时'],
      achieved: '绩效指标共 3 项：达成 1 项，未完全达成 1 项，不适用 1 项。',
      initialBudget: '20000.00', adjustedBudget: '20000.00', spent: '19600.00',
      execution: { rate: 98, weight: 10, points: 9.8 }, executionReason: '',
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '帮扶人数', target: '≥100人', actual: '90人', notApplicable: false, weight: 25, points: 22.5, analysis: '部分职工已脱困\n下年核实名单' },
        { level1: '产出指标', level2: '数量指标', name: '补助金发放率', target: '=100%', actual: '100%', notApplicable: false, weight: 25, points: 25, analysis: '' },
        { level1: '效益指标', level2: '社会效益指标', name: '生活改善情况', target: '有所改善', actual: null, notApplicable: true, weight: 0, points: null, analysis: '' },
      ],
      score: 91.5, grade: '优', incomplete: false,
    }, {
      code: '711-0403-JBN-MQNI', name: '职工体检费', goals: ['完成体检'], achieved: '',
      initialBudget: '1234567.80', adjustedBudget: '1200000.00', spent: '960000.00',
      execution: { rate: 80, weight: 10, points: 8 }, executionReason: '体检推迟到次年一月',
      indicators: [], score: 58, grade: '差', incomplete: false,
    }],
  };
}

export function monitoringFixture(): MonitoringReport {
  return {
    unitCode: '711002', unitName: '秦皇岛市山海关区总工会', department: null, fiscalYear: 2020, asOfMonth: 7,
    projects: [{
      code: '711-0701-JBN-PGN6', name: '困难职工帮扶资金', initialBudget: '20000.00', adjustedBudget: null, spentToDate: '9000.00',
      executionRate: '45.00', forecastFullYear: '19800.00',
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '帮扶人数', target: '≥100人', month: 7, valueToDate: '45人', forecast: '95人', likelihood: '有可能', deviationCategory: '人员保障', reason: '摸底未完成', measures: '八月完成摸底' },
        { level1: '产出指标', level2: '数量指标', name: '补助金发放率', target: '=100%', month: 6, valueToDate: '50%', forecast: '100%', likelihood: '确定能', deviationCategory: '', reason: '', measures: '' },
        { level1: '满意度指标', level2: '服务对象满意度指标', name: '受助职工满意度', target: '≥90%', month: null, valueToDate: '', forecast: '', likelihood: '', deviationCategory: '', reason: '', measures: '' },
      ],
    }],
  };
}

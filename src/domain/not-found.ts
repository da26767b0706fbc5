import { AppError } from './errors.ts';

/** The NOT_FOUND of every unit-year and project lookup, in the same words wherever it is raised. */

export function targetsNotFound(key: { unitCode: string; fiscalYear: number }): AppError {
  return new AppError('NOT_FOUND', `单位 ${key.unitCode} 没有 ${key.fiscalYear} 年度的绩效目标`);
}

export function projectNotFound(key: { unitCode: string; fiscalYear: number; projectCode: string }): AppError {
  return new AppError('NOT_FOUND', `单位 ${key.unitCode} ${key.fiscalYear} 年度没有编码为 ${key.projectCode} 的项目`);
}

export * from './plan.ts';
export * from './policy.ts';
export * from './progress.ts';
export * from './warnings.ts';
export * from './summary.ts';

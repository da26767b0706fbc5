import { z } from 'zod';

/** Validation messages speak Chinese first, as the UI does. Called once per process/page. */
export function useChineseValidationMessages(): void {
  z.config(z.locales.zhCN());
}

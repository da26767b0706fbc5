import { CONTENT_TYPES, type ExportedFile } from '../documents/targets-export.ts';

/** The blank Excel template for bulk entry (drop-downs, instructions). */
export async function exportTemplate(): Promise<ExportedFile> {
  const { writeTemplateXlsx } = await import('../documents/xlsx/index.ts');
  return { content: await writeTemplateXlsx(), ...CONTENT_TYPES.xlsx, fileName: '绩效目标填报模板.xlsx' };
}

export { writeTargetsXlsx, writeTemplateXlsx } from './write-targets-xlsx.ts';
export { readTargetsXlsx, type XlsxReadResult } from './read-targets-xlsx.ts';

export { writeTargetsPdf } from './write-pdf.ts';

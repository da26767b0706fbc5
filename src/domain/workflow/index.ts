/** The approval workflow of targets as data, and the field-by-field difference of two versions. */
export * from './states.ts';
export * from './diff.ts';

// Public API of the shared indicator logic (issue 12): periods, specs, grading, the 766 index,
// the year-end forecast.

export * from './forecast.ts';
export * from './grading.ts';
export * from './index766.ts';

export * from './period.ts';
export * from './spec.ts';

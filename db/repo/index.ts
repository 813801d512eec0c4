export * from './talks.js';
export * from './runs.js';
export * from './polls.js';
export * from './votes.js';
export * from './questions.js';
export * from './engagement.js';
export * from './secrets.js';
export * from './quiz.js';

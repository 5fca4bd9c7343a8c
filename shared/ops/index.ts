export * from './apply';
export * from './doc';
export * from './edits';
export * from './ops';

export * from './board';
export * from './edges';
export * from './ids';
export * from './levels';
export * from './limits';
export * from './nodes';
export * from './schemas';

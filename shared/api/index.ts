export * from './contract';
export * from './wire';

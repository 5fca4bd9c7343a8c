export * from './contract';
export * from './wire';
export * from './shell-paths';

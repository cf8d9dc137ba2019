/** The schemas' public face: the registry of collections, the shared building blocks, the closed lists. */
export * from './collections.ts';
export * from './common.ts';
export * from './field-names.ts';
export * from './vocabulary.ts';

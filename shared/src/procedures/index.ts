// Public API of the procedure catalogue (danh mục thủ tục hành chính): schemas, labels and
// search folding shared by server and web.

export { foldVietnamese, searchTokens, withinOneEdit } from './fold.ts';
export * from './form-schema.ts';
export * from './procedure.schema.ts';

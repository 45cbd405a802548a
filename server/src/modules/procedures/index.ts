/** Public face of the procedures module (danh mục thủ tục hành chính): what other modules may use. */

export { demoProcedures, seedDemoProcedures } from './procedures.demo.js';
export { ProcedureNotFoundError } from './procedures.errors.js';
export { validateFormData } from './procedures.form-data.js';
export { proceduresRoutes } from './procedures.routes.js';
export {
  cachedProcedure,
  getProcedure,
  getProcedureByCode,
  listAllProcedures,
  listProcedures,
} from './procedures.service.js';

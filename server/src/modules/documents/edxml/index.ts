/** Public face of edXML (QCVN 102:2016): packages, status notices, transports. */

export { buildEdxml, buildEdxmlStatus } from './edxml.build.js';
export { EdxmlError, type EdxmlErrorCode } from './edxml.errors.js';
export { edxmlDocumentId } from './edxml.format.js';
export { type ClaimedPackage, FolderInbox, type FolderInboxOptions } from './edxml.inbox.js';
export {
  type EdxmlMessage,
  type EdxmlParseOptions,
  parseEdxml,
  parseEdxmlMessage,
  parseEdxmlStatus,
} from './edxml.parse.js';
export {
  buildSignedEdxml,
  type EdxmlSignatureCheck,
  notSignedCheck,
  verifyEdxmlSignature,
} from './edxml.signature.js';
export {
  type EdxmlReceived,
  type EdxmlSendMeta,
  type EdxmlTransport,
  edxmlFileName,
  type FolderDropItem,
  type FolderDropOptions,
  FolderDropTransport,
  HttpTransport,
  type HttpTransportOptions,
} from './edxml.transport.js';
export {
  EDXML_NAMESPACE,
  type EdxmlAttachment,
  type EdxmlBusiness,
  type EdxmlExtra,
  type EdxmlOrgan,
  type EdxmlPackage,
  type EdxmlPackageInput,
  type EdxmlStaff,
  type EdxmlStatus,
  type EdxmlStatusInput,
  type EdxmlStatusName,
  type EdxmlTrace,
  edxmlPackageSchema,
  edxmlStatusSchema,
  STATUS_CODES,
  STATUS_NAMES,
  statusOfCode,
  XMLDSIG_NAMESPACE,
} from './edxml.types.js';

/**
 * pdfmake's document types. `@types/pdfmake` is hoisted to the workspace root while pdfmake
 * itself is installed under packages/server, so NodeNext resolution never reaches the types
 * of `pdfmake/interfaces`; they are imported by path (types only, erased at build).
 */
export type {
  Content,
  TDocumentDefinitions,
  TFontDictionary,
  TableCell,
} from '../../../../node_modules/@types/pdfmake/interfaces.js';

/**
 * pdfmake's server-side printer with its bundled Roboto fonts. The printer is built per
 * document (no shared state between requests); no URL is ever fetched and only the font files
 * may be read from disk, so a document definition cannot reach the network or the file system.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TDocumentDefinitions, TFontDictionary } from './pdfTypes.js';

interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', listener: (error?: Error) => void): void;
  end(): void;
}
interface PrinterModule {
  default: new (
    fonts: TFontDictionary,
    virtualfs: unknown,
    urlResolver: unknown,
    localAccessPolicy: (path: string) => boolean,
  ) => { createPdfKitDocument(doc: TDocumentDefinitions): Promise<PdfKitDocument> };
}
interface ResolverModule {
  default: new (virtualfs: unknown) => {
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
  };
}

// pdfmake 0.3's Node build is CommonJS (babel `exports.default`); its types cover only the
// browser-style singleton, so the printer is loaded by path.
const require = createRequire(import.meta.url);
const Printer = (require('pdfmake/js/Printer.js') as PrinterModule).default;
const UrlResolver = (require('pdfmake/js/URLResolver.js') as ResolverModule).default;
const virtualfs: unknown = (require('pdfmake/js/virtual-fs.js') as { default: unknown }).default;
const FONT_DIR = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');

const fonts = (): TFontDictionary => ({
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});

/** Render a document definition to PDF bytes. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const resolver = new UrlResolver(virtualfs);
  resolver.setUrlAccessPolicy(() => false);
  const printer = new Printer(fonts(), virtualfs, resolver, (path) => path.startsWith(FONT_DIR));
  const pdf = await printer.createPdfKitDocument(doc);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    pdf.on('error', (error) => {
      reject(error ?? new Error('PDF rendering failed'));
    });
    pdf.end();
  });
}

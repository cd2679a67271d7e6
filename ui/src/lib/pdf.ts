// pdf.js, loaded only when a PDF is opened (it is large), with its worker
// bundled from the npm package and served from the app itself.
import type { PDFDocumentLoadingTask } from 'pdfjs-dist'

/**
 * Opens a PDF held in memory (bytes the backend read from the course
 * folder). The loading task is returned so the screen can destroy it (and
 * the document with it) when it closes.
 */
export async function openPdf(bytes: ArrayBuffer): Promise<PDFDocumentLoadingTask> {
  const pdfjs = await import('pdfjs-dist')
  const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url')
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default
  // Nothing fetched from elsewhere (no WebAssembly decoders, no remote fonts).
  return pdfjs.getDocument({ data: new Uint8Array(bytes), useWasm: false })
}

// Export: the current design as the engine writes it (serializeTopology), offered as a download.
import { serializeTopology } from '../../src/format/index.js';
import type { FabricDocument } from '../../src/model/types.js';

/** A file name from the design's name: lower-case words joined by '-', never empty. */
export function exportFileName(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return `${slug || 'fabric'}.json`;
}

export function downloadDesign(doc: FabricDocument): void {
  downloadText(serializeTopology(doc), exportFileName(doc.name), 'application/json');
}

/** Offer text as a file download. */
export function downloadText(text: string, fileName: string, type: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob by the next task; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

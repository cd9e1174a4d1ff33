// Files dropped anywhere on the page open like Import JSON…, one design each, in the order dropped.
export function installFileDrop(target: Document, openFiles: (files: File[]) => Promise<void>): void {
  target.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    target.body.classList.add('dropping');
  });
  target.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) target.body.classList.remove('dropping');
  });
  target.addEventListener('drop', async (event) => {
    target.body.classList.remove('dropping');
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    await openFiles(files);
  });
}

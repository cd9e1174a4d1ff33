// Every example in topologies/ (recipes and the hand-written fabric), bundled as text so the app can open any of
// them without a file; a recipe is generated in the loading worker like any recipe file.
const files = import.meta.glob('../../topologies/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface BundledExample {
  file: string;
  /** The recipe's or fabric's name. */
  name: string;
  text: string;
}

export const EXAMPLES: readonly BundledExample[] = Object.entries(files)
  .map(([path, text]) => {
    let name = path;
    try {
      name = (JSON.parse(text) as { name?: string }).name ?? path;
    } catch {
      // A broken example would fail its test in topologies.test.ts; here it is listed by its file name.
    }
    return { file: path.split('/').pop()!, name, text };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

/** One chunk of Vite's build manifest (dist/.vite/manifest.json). */
export interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}
export type BuildManifest = Record<string, ManifestChunk | undefined>;

/**
 * <link> tags for the lazily loaded chunks a rendered page used (the event page and the
 * form are chunks of their own), with the chunks they import: their CSS must be there
 * at first paint, and their scripts are fetched at once rather than after the entry
 * runs. `modules` are the components the render used, as ids relative to the app's root,
 * which are the manifest's keys. Files the shell already loads are left out.
 */
export function preloadLinks(modules: Iterable<string>, manifest: BuildManifest, shell: string): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    scripts.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const id of modules) visit(id);
  const inShell = (file: string) => shell.includes(`/${file}"`);
  return [
    ...[...styles].filter((f) => !inShell(f)).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
    ...[...scripts].filter((f) => !inShell(f)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
  ].join('\n    ');
}

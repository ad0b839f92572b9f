/**
 * A rendered page's stylesheets written into the page itself: on a phone each
 * render-blocking stylesheet costs a round trip before the first paint (Lighthouse's
 * slow 4G: 150 ms each, and the registration form had three), while the portal's CSS is
 * small (about 2 KB gzipped for the shell, 1-2 KB per page). `read` gives a built file's
 * text ('assets/x.css'), or null when it is not there; such a link stays as it was.
 *
 * A lazy page's stylesheet also keeps its <link>, with media="not all": it then blocks
 * nothing, and Vite's preload helper, which looks for that link when the page's chunk is
 * imported on hydration, finds it and does not add the stylesheet a second time.
 */
export function inlineStyles(html: string, shellStyles: ReadonlySet<string>, read: (file: string) => string | null): string {
  return html.replace(/<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/g, (link, file: string) => {
    const css = read(file);
    if (css === null) return link;
    // The text of a <style> element ends only at "</style": built CSS has none, but be sure.
    const style = `<style data-file="/${file}">${css.replace(/<\/style/gi, '<\\/style')}</style>`;
    return shellStyles.has(file) ? style : `${style}<link rel="stylesheet" crossorigin href="/${file}" media="not all">`;
  });
}

/** The stylesheets the built index.html links (the entry's), as 'assets/x.css'. */
export function shellStyles(shell: string): Set<string> {
  return new Set([...shell.matchAll(/<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/g)].map((m) => m[1] ?? ''));
}

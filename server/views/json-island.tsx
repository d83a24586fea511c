import { raw } from 'hono/html';

/**
 * JSON for a <script type="application/json"> element. `<`, `>` and `&` are escaped as \u
 * sequences so no string inside can close the script element or open a comment, and U+2028/9
 * so the text is also valid JavaScript; JSON.parse reads them back unchanged.
 */
function islandJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Data for the page's scripts, embedded safely (see islandJson). */
export function JsonIsland({ id, data }: { id: string; data: unknown }) {
  return (
    <script type="application/json" id={id}>
      {raw(islandJson(data))}
    </script>
  );
}

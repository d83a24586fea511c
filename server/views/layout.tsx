import type { Child } from 'hono/jsx';

export interface AssetUrls {
  css: string;
  js: string | undefined;
}

export interface LayoutProps {
  title: string;
  assets: AssetUrls;
  children?: Child;
}

/** Every page's frame: skip link, the site header, one main landmark. */
export function Layout({ title, assets, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Signpost`}</title>
        <link rel="stylesheet" href={assets.css} />
        {assets.js ? <script type="module" src={assets.js} defer /> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            Signpost
          </a>
          <nav aria-label="Site">
            <a href="/">Dashboard</a>
            <a href="/review">Review</a>
            <a href="/questions/new">New question</a>
            <a href="/docs">API</a>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

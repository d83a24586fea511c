import type { Child } from 'hono/jsx';
import { Allowed, CsrfField, useViewer } from './viewer.js';

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
        {/* No icon to fetch: a browser's request for /favicon.ico would only get a 404. */}
        <link rel="icon" href="data:," />
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
          <SiteNav />
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

/** The site's links, only those the viewer can use, and who is signed in. */
function SiteNav() {
  const viewer = useViewer();
  if (!viewer) {
    return (
      <nav aria-label="Site">
        <a href="/docs">API</a>
      </nav>
    );
  }
  return (
    <nav aria-label="Site">
      <a href="/">Dashboard</a>
      <Allowed permission="scores.read">
        <a href="/review">Review</a>
      </Allowed>
      <Allowed permission="question.write">
        <a href="/questions/new">New question</a>
      </Allowed>
      <Allowed permission="audit.read">
        <a href="/audit">Audit</a>
      </Allowed>
      <Allowed permission="users.manage">
        <a href="/admin/users">Users</a>
      </Allowed>
      <a href="/docs">API</a>
      <a href="/account" class="account" title={`Signed in as ${viewer.username} (${viewer.role})`}>
        {viewer.displayName} · {viewer.role}
      </a>
      <form method="post" action="/sign-out" class="inline">
        <CsrfField />
        <button type="submit" class="link">
          Sign out
        </button>
      </form>
    </nav>
  );
}

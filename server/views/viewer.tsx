import type { Child } from 'hono/jsx';
import { createContext, useContext } from 'hono/jsx';
import { can, type Permission, type Role } from '../domain/roles.js';

/** Who a page is rendered for: what it shows and which forms it offers depend on it. */
export interface Viewer {
  username: string;
  displayName: string;
  role: Role;
  /** The session's CSRF token, which every form posts back. */
  csrfToken: string | undefined;
}

export const ViewerContext = createContext<Viewer | undefined>(undefined);

export function useViewer(): Viewer | undefined {
  return useContext(ViewerContext);
}

/** Whether the page's viewer may do something: pages offer only what the role allows. */
export function useCan(permission: Permission): boolean {
  return can(useViewer()?.role, permission);
}

/** Renders its children only for viewers holding `permission`. */
export function Allowed({ permission, children }: { permission: Permission; children?: Child }) {
  return useCan(permission) ? children : null;
}

/** The hidden field that proves a posted form came from one of this session's pages. */
export function CsrfField() {
  const token = useViewer()?.csrfToken;
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

import type { Fixed, RecordedAt } from './columns.js';

export interface UsersTable {
  id: Fixed<string>;
  username: string;
  display_name: string;
  role: 'viewer' | 'analyst' | 'reviewer' | 'admin' | 'system';
  recorded_at: RecordedAt;
}

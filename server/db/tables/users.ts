import type { ColumnType } from 'kysely';
import type { Role } from '../../domain/roles.js';
import type { Fixed, RecordedAt } from './columns.js';

export interface UsersTable {
  id: Fixed<string>;
  username: string;
  display_name: string;
  role: Role;
  recorded_at: RecordedAt;
  deactivated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

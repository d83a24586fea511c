import type { ColumnType } from 'kysely';
import type { AssignableRole } from '../../domain/roles.js';
import type { Fixed, RecordedAt } from './columns.js';

type Moment = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UserCredentialsTable {
  user_id: Fixed<string>;
  /** A PHC-style scrypt string: algorithm, parameters, salt and hash. */
  password_hash: string;
  must_change: boolean;
  changed_at: Moment;
}

export interface SessionsTable {
  id: Fixed<string>;
  token_hash: Fixed<string>;
  user_id: Fixed<string>;
  csrf_token: Fixed<string>;
  created_at: RecordedAt;
  last_seen_at: Moment;
  expires_at: Fixed<Date | string>;
  ended_at: ColumnType<Date | null, never, Date | string>;
  ended_reason: ColumnType<string | null, never, string>;
}

export interface ApiTokensTable {
  id: Fixed<string>;
  user_id: Fixed<string>;
  name: Fixed<string>;
  role: Fixed<AssignableRole>;
  token_hash: Fixed<string>;
  /** The token's first characters, shown in lists so its owner can tell tokens apart. */
  prefix: Fixed<string>;
  created_at: RecordedAt;
  created_by: Fixed<string>;
  last_used_at: ColumnType<Date | null, never, Date | string>;
  revoked_at: ColumnType<Date | null, never, Date | string>;
  revoked_by: ColumnType<string | null, never, string>;
}

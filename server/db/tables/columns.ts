import type { ColumnType } from 'kysely';

/** A recorded time: set by the database on insert, never changed. */
export type RecordedAt = ColumnType<Date, Date | string | undefined, never>;
/** A timestamp given on insert and never changed. */
export type FixedTime = ColumnType<Date, Date | string, never>;
/** A calendar date, read as 'YYYY-MM-DD' (the parser is set in server/db/connect.ts). */
export type CalendarDate = ColumnType<string, string, never>;
/** A value fixed at insert: the column of an append-only or definitional row. */
export type Fixed<T> = ColumnType<T, T, never>;
/** A column the database fills in when an insert leaves it out. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** A column with a database default, fixed at insert (append-only rows). */
export type FixedDefaulted<T> = ColumnType<T, T | undefined, never>;

import { ASSIGNABLE_ROLES } from '../../domain/roles.js';
import type { userView } from '../../services/accounts.js';
import { DataTable } from '../data-table.js';
import { FormErrors, type FormState, SelectField, TextField } from '../fields.js';
import { day } from '../format.js';
import { CsrfField } from '../viewer.js';
import { SecretBanner } from './secret-banner.js';

type User = ReturnType<typeof userView>;

export interface UsersPageProps {
  users: User[];
  self: string;
  form: FormState;
  /** A temporary password just made (new user or reset), shown on this response only. */
  secret?: { username: string; password: string } | undefined;
  notice?: string | undefined;
}

const ROLE_OPTIONS = ASSIGNABLE_ROLES.map((r) => [r, r] as const);

/** Admins manage users: create, change role, deactivate, reset a password. */
export function UsersPage(props: UsersPageProps) {
  return (
    <>
      <h1>Users</h1>
      {props.notice ? (
        <p class="banner" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.secret ? (
        <SecretBanner
          label={`Temporary password for ${props.secret.username}:`}
          secret={props.secret.password}
          note="Give it to them privately; they must change it at first sign-in. It is shown this once."
        />
      ) : null}
      <DataTable
        label="Users"
        columns={[
          { label: 'User' },
          { label: 'Role' },
          { label: 'Since' },
          { label: 'Standing' },
          { label: 'Password' },
        ]}
      >
        {props.users.map((u) => (
          <tr class={u.active ? undefined : 'retracted'}>
            <th scope="row">
              {u.display_name} <span class="muted">({u.username})</span>
            </th>
            <td>
              <form method="post" action={`/admin/users/${u.id}`} class="inline">
                <CsrfField />
                <select
                  name="role"
                  aria-label={`Role of ${u.username}`}
                  disabled={u.id === props.self}
                >
                  {ROLE_OPTIONS.map(([value, label]) => (
                    <option value={value} selected={value === u.role}>
                      {label}
                    </option>
                  ))}
                </select>
                {u.id === props.self ? null : (
                  <button type="submit" class="secondary">
                    Save
                  </button>
                )}
              </form>
            </td>
            <td>{day(u.recorded_at)}</td>
            <td>
              {u.id === props.self ? (
                'you'
              ) : (
                <form method="post" action={`/admin/users/${u.id}`} class="inline">
                  <CsrfField />
                  <input type="hidden" name="active" value={u.active ? 'false' : 'true'} />
                  <button type="submit" class="secondary">
                    {u.active ? 'Deactivate' : 'Reactivate'}
                  </button>
                </form>
              )}
            </td>
            <td>
              <form method="post" action={`/admin/users/${u.id}/password-reset`} class="inline">
                <CsrfField />
                <button
                  type="submit"
                  class="secondary"
                  aria-label={`Reset the password of ${u.username}`}
                >
                  Reset
                </button>
              </form>
            </td>
          </tr>
        ))}
      </DataTable>
      <h2>New user</h2>
      <form method="post" action="/admin/users" class="stack" novalidate>
        <CsrfField />
        <FormErrors form={props.form} />
        <TextField name="username" label="Username" form={props.form} required />
        <TextField name="display_name" label="Name" form={props.form} required />
        <SelectField name="role" label="Role" form={props.form} options={ROLE_OPTIONS} required />
        <button type="submit">Create user</button>
      </form>
      <p class="hint">
        A temporary password is made for them and shown once; they choose their own at first
        sign-in.
      </p>
    </>
  );
}

import { ASSIGNABLE_ROLES, canGrant, type Role } from '../../domain/roles.js';
import type { tokenView } from '../../services/api-tokens.js';
import { DataTable } from '../data-table.js';
import { FormErrors, type FormState, SelectField, TextField } from '../fields.js';
import { moment } from '../format.js';
import { CsrfField } from '../viewer.js';
import { SecretBanner } from './secret-banner.js';

type Token = ReturnType<typeof tokenView>;

export interface AccountPageProps {
  username: string;
  displayName: string;
  role: Role;
  tokens: Token[];
  form: FormState;
  /** A token just made: its secret, shown on this response only. */
  created?: { name: string; token: string } | undefined;
  notice?: string | undefined;
}

/** One's account: who, which role, the password, and the API tokens with their roles. */
export function AccountPage(props: AccountPageProps) {
  const grantable = ASSIGNABLE_ROLES.filter((r) => canGrant(props.role, r));
  return (
    <>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{props.displayName}</strong> ({props.username}), role{' '}
        <strong>{props.role}</strong>. <a href="/account/password">Change your password</a>
      </p>
      {props.notice ? (
        <p class="banner" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.created ? (
        <SecretBanner
          label={`API token “${props.created.name}”:`}
          secret={props.created.token}
          note="Copy it now: it is shown this once and stored only as a hash. Send it as Authorization: Bearer <token>."
        />
      ) : null}
      <h2 id="tokens">API tokens</h2>
      {props.tokens.length ? (
        <DataTable
          label="API tokens"
          columns={[
            { label: 'Name' },
            { label: 'Starts with' },
            { label: 'Role' },
            { label: 'Created' },
            { label: 'Last used' },
            { label: 'Status' },
          ]}
        >
          {props.tokens.map((t) => (
            <tr class={t.revoked_at ? 'retracted' : undefined}>
              <th scope="row">{t.name}</th>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{t.role}</td>
              <td>{moment(t.created_at)}</td>
              <td>{t.last_used_at ? moment(t.last_used_at) : 'never'}</td>
              <td>
                {t.revoked_at ? (
                  `revoked ${moment(t.revoked_at)}`
                ) : (
                  <form method="post" action={`/account/tokens/${t.id}/revoke`} class="inline">
                    <CsrfField />
                    <button type="submit" class="secondary" aria-label={`Revoke ${t.name}`}>
                      Revoke
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>No tokens yet.</p>
      )}
      <h3>New token</h3>
      <form method="post" action="/account/tokens" class="stack" novalidate>
        <CsrfField />
        <FormErrors form={props.form} />
        <TextField
          name="name"
          label="Name"
          form={props.form}
          required
          hint="What uses it, e.g. “nightly import”"
        />
        <SelectField
          name="role"
          label="Acts as"
          form={props.form}
          options={grantable.map((r) => [r, r] as const).reverse()}
          hint="At most your own role: a token for reading needs only viewer."
        />
        <button type="submit">Create token</button>
      </form>
    </>
  );
}

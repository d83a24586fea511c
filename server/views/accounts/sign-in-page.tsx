import { FormErrors, type FormState, TextField } from '../fields.js';
import { CsrfField } from '../viewer.js';

/** The sign-in form; its hidden token ties the post to this browser (no login CSRF). */
export function SignInPage({
  form,
  token,
  next,
}: {
  form: FormState;
  token: string;
  next: string;
}) {
  return (
    <section class="narrow">
      <h1>Sign in</h1>
      <form method="post" action="/sign-in" class="stack" novalidate>
        <input type="hidden" name="_csrf" value={token} />
        <input type="hidden" name="next" value={next} />
        <FormErrors form={form} />
        <TextField name="username" label="Username" form={form} required autocomplete="username" />
        <TextField
          name="password"
          label="Password"
          type="password"
          form={form}
          required
          autocomplete="current-password"
        />
        <button type="submit">Sign in</button>
      </form>
    </section>
  );
}

/** Changing one's password; required before anything else after an admin set it. */
export function PasswordPage({ form, forced }: { form: FormState; forced: boolean }) {
  return (
    <section class="narrow">
      <h1>Change your password</h1>
      {forced ? (
        <p class="banner" role="status">
          Your password was set for you. Choose your own before going on.
        </p>
      ) : null}
      <form method="post" action="/account/password" class="stack" novalidate>
        <CsrfField />
        <FormErrors form={form} />
        <TextField
          name="current_password"
          label="Current password"
          type="password"
          form={form}
          required
          autocomplete="current-password"
        />
        <TextField
          name="new_password"
          label="New password"
          type="password"
          form={form}
          required
          autocomplete="new-password"
          hint="At least 12 characters, not containing your username. Your other sessions end."
        />
        <TextField
          name="confirm_password"
          label="New password again"
          type="password"
          form={form}
          required
          autocomplete="new-password"
        />
        <button type="submit">Change password</button>
      </form>
    </section>
  );
}

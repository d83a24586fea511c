/** A secret shown this once (a new token, a temporary password), ready to copy. */
export function SecretBanner({
  label,
  secret,
  note,
}: {
  label: string;
  secret: string;
  note: string;
}) {
  return (
    <div class="banner secret" role="status">
      <p>
        <strong>{label}</strong> {note}
      </p>
      <p>
        <code class="secret-value">{secret}</code>
      </p>
    </div>
  );
}

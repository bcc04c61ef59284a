/** How to import a file too big for the upload form: the CLI command and the API call, ready to copy. */
export function LargeFileHelp({
  kind,
  slug,
  maxFormMb,
}: {
  kind: "feedback" | "market";
  slug: string;
  maxFormMb: number;
}) {
  const code =
    "block whitespace-pre-wrap break-all rounded-tremor-default border border-tremor-border bg-tremor-background-muted px-3 py-2 font-mono text-tremor-label text-tremor-content-strong dark:border-dark-tremor-border dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content-strong";
  return (
    <section aria-labelledby={`${kind}-large-heading`} className="space-y-2">
      <h2
        id={`${kind}-large-heading`}
        className="text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
      >
        Files over {maxFormMb} MB
      </h2>
      <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content">
        Import them (up to 1 GB) from the command line on the server, or stream them to the API with an API token from
        Settings:
      </p>
      <code className={code} data-testid="cli-command">
        {`npm run cli -- import ${kind} FILE --workspace ${slug}`}
      </code>
      <code className={code}>
        {`curl -H "Authorization: Bearer $TOKEN" --data-binary @FILE "$FORESIGHT_URL/api/v1/imports/${kind}?name=FILE"`}
      </code>
    </section>
  );
}

import { cx } from "@/app/_components/cx";
import { formatDate, formatNumber } from "@/app/_components/format";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import { MIN_GAIN } from "@/lib/nlp/adapt-policy";
import type { ModelCardVersion, SentimentModelCard } from "@/lib/nlp/model-card";
import { readAdaptation, type AdaptationView } from "@/lib/nlp/model-card-view";
import { fig, HEADLINE } from "./evaluation-parts";
import { versionName } from "./model-format";

const text = "text-tremor-default text-tremor-content dark:text-dark-tremor-content";

function Verdict({ accepted }: { accepted: boolean | undefined }) {
  if (accepted === undefined) return null;
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-tremor-small px-1.5 py-0.5 text-tremor-label font-medium ring-1 ring-inset",
        accepted
          ? "bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/30"
          : "bg-slate-50 text-slate-700 ring-slate-500/30 dark:bg-slate-400/10 dark:text-slate-300 dark:ring-slate-400/30",
      )}
    >
      {accepted ? "Accepted" : "Not accepted"}
    </span>
  );
}

function CompareTable({ a, title }: { a: AdaptationView; title: string }) {
  const rows = [
    ...HEADLINE.map((h) => ({ label: h.label, cand: fig(a.candidate?.[h.key]), inc: fig(a.incumbent?.[h.key]) })),
    {
      label: "Held-out items",
      cand: a.candidate?.n === undefined ? "—" : formatNumber(a.candidate.n),
      inc: a.incumbent?.n === undefined ? "—" : formatNumber(a.incumbent.n),
    },
  ];
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-tremor-default">
        <caption className="sr-only">{title}: the attempt against the model in use, on the same held-out items</caption>
        <thead className={tableHead}>
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              On held-out rated items
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              This attempt
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {a.incumbentName ? `The ${a.incumbentName}` : "The model in use"}
            </th>
          </tr>
        </thead>
        <tbody className={tableBody}>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className="px-3 py-1.5 font-medium">
                {r.label}
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums">{r.cand}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{r.inc}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Attempt({ v }: { v: ModelCardVersion }) {
  const a = readAdaptation(v.metrics);
  const title = versionName(v);
  const facts = a
    ? [
        a.ratedItems !== undefined ? `${formatNumber(a.ratedItems)} rated items` : null,
        a.trainItems !== undefined ? `${formatNumber(a.trainItems)} to train` : null,
        a.holdoutItems !== undefined ? `${formatNumber(a.holdoutItems)} held out` : null,
        a.seconds !== undefined ? `${formatNumber(a.seconds, 1)} s` : null,
        v.backend ? `on ${v.backend}` : null,
      ].filter(Boolean)
    : [];
  return (
    <li className="space-y-3 py-4 first:pt-0 last:pb-0" data-testid="adaptation-attempt">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
          {title}
        </h3>
        <Verdict accepted={a?.accepted} />
        {v.inUse ? (
          <span className="text-tremor-label font-medium text-tremor-brand dark:text-dark-tremor-brand">In use</span>
        ) : null}
        <span className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
          {formatDate(a?.trainedAt ?? v.createdAt, "datetime")}
        </span>
      </div>
      {facts.length ? <p className={text}>{facts.join(" · ")}</p> : null}
      {a?.reason ? <p className={cx(text, "max-w-3xl")}>{a.reason}</p> : null}
      {a ? <CompareTable a={a} title={title} /> : <p className={text}>No comparison was stored with this version.</p>}
    </li>
  );
}

/** The workspace's own models: how close it is to one, and every attempt with its figures. */
export function AdaptationSection({ card }: { card: SentimentModelCard }) {
  const { ratedItems, minRatedForAdaptation: min } = card;
  const pct = Math.min(100, (ratedItems / min) * 100);
  return (
    <section
      aria-labelledby="adapt-heading"
      className="space-y-5 rounded-tremor-default border border-tremor-border bg-tremor-background p-5 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card"
    >
      <div className="space-y-1">
        <h2
          id="adapt-heading"
          className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
        >
          Adapting to this workspace
        </h2>
        <p className={cx(text, "max-w-3xl")}>
          Rated feedback (stars, NPS or thumbs) teaches the model this workspace’s language. From {formatNumber(min)}{" "}
          rated items, the base model is fine-tuned on four fifths of them and compared with the model in use on the
          fifth it never saw. It takes over only if its weighted F1 there is at least {formatNumber(MIN_GAIN, 2)} higher
          and its Pearson r no lower; every attempt is kept below.
        </p>
      </div>
      <div className="space-y-1.5">
        <p
          className="text-tremor-default text-tremor-content-strong dark:text-dark-tremor-content-strong"
          id="rated-label"
        >
          <span className="font-semibold tabular-nums" data-testid="rated-items">
            {formatNumber(ratedItems)}
          </span>{" "}
          of the {formatNumber(min)} rated items needed
          {ratedItems >= min ? " (enough)" : ""}
        </p>
        <div
          role="progressbar"
          aria-labelledby="rated-label"
          aria-valuemin={0}
          aria-valuemax={min}
          aria-valuenow={Math.min(ratedItems, min)}
          className="h-2 max-w-md overflow-hidden rounded-full bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
        >
          <div className="h-full rounded-full bg-tremor-brand dark:bg-dark-tremor-brand" style={{ width: `${pct}%` }} />
        </div>
      </div>
      {card.workspaceVersions.length ? (
        <ol
          aria-label="Adaptation attempts, newest first"
          className="divide-y divide-tremor-border dark:divide-dark-tremor-border"
        >
          {card.workspaceVersions.map((v) => (
            <Attempt key={v.id} v={v} />
          ))}
        </ol>
      ) : (
        <p className={text}>No adaptation has been tried in this workspace yet.</p>
      )}
    </section>
  );
}

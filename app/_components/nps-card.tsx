import Link from "next/link";
import { cx } from "./cx";
import { formatNumber, formatPercent } from "./format";
import { explorerHref, formatSigned, signedTone } from "./sentiment-display";

export interface NpsView {
  score: number;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

const GROUPS = [
  { key: "promoters", name: "Promoters", range: "9–10", min: 9, max: 10, fill: "bg-emerald-500 dark:bg-emerald-400" },
  { key: "passives", name: "Passives", range: "7–8", min: 7, max: 8, fill: "bg-slate-400 dark:bg-slate-500" },
  { key: "detractors", name: "Detractors", range: "0–6", min: 0, max: 6, fill: "bg-rose-500 dark:bg-rose-400" },
] as const;

/**
 * Net Promoter Score from the 0–10 answers, with its three groups (each a link to those items in
 * the explorer); or, under the minimum, how many answers there are so far.
 */
export function NpsCard({
  nps,
  responses,
  minResponses,
  period,
}: {
  nps: NpsView | null;
  responses: number;
  minResponses: number;
  period: { from?: string; to?: string };
}) {
  if (!nps) {
    return (
      <p className="text-tremor-default text-tremor-content dark:text-dark-tremor-content" data-testid="nps-missing">
        {responses
          ? `${formatNumber(responses)} of the ${formatNumber(minResponses)} answers on a 0–10 scale needed for a Net Promoter Score.`
          : `No answers on a 0–10 scale. Map an NPS column when you import; the score appears from ${formatNumber(minResponses)} answers.`}
      </p>
    );
  }
  return (
    <div className="space-y-3" data-testid="nps">
      <p className="flex items-baseline gap-2">
        <span className={cx("text-tremor-metric font-semibold tabular-nums", signedTone(nps.score))}>
          {formatSigned(nps.score)}
        </span>
        <span className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
          NPS from {formatNumber(nps.responses)} answers (−100 to +100)
        </span>
      </p>
      <div
        aria-hidden="true"
        className="flex h-2.5 overflow-hidden rounded-full bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
      >
        {GROUPS.map((g) =>
          nps[g.key] ? (
            <div key={g.key} className={g.fill} style={{ width: `${(nps[g.key] / nps.responses) * 100}%` }} />
          ) : null,
        )}
      </div>
      <ul className="grid grid-cols-3 gap-2 text-tremor-label">
        {GROUPS.map((g) => (
          <li key={g.key} className="min-w-0 space-y-0.5">
            <span className="flex items-center gap-1.5 text-tremor-content dark:text-dark-tremor-content">
              <span aria-hidden="true" className={cx("size-2 shrink-0 rounded-full", g.fill)} />
              {g.name}
            </span>
            <Link
              href={explorerHref({ ...period, ratingScale: "NPS_10", ratingMin: g.min, ratingMax: g.max })}
              className="block rounded-sm text-tremor-default font-semibold tabular-nums text-tremor-content-strong underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-tremor-brand dark:text-dark-tremor-content-strong dark:focus-visible:outline-dark-tremor-brand"
              aria-label={`${formatNumber(nps[g.key])} ${g.name.toLowerCase()} (${g.range}), ${formatPercent(nps[g.key] / nps.responses, 0)}`}
            >
              {formatNumber(nps[g.key])}{" "}
              <span className="text-tremor-label font-normal text-tremor-content dark:text-dark-tremor-content">
                {formatPercent(nps[g.key] / nps.responses, 0)}
              </span>
            </Link>
            <span className="block text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
              Scores {g.range}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

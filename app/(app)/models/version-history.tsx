import { formatDate, formatNumber } from "@/app/_components/format";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import type { ModelCardVersion, SentimentModelCard } from "@/lib/nlp/model-card";
import { readAdaptation } from "@/lib/nlp/model-card-view";
import { versionName } from "./model-format";

function status(v: ModelCardVersion): string {
  if (v.inUse) return "In use";
  if (v.isBase) return v.isCurrent ? "Current base model" : "Replaced by a newer base model";
  if (readAdaptation(v.metrics)?.accepted === false) return "Not accepted";
  return v.isCurrent ? "Current" : "Replaced or rolled back";
}

/** Every sentiment model version this workspace has met, newest first, with the items each scored. */
export function VersionHistory({ card }: { card: SentimentModelCard }) {
  const versions = [...card.workspaceVersions, ...card.baseVersions].sort((a, b) =>
    a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
  );
  const scored = new Map(card.scoredBy.map((s) => [s.versionId, s.items]));
  const orphaned = scored.get(null) ?? 0;
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2
        id="history-heading"
        className="text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong"
      >
        Version history
      </h2>
      <div className={tableFrame}>
        <table className="w-full text-left text-tremor-default">
          <caption className="sr-only">Sentiment model versions, newest first</caption>
          <thead className={tableHead}>
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Version
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Registered
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Training backend
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Items it scored here
              </th>
            </tr>
          </thead>
          <tbody className={tableBody}>
            {versions.map((v) => (
              <tr key={v.id} aria-current={v.inUse ? "true" : undefined}>
                <th
                  scope="row"
                  className="whitespace-nowrap px-3 py-2 font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong"
                >
                  {versionName(v)}
                </th>
                <td className="whitespace-nowrap px-3 py-2">{formatDate(v.createdAt, "datetime")}</td>
                <td className="px-3 py-2">{v.backend ?? "—"}</td>
                <td className="px-3 py-2">{status(v)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(scored.get(v.id) ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {orphaned ? (
        <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">
          {formatNumber(orphaned)} items were scored by a version that no longer exists; the next sentiment job rescores
          them only when a new model is accepted.
        </p>
      ) : null}
    </section>
  );
}

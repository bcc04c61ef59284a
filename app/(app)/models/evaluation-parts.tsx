/**
 * How a model measured: headline figures, the per-class table and the confusion matrix, drawn
 * from whatever the stored metrics hold (lib/nlp/model-card-view.ts); a missing figure is shown
 * as missing, never estimated.
 */
import { cx } from "@/app/_components/cx";
import { formatDate, formatNumber, formatPercent } from "@/app/_components/format";
import { tableBody, tableFrame, tableHead } from "@/app/_components/table-styles";
import { CLASS_NAMES, type EvaluationView, type Fact, type NamedEvaluation } from "@/lib/nlp/model-card-view";

/** Figures between 0 and 1 (accuracy, F1, r) with three decimals, as the training script prints them. */
export const fig = (v: number | undefined) => (v === undefined ? "—" : v.toFixed(3).replace("-", "−"));

export const HEADLINE: { key: "accuracy" | "macroF1" | "weightedF1" | "pearson"; label: string; hint: string }[] = [
  { key: "accuracy", label: "Accuracy", hint: "Share of items given the right class" },
  { key: "macroF1", label: "Macro-F1", hint: "F1 averaged over the three classes, each counting the same" },
  { key: "weightedF1", label: "Weighted F1", hint: "F1 averaged over the classes, weighted by their support" },
  { key: "pearson", label: "Pearson r", hint: "Correlation of the score with the human rating (−1…+1)" },
];

const className = (c: string) => c[0]!.toUpperCase() + c.slice(1);

export function factValue(f: Fact): string {
  if (f.kind === "number") return formatNumber(f.value as number, Number.isInteger(f.value) ? 0 : 3);
  if (f.kind === "boolean") return f.value ? "Yes" : "No";
  if (f.kind === "date") return formatDate(f.value as string, String(f.value).length > 10 ? "datetime" : "medium");
  return String(f.value);
}

export function FactList({ facts, label }: { facts: Fact[]; label: string }) {
  if (!facts.length) return null;
  return (
    <dl aria-label={label} className="grid gap-x-6 gap-y-2 text-tremor-default sm:grid-cols-2">
      {facts.map((f) => (
        <div key={f.label} className="flex flex-wrap gap-x-2">
          <dt className="text-tremor-content dark:text-dark-tremor-content">{f.label}</dt>
          <dd className="min-w-0 break-words font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
            {factValue(f)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Headline({ e }: { e: EvaluationView }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      {HEADLINE.map((h) => (
        <div
          key={h.key}
          className="rounded-tremor-small bg-tremor-background-muted p-3 dark:bg-dark-tremor-background-muted"
          title={h.hint}
        >
          <dt className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{h.label}</dt>
          <dd className="text-tremor-title font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">
            {fig(e[h.key])}
          </dd>
        </div>
      ))}
      <div className="rounded-tremor-small bg-tremor-background-muted p-3 dark:bg-dark-tremor-background-muted">
        <dt className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">Items</dt>
        <dd className="text-tremor-title font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">
          {e.n === undefined ? "—" : formatNumber(e.n)}
        </dd>
      </div>
    </dl>
  );
}

function PerClassTable({ e, title }: { e: EvaluationView; title: string }) {
  if (!e.perClass.length) return null;
  return (
    <div className={tableFrame}>
      <table className="w-full text-left text-tremor-default">
        <caption className="sr-only">Precision, recall and F1 per class: {title}</caption>
        <thead className={tableHead}>
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Class
            </th>
            {["Precision", "Recall", "F1", "Support"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-right font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={tableBody}>
          {e.perClass.map((c) => (
            <tr key={c.name}>
              <th scope="row" className="px-3 py-1.5 font-medium">
                {className(c.name)}
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums">{fig(c.precision)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{fig(c.recall)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{fig(c.f1)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">
                {c.support === undefined ? "—" : formatNumber(c.support)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Shade steps by share of the row (the true class), so the diagonal reads as recall. */
const SHADES = [
  "",
  "bg-brand-50 dark:bg-brand-950/40",
  "bg-brand-100 dark:bg-brand-900/50",
  "bg-brand-200 dark:bg-brand-800/60",
  "bg-brand-300 dark:bg-brand-700/70",
  "bg-brand-400 text-white dark:bg-brand-600",
];

export function ConfusionMatrix({ matrix, title }: { matrix: number[][]; title: string }) {
  return (
    <div className={tableFrame}>
      <table className="w-full text-center text-tremor-default">
        <caption className="px-3 pt-2 text-left text-tremor-label text-tremor-content dark:text-dark-tremor-content">
          Confusion matrix ({title}): rows are the true class, columns the predicted one; shading is the share of the
          row.
        </caption>
        <thead className={tableHead}>
          <tr>
            <td className="px-3 py-2" />
            {CLASS_NAMES.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-medium">
                Predicted {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={tableBody}>
          {matrix.map((row, i) => {
            const total = row.reduce((a, b) => a + b, 0);
            return (
              <tr key={CLASS_NAMES[i]}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  True {CLASS_NAMES[i]}
                </th>
                {row.map((v, j) => {
                  const share = total ? v / total : 0;
                  const shade = SHADES[Math.min(SHADES.length - 1, Math.ceil(share * (SHADES.length - 1)))];
                  return (
                    <td
                      key={j}
                      className={cx(
                        "px-3 py-2 tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong",
                        shade,
                        i === j && "font-semibold",
                      )}
                    >
                      {formatNumber(v)}
                      <span className="ml-1 text-tremor-label opacity-80">({formatPercent(share, 0)})</span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One evaluation: its name, what it was measured on, and every figure it holds. */
export function EvaluationBlock({ item, headingLevel = 3 }: { item: NamedEvaluation; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const e = item.evaluation;
  return (
    <section aria-label={item.title} className="space-y-3">
      <Heading className="text-tremor-default font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
        {item.title}
      </Heading>
      <FactList facts={item.details} label={`About: ${item.title}`} />
      <Headline e={e} />
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <PerClassTable e={e} title={item.title} />
        {e.confusion ? <ConfusionMatrix matrix={e.confusion} title={item.title} /> : null}
      </div>
    </section>
  );
}

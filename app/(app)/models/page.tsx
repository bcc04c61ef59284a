import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cx } from "@/app/_components/cx";
import { formatDate, formatNumber } from "@/app/_components/format";
import { PageHeader } from "@/app/_components/page-header";
import { getSentimentModelCard, type SentimentModelCard } from "@/lib/nlp/model-card";
import { findEvaluations, pickText, readAdaptation, trainingFacts, type Fact } from "@/lib/nlp/model-card-view";
import { getSessionWorkspace } from "@/lib/web/session";
import { forecastBenchmark } from "@/lib/forecast/model-card";
import { AdaptationSection } from "./adaptation-section";
import { EvaluationBlock, FactList } from "./evaluation-parts";
import { ForecastSection } from "./forecast-section";
import { versionName } from "./model-format";
import { VersionHistory } from "./version-history";

export const metadata: Metadata = { title: "Models" };
export const dynamic = "force-dynamic";

const card =
  "space-y-5 rounded-tremor-default border border-tremor-border bg-tremor-background p-5 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card";
const h2 = "text-tremor-title font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong";
const text = "text-tremor-default text-tremor-content dark:text-dark-tremor-content";

/** Why this version scores the workspace's feedback, from the card's own data. */
function whyInUse(c: SentimentModelCard): string {
  if (!c.inUse.isBase) {
    const reason = readAdaptation(c.inUse.metrics)?.reason;
    return `A model adapted to this workspace's rated feedback replaced the base model${reason ? `: ${reason}` : "."}`;
  }
  const last = c.workspaceVersions[0];
  if (last && !last.isCurrent) {
    const reason = readAdaptation(last.metrics)?.reason;
    return `The base model stays: the last model adapted to this workspace was not better on held-out rated items${reason ? ` (${reason})` : ""}.`;
  }
  if (last) return "The base model is in use: this workspace's own model was rolled back.";
  return c.ratedItems >= c.minRatedForAdaptation
    ? `The base model is in use. This workspace has ${formatNumber(c.ratedItems)} rated items, enough for its own model: one is tried with the next sentiment job.`
    : `The base model is in use. A model adapted to this workspace is tried once it has ${formatNumber(c.minRatedForAdaptation)} rated items (stars, NPS or thumbs); it has ${formatNumber(c.ratedItems)}.`;
}

export default async function ModelsPage() {
  const s = await getSessionWorkspace();
  if (!s?.ctx) redirect("/login");
  const c = await getSentimentModelCard(s.ctx);
  const scoredByInUse = c.scoredBy.find((x) => x.versionId === c.inUse.id)?.items ?? 0;
  const baseEvaluations = findEvaluations(c.base.metrics);
  const bt = c.baseTraining;
  const baseFacts: Fact[] = [
    { label: "Trained on", value: bt.trainedOn.split("+").join(", "), kind: "text" },
    { label: "Training examples", value: bt.examples, kind: "number" },
    { label: "Epochs (best on the validation split)", value: bt.epochs, kind: "number" },
    { label: "Hidden units", value: bt.hiddenUnits, kind: "number" },
    { label: "Word and word-pair weights", value: bt.ngramWeights, kind: "number" },
    ...(c.base.backend ? [{ label: "Training backend", value: c.base.backend, kind: "text" as const }] : []),
    // What the training script stored beyond the model's own record.
    ...trainingFacts(c.base.metrics, ["backend", "trainedOn", "examples", "epochs"]),
  ];
  const trainedAt = pickText(c.base.metrics, ["trainedAt", "date", "createdAt"]);

  return (
    <div className="space-y-8">
      <PageHeader
        title="Models"
        description="The models that analyse this workspace's data: what they are, what they learned from, and how well they did on data they never saw."
      />

      <section aria-labelledby="sentiment-heading" className={card}>
        <div className="space-y-2">
          <h2 id="sentiment-heading" className={h2}>
            Sentiment model
          </h2>
          <p className={cx(text, "max-w-3xl")}>
            A hybrid of rules and a trained model. A VADER-style rule layer reads each text: a lexicon of about 7,500
            human-rated words, emoticons and slang plus product-feedback words and emoji, with negation (“not good”),
            intensifiers and downtoners (“very”, “slightly”), ALL CAPS, contrast (“…but billing is a mess” weighs more
            than what comes before “but”) and punctuation (“!!!”). Its rule features and hashed words and word pairs
            feed a small model trained here with TensorFlow.js (a tanh hidden layer with a direct linear path, and a
            linear layer over the word features). Each item gets a score from −1 to +1, a label (negative, neutral or
            positive) with a confidence, and a score per sentence and per contrast clause.
          </p>
        </div>

        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5" data-testid="model-in-use">
          {[
            ["In use", versionName(c.inUse)],
            ["Items it scored here", formatNumber(scoredByInUse)],
            ["Learned from", c.inUseTraining.trainedOn.split("+").join(", ")],
            ["Training backend", c.inUse.backend ?? "Not recorded"],
            ["Registered", formatDate(c.inUse.createdAt, "datetime")],
          ].map(([label, value]) => (
            <div
              key={label}
              className="rounded-tremor-small bg-tremor-background-muted p-3 dark:bg-dark-tremor-background-muted"
            >
              <dt className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{label}</dt>
              <dd className="mt-0.5 break-words font-semibold text-tremor-content-strong dark:text-dark-tremor-content-strong">
                {value}
              </dd>
            </div>
          ))}
        </dl>
        <p className={cx(text, "max-w-3xl")} data-testid="why-in-use">
          {whyInUse(c)}
        </p>
      </section>

      <section aria-labelledby="base-heading" className={card}>
        <div className="space-y-1">
          <h2 id="base-heading" className={h2}>
            {versionName(c.base)}: training and evaluation
          </h2>
          <p className={text}>
            The model shipped with the app{c.base.inUse ? ", in use here" : ""}. What it was trained on
            {trainedAt ? `, on ${formatDate(trainedAt, trainedAt.length > 10 ? "datetime" : "long")}` : ""}, and how it
            did on items it was not trained on.
          </p>
        </div>
        <FactList facts={baseFacts} label="Training" />
        <p className="text-tremor-label text-tremor-content dark:text-dark-tremor-content">{bt.notice}</p>
        {baseEvaluations.length ? (
          <div className="space-y-8">
            {baseEvaluations.map((ev) => (
              <EvaluationBlock key={ev.path.join(".")} item={ev} />
            ))}
          </div>
        ) : (
          <p className={text}>
            No evaluation was stored with this version. The training script records its out-of-fold and unseen-domain
            evaluation with the weights it ships; a version registered without one shows none here rather than a guess.
          </p>
        )}
      </section>

      <AdaptationSection card={c} />
      <VersionHistory card={c} />
      <ForecastSection bench={forecastBenchmark()} />
    </div>
  );
}

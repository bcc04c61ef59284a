/**
 * Reading the figures stored with a sentiment ModelVersion (its `metrics` JSON) for display.
 * The base model's JSON is what the training script measured and its shape may grow; a workspace
 * model's is an AdaptationRecord (adapt.ts). Nothing here assumes a field exists: a missing or
 * malformed figure is left out, never filled in or estimated.
 *
 * An evaluation is any object holding at least one of accuracy, macroF1, weightedF1 or pearson,
 * wherever it sits in the JSON (out-of-fold, per unseen domain, …); everything else is listed as
 * facts about the training (data, date, settings), with readable names.
 */
import { z } from "zod";
import type { Prisma } from "../db/generated/client.ts";

export const CLASS_NAMES = ["negative", "neutral", "positive"] as const;

export interface ClassFigures {
  name: string;
  precision?: number;
  recall?: number;
  f1?: number;
  support?: number;
}

export interface EvaluationView {
  n?: number;
  accuracy?: number;
  macroF1?: number;
  weightedF1?: number;
  pearson?: number;
  /** In CLASS_NAMES order, then any other class the JSON names. */
  perClass: ClassFigures[];
  /** Rows = true class, columns = predicted, in CLASS_NAMES order; only a square matrix of CLASS_NAMES' size. */
  confusion?: number[][];
}

export interface NamedEvaluation {
  /** Where it sits in the JSON, e.g. ["unseenDomain", "amazon"]: stable, for keys and ids. */
  path: string[];
  title: string;
  evaluation: EvaluationView;
  /** The evaluation object's other plain fields (folds, test set, …). */
  details: Fact[];
}

export interface Fact {
  label: string;
  value: string | number | boolean;
  /** "date" for ISO timestamps and days, so they can be formatted. */
  kind: "text" | "number" | "boolean" | "date";
}

export interface AdaptationView {
  ratedItems?: number;
  trainItems?: number;
  holdoutItems?: number;
  candidate: EvaluationView | null;
  incumbent: EvaluationView | null;
  incumbentName?: string;
  accepted?: boolean;
  reason?: string;
  trainedAt?: string;
  seconds?: number;
}

const HEADLINE = ["accuracy", "macroF1", "weightedF1", "pearson"] as const;
const EVALUATION_KEYS = new Set<string>(["n", ...HEADLINE, "perClass", "confusion"]);
/** Fields that name an evaluation or a data set rather than describe it. */
const NAME_KEYS = ["name", "label", "domain", "dataset", "file", "title"];
const MAX_DEPTH = 5;
const MAX_FACTS = 60;

const finite = z.number().finite();
const optionalNumber = finite.optional().catch(undefined);
const classSchema = z.object({
  precision: optionalNumber,
  recall: optionalNumber,
  f1: optionalNumber,
  support: optionalNumber,
});
const evaluationSchema = z.object({
  n: optionalNumber,
  accuracy: optionalNumber,
  macroF1: optionalNumber,
  weightedF1: optionalNumber,
  pearson: optionalNumber,
  perClass: z.record(z.string(), z.unknown()).optional().catch(undefined),
  confusion: z.array(z.array(finite)).optional().catch(undefined),
});

type Json = Prisma.JsonValue | undefined;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

/** The figures of one evaluation, or null when the value holds none of the headline figures. */
export function readEvaluation(value: Json | unknown): EvaluationView | null {
  if (!isRecord(value) || !HEADLINE.some((k) => typeof value[k] === "number")) return null;
  const e = evaluationSchema.parse(value);
  const perClass: ClassFigures[] = [];
  if (e.perClass) {
    const names = [
      ...CLASS_NAMES.filter((c) => c in e.perClass!),
      ...Object.keys(e.perClass).filter((c) => !(CLASS_NAMES as readonly string[]).includes(c)),
    ];
    for (const name of names) {
      const c = classSchema.safeParse(e.perClass[name]);
      if (c.success && Object.values(c.data).some((v) => v !== undefined)) perClass.push({ name, ...c.data });
    }
  }
  const size = CLASS_NAMES.length;
  const square = e.confusion && e.confusion.length === size && e.confusion.every((row) => row.length === size);
  return {
    n: e.n,
    accuracy: e.accuracy,
    macroF1: e.macroF1,
    weightedF1: e.weightedF1,
    pearson: e.pearson,
    perClass,
    confusion: square ? e.confusion : undefined,
  };
}

const KNOWN_WORDS: Record<string, string> = {
  oof: "Out-of-fold",
  outOfFold: "Out-of-fold",
  cv: "Cross-validation",
  crossValidation: "Cross-validation",
  holdout: "Held-out",
  holdOut: "Held-out",
  holdoutDomain: "Unseen domain",
  unseenDomain: "Unseen domain",
  unseenDomains: "Unseen domains",
  macroF1: "Macro-F1",
  weightedF1: "Weighted F1",
  f1: "F1",
  n: "Items",
  pearson: "Pearson r",
  trainedOn: "Trained on",
  trainedAt: "Trained at",
  tfjs: "TensorFlow.js",
};

/** "outOfFold" → "Out-of-fold", "trainRows" → "Train rows", "amazon_reviews" → "Amazon reviews". */
export function humanizeKey(key: string): string {
  if (KNOWN_WORDS[key]) return KNOWN_WORDS[key];
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .trim()
    .split(/\s+/)
    .map((w) => (/^[A-Z0-9]+$/.test(w) ? w : w.toLowerCase()));
  const text = words.join(" ");
  return text ? text[0]!.toUpperCase() + text.slice(1) : key;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function fact(label: string, value: string | number | boolean): Fact {
  const kind =
    typeof value === "number"
      ? "number"
      : typeof value === "boolean"
        ? "boolean"
        : ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
          ? "date"
          : "text";
  return { label, value, kind };
}

/** A name the object gives itself ("amazon", "tweets_GroundTruth.txt"), if any. */
function ownName(v: Record<string, unknown>): string | undefined {
  for (const k of NAME_KEYS) if (typeof v[k] === "string" && v[k]) return v[k] as string;
  return undefined;
}

function titleOf(path: string[], node: Record<string, unknown>): string {
  const parts = path.filter((p) => !/^\d+$/.test(p)).map(humanizeKey);
  const name = ownName(node);
  if (name) parts.push(name);
  else if (path.length && /^\d+$/.test(path.at(-1)!)) parts.push(`#${Number(path.at(-1)) + 1}`);
  return parts.join(" · ") || "Evaluation";
}

/** Every evaluation in a metrics JSON, in the JSON's order. */
export function findEvaluations(metrics: Json): NamedEvaluation[] {
  const out: NamedEvaluation[] = [];
  const walk = (node: unknown, path: string[], depth: number) => {
    const evaluation = readEvaluation(node);
    if (evaluation && isRecord(node)) {
      const details = Object.entries(node)
        .filter(([k, v]) => !EVALUATION_KEYS.has(k) && !NAME_KEYS.includes(k) && isScalar(v))
        .map(([k, v]) => fact(humanizeKey(k), v as string | number | boolean));
      out.push({ path, title: titleOf(path, node), evaluation, details });
      return;
    }
    if (depth >= MAX_DEPTH) return;
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, String(i)], depth + 1));
    else if (isRecord(node)) for (const [k, v] of Object.entries(node)) walk(v, [...path, k], depth + 1);
  };
  walk(metrics, [], 0);
  return out;
}

/**
 * The plain facts of a metrics JSON outside its evaluations (what it was trained on, when, with
 * which settings), flattened to labelled values: {data: {rows: 7908}} → "Data · Rows: 7908".
 * `skip` leaves out top-level keys shown elsewhere.
 */
export function trainingFacts(metrics: Json, skip: readonly string[] = []): Fact[] {
  const out: Fact[] = [];
  const walk = (node: unknown, labels: string[], depth: number) => {
    // Evaluations are shown as such (findEvaluations), not as facts.
    if (out.length >= MAX_FACTS || readEvaluation(node)) return;
    if (isScalar(node)) {
      if (labels.length) out.push(fact(labels.join(" · "), node));
      return;
    }
    if (depth >= MAX_DEPTH) return;
    if (Array.isArray(node)) {
      if (node.every(isScalar)) {
        if (node.length && labels.length) out.push(fact(labels.join(" · "), node.join(", ")));
        return;
      }
      node.forEach((v, i) => {
        const name = isRecord(v) ? ownName(v) : undefined;
        walk(v, [...labels, name ?? `#${i + 1}`], depth + 1);
      });
      return;
    }
    if (isRecord(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (depth === 0 && skip.includes(k)) continue;
        // An object's own name already labels its other fields.
        if (depth > 0 && NAME_KEYS.includes(k) && ownName(node) === v) continue;
        walk(v, [...labels, humanizeKey(k)], depth + 1);
      }
    }
  };
  walk(metrics, [], 0);
  return out;
}

const text = z.string().optional().catch(undefined);
const adaptationSchema = z.object({
  kind: z.literal("adapted"),
  ratedItems: optionalNumber,
  trainItems: optionalNumber,
  holdoutItems: optionalNumber,
  candidate: z.unknown(),
  incumbent: z.unknown(),
  accepted: z.boolean().optional().catch(undefined),
  reason: text,
  trainedAt: text,
  seconds: optionalNumber,
});

/** A workspace model's adaptation attempt (adapt.ts's AdaptationRecord), or null for other JSON. */
export function readAdaptation(metrics: Json): AdaptationView | null {
  const r = adaptationSchema.safeParse(metrics);
  if (!r.success) return null;
  const { candidate, incumbent, kind: _kind, ...rest } = r.data;
  const incumbentName = isRecord(incumbent) && typeof incumbent.name === "string" ? incumbent.name : undefined;
  return { ...rest, candidate: readEvaluation(candidate), incumbent: readEvaluation(incumbent), incumbentName };
}

/** The first string among `keys` at the top level of a metrics JSON (e.g. "trainedAt"). */
export function pickText(metrics: Json, keys: readonly string[]): string | undefined {
  if (!isRecord(metrics)) return undefined;
  for (const k of keys) if (typeof metrics[k] === "string" && metrics[k]) return metrics[k] as string;
  return undefined;
}

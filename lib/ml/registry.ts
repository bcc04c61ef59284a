/**
 * Trained models per workspace, kept in ModelVersion. Each (workspace, kind)
 * has numbered versions and at most one current one; a workspace without its
 * own model uses the current base model shipped with the app (workspaceId null).
 *
 * Writers serialise on a transaction-level advisory lock per (workspace, kind):
 * the unique index cannot guard base models (NULLs are distinct in it) nor the
 * single current flag, so two trainings finishing together would otherwise
 * pick the same version or leave two current.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { requirePermission, type WorkspaceContext } from "../auth/context.ts";
import type { Db, DbTx } from "../db/client.ts";
import type { ModelKind } from "../db/generated/enums.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { audit } from "../workspaces/workspaces.ts";

export type { ModelKind };
export const MODEL_KINDS = ["SENTIMENT", "THEMES", "FORECAST"] as const satisfies readonly ModelKind[];
const modelKindSchema = z.enum(MODEL_KINDS);

/** A version as listed: everything but the weights, plus their size. */
export interface ModelVersionInfo {
  id: string;
  workspaceId: string | null;
  kind: ModelKind;
  version: number;
  dataFingerprint: string;
  metrics: Prisma.JsonValue;
  backend: string | null;
  isCurrent: boolean;
  createdAt: Date;
  sizeBytes: number;
}

export interface ModelWithWeights extends Omit<ModelVersionInfo, "sizeBytes"> {
  weights: Uint8Array;
  /** True when this is the app's base model, not one trained in the workspace. */
  isBase: boolean;
}

const registerSchema = z.object({
  workspaceId: z.string().min(1).nullable(),
  kind: modelKindSchema,
  dataFingerprint: z.string().min(1).max(200),
  metrics: z.record(z.string(), z.unknown()).default({}),
  backend: z.string().max(40).nullable().default(null),
  weights: z.instanceof(Uint8Array),
  makeCurrent: z.boolean().default(true),
});
export type RegisterModelInput = z.input<typeof registerSchema>;

/** Holds the (workspace, kind) lock until the surrounding transaction ends. */
async function lockModelKind(tx: DbTx, workspaceId: string | null, kind: ModelKind): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`model:${workspaceId ?? "base"}:${kind}`}))`;
}

const withoutWeights = {
  id: true,
  workspaceId: true,
  kind: true,
  version: true,
  dataFingerprint: true,
  metrics: true,
  backend: true,
  isCurrent: true,
  createdAt: true,
} as const;

/** Stores a new version (max + 1) and, by default, makes it the current one. */
export async function registerModel(db: Db, input: RegisterModelInput): Promise<ModelVersionInfo> {
  const data = parseInput(registerSchema, input);
  const { workspaceId, kind } = data;
  const created = await db.$transaction(async (tx) => {
    await lockModelKind(tx, workspaceId, kind);
    const last = await tx.modelVersion.aggregate({ where: { workspaceId, kind }, _max: { version: true } });
    if (data.makeCurrent) {
      await tx.modelVersion.updateMany({ where: { workspaceId, kind, isCurrent: true }, data: { isCurrent: false } });
    }
    return tx.modelVersion.create({
      data: {
        workspaceId,
        kind,
        version: (last._max.version ?? 0) + 1,
        dataFingerprint: data.dataFingerprint,
        metrics: data.metrics as Prisma.InputJsonObject,
        backend: data.backend,
        weights: new Uint8Array(data.weights),
        isCurrent: data.makeCurrent,
      },
      select: withoutWeights,
    });
  });
  return { ...created, sizeBytes: data.weights.byteLength };
}

/** The workspace's current model of a kind, else the current base model, else null. */
export async function currentModel(db: DbTx, workspaceId: string, kind: ModelKind): Promise<ModelWithWeights | null> {
  for (const owner of [workspaceId, null]) {
    const found = await db.modelVersion.findFirst({
      where: { workspaceId: owner, kind, isCurrent: true, weights: { not: null } },
      orderBy: { version: "desc" },
    });
    if (found?.weights) return { ...found, weights: found.weights, isBase: owner === null };
  }
  return null;
}

/** The workspace's versions, newest first, without their weights. */
export async function listModels(ctx: WorkspaceContext, kind?: ModelKind): Promise<ModelVersionInfo[]> {
  requirePermission(ctx, "workspace.read");
  const k = kind === undefined ? undefined : parseInput(modelKindSchema, kind);
  const rows = await ctx.db.modelVersion.findMany({
    where: { workspaceId: ctx.workspaceId, kind: k },
    select: withoutWeights,
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
  });
  const sizes = await weightSizes(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, sizeBytes: sizes.get(r.id) ?? 0 }));
}

/** Byte sizes of the weights, computed by the database so that the weights themselves are not read. */
async function weightSizes(db: DbTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; size: number | bigint | null }[]>`
    SELECT "id", octet_length("weights") AS "size" FROM "ModelVersion" WHERE "id" = ANY(${ids})`;
  return new Map(rows.map((r) => [r.id, Number(r.size ?? 0)]));
}

const rollbackSchema = z.object({ kind: modelKindSchema, version: z.number().int().min(1) });

/**
 * Makes an earlier (or any) version of the workspace's model current, e.g.
 * after a retrained model turned out worse. Admins and owners only; audited.
 */
export async function rollbackModel(
  ctx: WorkspaceContext,
  kind: ModelKind,
  version: number,
): Promise<ModelVersionInfo> {
  requirePermission(ctx, "models.manage");
  const input = parseInput(rollbackSchema, { kind, version });
  const { target, previous } = await ctx.db.$transaction(async (tx) => {
    await lockModelKind(tx, ctx.workspaceId, input.kind);
    const target = await tx.modelVersion.findFirst({
      where: { workspaceId: ctx.workspaceId, kind: input.kind, version: input.version },
      select: { id: true },
    });
    if (!target)
      throw new AppError("not_found", `There is no ${input.kind.toLowerCase()} model version ${input.version}`);
    const previous = await tx.modelVersion.findFirst({
      where: { workspaceId: ctx.workspaceId, kind: input.kind, isCurrent: true },
      select: { version: true },
    });
    await tx.modelVersion.updateMany({
      where: { workspaceId: ctx.workspaceId, kind: input.kind, isCurrent: true, NOT: { id: target.id } },
      data: { isCurrent: false },
    });
    const updated = await tx.modelVersion.update({
      where: { id: target.id },
      data: { isCurrent: true },
      select: withoutWeights,
    });
    return { target: updated, previous };
  });
  await audit(ctx, "model.rollback", {
    targetType: "ModelVersion",
    targetId: target.id,
    metadata: { kind: input.kind, version: input.version, previousVersion: previous?.version ?? null },
  });
  return { ...target, sizeBytes: (await weightSizes(ctx.db, [target.id])).get(target.id) ?? 0 };
}

export type FingerprintPart = string | number | boolean | null | readonly FingerprintPart[];

/**
 * A stable SHA-256 (hex) naming the data a model was trained on, so a retrain
 * on unchanged data can be skipped and a version can say what it learned from.
 *
 * Pass one part per training example, e.g. `[itemId, label]`, plus anything
 * else that should change the fingerprint (a preprocessing version,
 * hyperparameters). Each part is JSON-encoded (so ["a|b"] and ["a", "b"]
 * differ) and the encodings are sorted, so the order the rows came from the
 * database does not matter; duplicates count. A format tag ("v1") is hashed
 * in, so changing this scheme changes every fingerprint instead of colliding.
 */
export function fingerprint(parts: Iterable<FingerprintPart>): string {
  const encoded = Array.from(parts, (p) => JSON.stringify(p)).sort();
  const hash = createHash("sha256").update("foresight-fingerprint-v1\n");
  for (const e of encoded) hash.update(e).update("\n");
  return hash.digest("hex");
}

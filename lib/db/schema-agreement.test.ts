/**
 * The SQL migrations must build exactly the schema that prisma/schema.prisma
 * describes: every model a table, every scalar field a column of the right
 * type and nullability, every enum with the same values, every index and
 * unique constraint present. Runs on the embedded database and, when
 * DATABASE_URL is set, on PostgreSQL.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { loadMigrations, migrate } from "./migrate.ts";

interface Field {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attrs: string;
}
interface Model {
  name: string;
  fields: Field[];
  blockAttrs: string[];
}

function parseSchema(text: string) {
  const enums = new Map<string, string[]>();
  const models: Model[] = [];
  let current: { kind: "model" | "enum"; name: string; body: string[] } | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    if (!current) {
      const open = /^(model|enum)\s+(\w+)\s*\{$/.exec(line);
      if (open) current = { kind: open[1] as "model" | "enum", name: open[2], body: [] };
      continue;
    }
    if (line === "}") {
      if (current.kind === "enum") enums.set(current.name, current.body);
      else {
        const fields: Field[] = [];
        const blockAttrs: string[] = [];
        for (const l of current.body) {
          if (l.startsWith("@@")) {
            blockAttrs.push(l);
            continue;
          }
          const fm = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(l);
          if (!fm) throw new Error(`cannot parse field line: ${l}`);
          fields.push({ name: fm[1], type: fm[2], list: !!fm[3], optional: !!fm[4], attrs: fm[5] });
        }
        models.push({ name: current.name, fields, blockAttrs });
      }
      current = undefined;
      continue;
    }
    if (line) current.body.push(line);
  }
  return { enums, models };
}

const schema = parseSchema(readFileSync(path.join(process.cwd(), "prisma/schema.prisma"), "utf8"));
const modelNames = new Set(schema.models.map((m) => m.name));

const SCALAR_SQL: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

function expectedType(f: Field): { data_type: string; udt_name?: string } {
  if (f.list) return { data_type: "ARRAY", udt_name: `_${f.type === "String" ? "text" : f.type}` };
  if (schema.enums.has(f.type)) return { data_type: "USER-DEFINED", udt_name: f.type };
  if (f.type === "DateTime" && f.attrs.includes("@db.Date")) return { data_type: "date" };
  const t = SCALAR_SQL[f.type];
  if (!t) throw new Error(`no SQL type known for ${f.type}`);
  return { data_type: t };
}

function indexName(model: string, fields: string[], kind: "key" | "idx" | "pkey") {
  return kind === "pkey" ? `${model}_pkey` : `${model}_${fields.join("_")}_${kind}`;
}

describe("migrations agree with schema.prisma", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("creates a table for every model and a column for every scalar field", async () => {
    const cols = await db.sql.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable
         FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    const byTable = new Map<string, Map<string, (typeof cols)[number]>>();
    for (const c of cols) {
      if (!byTable.has(c.table_name)) byTable.set(c.table_name, new Map());
      byTable.get(c.table_name)!.set(c.column_name, c);
    }
    const problems: string[] = [];
    for (const model of schema.models) {
      const table = byTable.get(model.name);
      if (!table) {
        problems.push(`missing table ${model.name}`);
        continue;
      }
      const scalars = model.fields.filter((f) => !modelNames.has(f.type));
      for (const f of scalars) {
        const col = table.get(f.name);
        if (!col) {
          problems.push(`${model.name}.${f.name}: missing column`);
          continue;
        }
        const want = expectedType(f);
        if (col.data_type !== want.data_type || (want.udt_name && col.udt_name !== want.udt_name)) {
          problems.push(`${model.name}.${f.name}: type ${col.data_type}/${col.udt_name}, want ${JSON.stringify(want)}`);
        }
        const nullable = f.optional || f.list;
        if ((col.is_nullable === "YES") !== nullable) {
          problems.push(`${model.name}.${f.name}: nullable=${col.is_nullable}, schema optional=${nullable}`);
        }
      }
      const extra = [...table.keys()].filter((c) => !scalars.some((f) => f.name === c));
      if (extra.length) problems.push(`${model.name}: columns not in schema: ${extra.join(", ")}`);
    }
    const extraTables = [...byTable.keys()].filter((t) => !modelNames.has(t) && t !== "_prisma_migrations");
    if (extraTables.length) problems.push(`tables not in schema: ${extraTables.join(", ")}`);
    expect(problems).toEqual([]);
  });

  it("creates every enum with the schema's values, in order", async () => {
    const rows = await db.sql.query<{ typname: string; enumlabel: string }>(
      `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
    );
    const actual = new Map<string, string[]>();
    for (const r of rows) actual.set(r.typname, [...(actual.get(r.typname) ?? []), r.enumlabel]);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(schema.enums));
  });

  it("creates every primary key, unique constraint, index and foreign key the schema declares", async () => {
    const idx = await db.sql.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()`,
    );
    const have = new Set(idx.map((r) => r.indexname));
    const fks = await db.sql.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE contype = 'f'`);
    const haveFk = new Set(fks.map((r) => r.conname));
    const missing: string[] = [];
    for (const m of schema.models) {
      missing.push(...[indexName(m.name, [], "pkey")].filter((n) => !have.has(n)));
      for (const f of m.fields) {
        if (/@unique\b/.test(f.attrs) && !have.has(indexName(m.name, [f.name], "key")))
          missing.push(`${m.name}.${f.name} unique`);
        const rel = /@relation\(([^)]*)\)/.exec(f.attrs);
        if (rel && /fields:\s*\[([^\]]+)\]/.test(rel[1])) {
          const cols = /fields:\s*\[([^\]]+)\]/
            .exec(rel[1])![1]
            .split(",")
            .map((s) => s.trim());
          const name = `${m.name}_${cols.join("_")}_fkey`;
          if (!haveFk.has(name)) missing.push(`foreign key ${name}`);
        }
      }
      for (const a of m.blockAttrs) {
        const am = /^@@(unique|index)\(\[([^\]]+)\]/.exec(a);
        if (!am) continue;
        const fields = am[2].split(",").map((s) => s.trim());
        const name = indexName(m.name, fields, am[1] === "unique" ? "key" : "idx");
        if (!have.has(name)) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
  });

  it("records migrations in _prisma_migrations as Prisma does, and a second run applies nothing", async () => {
    const migrations = await loadMigrations();
    const rows = await db.sql.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(migrations.map((m) => m.checksum));
    expect(rows.every((r) => Number(r.applied_steps_count) === 1)).toBe(true);
    const again = await migrate(db.sql);
    expect(again).toEqual({ applied: [], alreadyApplied: migrations.length });
  });

  it("refuses to run when an applied migration was edited", async () => {
    const migrations = await loadMigrations();
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(db.sql, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls back a failing migration completely and names it", async () => {
    const bad = {
      name: "29990101000000_bad",
      sql: `CREATE TABLE "Tmp" (id int); SELECT * FROM no_such_table;`,
      checksum: "x",
    };
    await expect(migrate(db.sql, [...(await loadMigrations()), bad])).rejects.toThrow(/29990101000000_bad failed/);
    const tmp = await db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Tmp'`);
    expect(tmp).toHaveLength(0);
    const rec = await db.sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [bad.name]);
    expect(rec).toHaveLength(0);
  });

  it("makes every model usable through the generated client", async () => {
    const user = await db.prisma.user.create({ data: { email: "a@example.com", name: "A", passwordHash: "x" } });
    const ws = await db.prisma.workspace.create({
      data: { name: "W", slug: "w", memberships: { create: { userId: user.id, role: "OWNER" } } },
    });
    const batch = await db.prisma.importBatch.create({
      data: { workspaceId: ws.id, kind: "FEEDBACK", fileName: "f.csv" },
    });
    const item = await db.prisma.feedbackItem.create({
      data: { workspaceId: ws.id, batchId: batch.id, dedupeKey: "k", text: "hello", attributes: { plan: "pro" } },
    });
    const series = await db.prisma.marketSeries.create({
      data: { workspaceId: ws.id, name: "Demand", kind: "DEMAND" },
    });
    await db.prisma.marketPoint.create({
      data: { seriesId: series.id, workspaceId: ws.id, date: new Date("2026-01-05"), value: 3.5 },
    });
    const theme = await db.prisma.theme.create({
      data: { workspaceId: ws.id, label: "billing", keywords: ["invoice"] },
    });
    await db.prisma.itemTheme.create({ data: { itemId: item.id, themeId: theme.id, workspaceId: ws.id } });
    const mv = await db.prisma.modelVersion.create({
      data: {
        workspaceId: ws.id,
        kind: "SENTIMENT",
        version: 1,
        dataFingerprint: "fp",
        weights: new Uint8Array([1, 2, 3]),
      },
    });
    await db.prisma.sentimentResult.create({
      data: {
        itemId: item.id,
        workspaceId: ws.id,
        label: "POSITIVE",
        score: 0.8,
        confidence: 0.9,
        modelVersionId: mv.id,
      },
    });
    const report = await db.prisma.report.create({ data: { workspaceId: ws.id, title: "Q1", sections: ["summary"] } });
    await db.prisma.reportFile.create({
      data: {
        reportId: report.id,
        workspaceId: ws.id,
        format: "pdf",
        fileName: "q1.pdf",
        contentType: "application/pdf",
        bytes: new Uint8Array([37]),
      },
    });
    const risk = await db.prisma.risk.create({
      data: { workspaceId: ws.id, category: "MARKET", title: "r", likelihood: 3, impact: 4 },
    });
    await db.prisma.riskChange.create({
      data: { riskId: risk.id, workspaceId: ws.id, changes: { likelihood: [2, 3] } },
    });

    // Every delegate answers a query on the freshly migrated database.
    const delegates = Object.keys(db.prisma).filter((k) => !k.startsWith("$") && !k.startsWith("_"));
    for (const name of schema.models.map((m) => m.name[0].toLowerCase() + m.name.slice(1))) {
      expect(delegates).toContain(name);
      const delegate = (db.prisma as unknown as Record<string, { count(): Promise<number> }>)[name];
      expect(typeof (await delegate.count())).toBe("number");
    }
    const loaded = await db.prisma.feedbackItem.findUniqueOrThrow({
      where: { id: item.id },
      include: { sentiment: true, themes: true },
    });
    expect(loaded.attributes).toEqual({ plan: "pro" });
    expect(loaded.sentiment?.label).toBe("POSITIVE");
    const point = await db.prisma.marketPoint.findFirstOrThrow({ where: { seriesId: series.id } });
    expect(point.date.toISOString().slice(0, 10)).toBe("2026-01-05");
    // Secret columns are omitted by default.
    const u = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect("passwordHash" in u).toBe(false);
  });
});

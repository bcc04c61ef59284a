-- Filter menus read a per-workspace summary of the facet columns instead of six B-tree indexes:
-- the indexes cost about 10 s of every million-row import, the summary about 2 s, and the menus
-- get counts. Statement-level triggers keep the summary exact for every writer (imports, the demo
-- seed, batch and workspace deletes through cascades).

CREATE TABLE "FeedbackFacet" (
    "workspaceId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "items" INTEGER NOT NULL,

    CONSTRAINT "FeedbackFacet_pkey" PRIMARY KEY ("workspaceId", "field", "value")
);

ALTER TABLE "FeedbackFacet" ADD CONSTRAINT "FeedbackFacet_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- New rows are added in key order so two imports publishing at once lock summary rows in the same
-- order (no deadlock). An UPDATE trigger cannot name columns when it has transition tables, so it
-- runs for every update of FeedbackItem; nothing in the app updates items in bulk.
CREATE FUNCTION "feedback_facet_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE "FeedbackFacet" t SET "items" = t."items" - d."n"
    FROM (
      SELECT o."workspaceId", x."field", x."value", count(*)::int AS "n"
      FROM old_rows o
      CROSS JOIN LATERAL (VALUES ('channel', o."channel"), ('segment', o."segment"), ('plan', o."plan"),
        ('country', o."country"), ('companySize', o."companySize"), ('productArea', o."productArea")) x("field", "value")
      WHERE x."value" IS NOT NULL
      GROUP BY 1, 2, 3
    ) d
    WHERE t."workspaceId" = d."workspaceId" AND t."field" = d."field" AND t."value" = d."value";
    DELETE FROM "FeedbackFacet" t WHERE t."items" <= 0 AND t."workspaceId" IN (SELECT DISTINCT "workspaceId" FROM old_rows);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "FeedbackFacet" ("workspaceId", "field", "value", "items")
    SELECT n."workspaceId", x."field", x."value", count(*)::int
    FROM new_rows n
    CROSS JOIN LATERAL (VALUES ('channel', n."channel"), ('segment', n."segment"), ('plan', n."plan"),
      ('country', n."country"), ('companySize', n."companySize"), ('productArea', n."productArea")) x("field", "value")
    WHERE x."value" IS NOT NULL
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT ("workspaceId", "field", "value") DO UPDATE SET "items" = "FeedbackFacet"."items" + EXCLUDED."items";
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "FeedbackItem_facets_insert" AFTER INSERT ON "FeedbackItem"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "feedback_facet_count"();
CREATE TRIGGER "FeedbackItem_facets_delete" AFTER DELETE ON "FeedbackItem"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "feedback_facet_count"();
CREATE TRIGGER "FeedbackItem_facets_update" AFTER UPDATE ON "FeedbackItem"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "feedback_facet_count"();

INSERT INTO "FeedbackFacet" ("workspaceId", "field", "value", "items")
SELECT f."workspaceId", x."field", x."value", count(*)::int
FROM "FeedbackItem" f
CROSS JOIN LATERAL (VALUES ('channel', f."channel"), ('segment', f."segment"), ('plan', f."plan"),
  ('country', f."country"), ('companySize', f."companySize"), ('productArea', f."productArea")) x("field", "value")
WHERE x."value" IS NOT NULL
GROUP BY 1, 2, 3;

DROP INDEX "FeedbackItem_workspaceId_channel_idx";
DROP INDEX "FeedbackItem_workspaceId_segment_idx";
DROP INDEX "FeedbackItem_workspaceId_plan_idx";
DROP INDEX "FeedbackItem_workspaceId_country_idx";
DROP INDEX "FeedbackItem_workspaceId_companySize_idx";
DROP INDEX "FeedbackItem_workspaceId_productArea_idx";

-- Feedback explorer: indexes for text search, keyset pagination, filters and filter menus.

-- Keyset pages by date: (workspaceId, occurredAt, id) replaces (workspaceId, occurredAt), so ties
-- on a date are ordered by id inside the index.
DROP INDEX IF EXISTS "FeedbackItem_workspaceId_occurredAt_idx";
CREATE INDEX "FeedbackItem_workspaceId_occurredAt_id_idx" ON "FeedbackItem"("workspaceId", "occurredAt", "id");

-- Keyset pages by rating (normalised 0-1, so mixed scales sort together).
CREATE INDEX "FeedbackItem_workspaceId_ratingNorm_id_idx" ON "FeedbackItem"("workspaceId", "ratingNorm", "id");

-- Filter menus (a skip scan reads one entry per distinct value) and selective filters.
-- Few distinct values per workspace, so B-tree deduplication keeps these small.
CREATE INDEX "FeedbackItem_workspaceId_channel_idx" ON "FeedbackItem"("workspaceId", "channel");
CREATE INDEX "FeedbackItem_workspaceId_segment_idx" ON "FeedbackItem"("workspaceId", "segment");
CREATE INDEX "FeedbackItem_workspaceId_plan_idx" ON "FeedbackItem"("workspaceId", "plan");
CREATE INDEX "FeedbackItem_workspaceId_country_idx" ON "FeedbackItem"("workspaceId", "country");
CREATE INDEX "FeedbackItem_workspaceId_companySize_idx" ON "FeedbackItem"("workspaceId", "companySize");
CREATE INDEX "FeedbackItem_workspaceId_productArea_idx" ON "FeedbackItem"("workspaceId", "productArea");

-- Full-text search: an expression index (Prisma cannot declare it; schema.prisma notes it).
-- Queries must use exactly to_tsvector('simple', "text") to use it (lib/feedback/explore.ts).
CREATE INDEX "FeedbackItem_text_search_idx" ON "FeedbackItem" USING GIN (to_tsvector('simple'::regconfig, "text"));

-- Statistics for the new expression, so the planner estimates text matches (and counts) well.
ANALYZE "FeedbackItem";

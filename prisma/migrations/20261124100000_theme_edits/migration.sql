-- Themes: a user's keyword edits are kept by re-runs (keywordsEdited), and each theme stores its
-- representative quotes (item id and sentence offsets) chosen by the theme job.
ALTER TABLE "Theme" ADD COLUMN "keywordsEdited" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Theme" ADD COLUMN "quotes" JSONB NOT NULL DEFAULT '[]';

-- Theme views and the theme job read a workspace's assignments by theme.
DROP INDEX IF EXISTS "ItemTheme_themeId_idx";
CREATE INDEX "ItemTheme_workspaceId_themeId_idx" ON "ItemTheme"("workspaceId", "themeId");

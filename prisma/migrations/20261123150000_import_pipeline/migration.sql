-- Workspace salt for author hashes
ALTER TABLE "Workspace" ADD COLUMN "salt" TEXT NOT NULL DEFAULT replace((gen_random_uuid())::text, '-'::text, ''::text);

-- Imports waiting for their mapping
ALTER TYPE "ImportStatus" ADD VALUE 'DRAFT' BEFORE 'PENDING';

-- Uploaded files in chunks
CREATE TABLE "ImportFileChunk" (
    "batchId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ImportFileChunk_pkey" PRIMARY KEY ("batchId","seq")
);
ALTER TABLE "ImportFileChunk" ADD CONSTRAINT "ImportFileChunk_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportFile"("batchId") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ImportFile" ADD COLUMN "bytes" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "ImportFile" ADD COLUMN "chunkCount" INTEGER NOT NULL DEFAULT 0;
INSERT INTO "ImportFileChunk" ("batchId", "seq", "data") SELECT "batchId", 0, "content" FROM "ImportFile";
UPDATE "ImportFile" SET "bytes" = length("content"), "chunkCount" = 1;
ALTER TABLE "ImportFile" DROP COLUMN "content";

-- Feedback staging carries every mapped field, and the attempt that staged it
ALTER TABLE "FeedbackStaging" DROP CONSTRAINT "FeedbackStaging_pkey";
ALTER TABLE "FeedbackStaging" ADD COLUMN "attempt" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "FeedbackStaging" ADD CONSTRAINT "FeedbackStaging_pkey" PRIMARY KEY ("batchId","attempt","line");
ALTER TABLE "FeedbackStaging" ADD COLUMN "ratingScale" "RatingScale",
    ADD COLUMN "ratingNorm" DOUBLE PRECISION,
    ADD COLUMN "segment" TEXT,
    ADD COLUMN "plan" TEXT,
    ADD COLUMN "country" TEXT,
    ADD COLUMN "companySize" TEXT,
    ADD COLUMN "productArea" TEXT;

-- Market staging
CREATE TABLE "MarketStaging" (
    "batchId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "seq" INTEGER NOT NULL,
    "seriesName" TEXT NOT NULL,
    "kind" "SeriesKind" NOT NULL,
    "unit" TEXT,
    "date" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "line" INTEGER NOT NULL,

    CONSTRAINT "MarketStaging_pkey" PRIMARY KEY ("batchId","attempt","seq")
);
ALTER TABLE "MarketStaging" ADD CONSTRAINT "MarketStaging_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Market sizes remember their import
ALTER TABLE "MarketSize" ADD COLUMN "batchId" TEXT;
ALTER TABLE "MarketSize" ADD CONSTRAINT "MarketSize_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Staging is scratch space: a crash empties unlogged tables, and an interrupted import starts over
-- anyway, so skipping the write-ahead log costs nothing and makes bulk loads much cheaper.
ALTER TABLE "FeedbackStaging" SET UNLOGGED;
ALTER TABLE "MarketStaging" SET UNLOGGED;

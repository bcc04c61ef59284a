-- CreateTable
CREATE TABLE "FeedbackStaging" (
    "batchId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "externalId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3),
    "rating" DOUBLE PRECISION,
    "channel" TEXT,
    "authorHash" TEXT,
    "attributes" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "FeedbackStaging_pkey" PRIMARY KEY ("batchId","line")
);

-- AddForeignKey
ALTER TABLE "FeedbackStaging" ADD CONSTRAINT "FeedbackStaging_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "documents" ADD COLUMN     "progress_entry_id" UUID;

-- CreateIndex
CREATE INDEX "documents_tenant_id_progress_entry_id_idx" ON "documents"("tenant_id", "progress_entry_id");

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_progress_entry_id_fkey" FOREIGN KEY ("progress_entry_id") REFERENCES "progress_entries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

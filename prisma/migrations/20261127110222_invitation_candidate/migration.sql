-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "candidate_id" UUID;

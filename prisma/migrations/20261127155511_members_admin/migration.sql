-- Members management: when each member last signed in to the tenant, and
-- users' names as searched (lower-cased, without accents).

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "last_sign_in_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "search_name" TEXT NOT NULL DEFAULT '';

-- Existing users: the application writes this column from now on (normaliseForSearch);
-- translate() covers the accented letters of French names.
UPDATE "users" SET "search_name" = btrim(regexp_replace(lower(translate(
  "first_name" || ' ' || "last_name",
  'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ',
  'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYyy'
)), '\s+', ' ', 'g'));

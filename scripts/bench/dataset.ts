/**
 * `npm run bench:seed [-- --tenth]`: the benchmark dataset, the size of a
 * large national deployment scaled to one machine, generated inside
 * PostgreSQL (INSERT … SELECT over generate_series, foreign-key triggers off
 * for the load) into a database of its own.
 *
 * Full size (database `jalon_bench`): 20 tenants, one with 20,000 pathways
 * and 19 with 2,000 (58,000), their contracts and placements, 1,000,000
 * progress entries with two competency levels each, about 200,000 reminders,
 * status history, comments, AFEST cycles and training modules, over every
 * state of DESIGN.md §4. `--tenth` builds the same at 1/10 (`jalon_bench_tenth`).
 *
 * Every account's password is BENCH_PASSWORD. The large tenant is
 * `bench-00`; its logins are printed at the end.
 */
import { performance } from 'node:perf_hooks';
import argon2 from 'argon2';
import pg from 'pg';
import { DEFAULT_REMINDER_SETTINGS, parisDate, scanReminders } from '../../libs/domain/src/index.js';
import { prepareEnvironment, type Environment } from '../lib/environment.js';

export const BENCH_PASSWORD = 'banc-essai-jalon-2026';
/** Every document row of the dataset points at this one file, under DOCUMENTS_DIR. */
export const BENCH_DOCUMENT_KEY = 'bench/document.pdf';

export interface DatasetSize {
  database: string;
  /** Pathways in the large tenant, then in each of the others. */
  large: number;
  small: number;
  tenants: number;
  progressEntries: number;
  reminders: number;
}

export const FULL: DatasetSize = { database: 'jalon_bench', large: 20_000, small: 2_000, tenants: 20, progressEntries: 1_000_000, reminders: 200_000 };
export const TENTH: DatasetSize = { database: 'jalon_bench_tenth', large: 2_000, small: 200, tenants: 20, progressEntries: 100_000, reminders: 20_000 };

/** The logins the benchmark uses, all in the large tenant. */
export const BENCH_LOGINS = {
  coordinator: 'coordination.00.1@bench.jalon',
  admin: 'admin.00@bench.jalon',
  tutor: 'tuteur.00.1@bench.jalon',
  employer: 'entreprise.00.1@bench.jalon',
};

const log = (message: string) => console.log(`  ${message}`);

/** Builds the dataset (dropping the database first) and returns its environment; the caller stops it. */
export async function buildDataset(size: DatasetSize): Promise<Environment> {
  const started = performance.now();
  const environment = await prepareEnvironment(size.database, log, { test: true });
  const passwordHash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const pool = new pg.Pool({ connectionString: environment.ownerUrl, max: 2 });
  try {
    await pool.query(FUNCTIONS);
    await pool.query(TENANT_FUNCTION);
    const pathwaysInAll = size.large + size.small * (size.tenants - 1);
    const tenants = Array.from({ length: size.tenants }, (_, t) => ({ t, pathways: t === 0 ? size.large : size.small }));
    // Two connections, the large tenant on one and the others on the second: both cores busy.
    const queue = [...tenants];
    await Promise.all(
      [0, 1].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const at = performance.now();
          const client = await pool.connect();
          try {
            await client.query('SET session_replication_role = replica; SET synchronous_commit = off; SET maintenance_work_mem = \'256MB\'');
            await client.query('SELECT bench_tenant($1, $2, $3, $4, $5)', [
              next.t,
              next.pathways,
              Math.round((size.progressEntries * next.pathways) / pathwaysInAll),
              Math.round((size.reminders * next.pathways) / pathwaysInAll),
              passwordHash,
            ]);
          } finally {
            client.release();
          }
          log(`tenant bench-${String(next.t).padStart(2, '0')}: ${next.pathways} pathways in ${((performance.now() - at) / 1000).toFixed(1)} s`);
        }
      }),
    );
    await markSilencesReminded(pool);
    await pool.query('VACUUM (ANALYZE)');
    log(`built ${size.database} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const table of ['tenants', 'users', 'pathways', 'contracts', 'placements', 'progress_entries', 'competency_assessments', 'reminders', 'status_history', 'documents']) {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      log(`${table.padEnd(24)} ${rows[0]!.n.toLocaleString('en')}`);
    }
    return environment;
  } catch (error) {
    await environment.stop();
    throw error;
  } finally {
    await pool.end();
  }
}

/**
 * The worker's absence scan would otherwise plan (and send) a reminder for
 * every silent tutor at its first run: the dataset records them as already
 * sent, with the dedup keys the scan computes, so the worker starts quiet.
 */
async function markSilencesReminded(pool: pg.Pool): Promise<void> {
  const now = new Date();
  const { rows } = await pool.query<{ tenant_id: string; pathway_id: string; placement_start: string | null; last_entry: string | null; last_activity_at: Date }>(`
    SELECT p.tenant_id, p.id AS pathway_id, pl.start_date::text AS placement_start, p.last_activity_at, pl.tutor_last_entry_on::text AS last_entry
    FROM pathways p
    LEFT JOIN LATERAL (
      SELECT x.start_date, x.tutor_last_entry_on FROM placements x
      WHERE x.tenant_id = p.tenant_id AND x.pathway_id = p.id AND x.start_date <= current_date AND (x.end_date IS NULL OR x.end_date >= current_date)
      ORDER BY x.start_date DESC LIMIT 1
    ) pl ON true
    WHERE p.state NOT IN ('CLOSED', 'WITHDRAWN') AND p.activity = 'ACTIVE'`);
  const found = rows.flatMap((r) =>
    scanReminders(
      { pathwayId: r.pathway_id, placementStart: r.placement_start, lastEntry: r.last_entry, lastActivity: parisDate(r.last_activity_at) },
      DEFAULT_REMINDER_SETTINGS,
      now,
    ).map((reminder) => ({ ...reminder, tenantId: r.tenant_id, pathwayId: r.pathway_id })),
  );
  for (let i = 0; i < found.length; i += 5_000) {
    const batch = found.slice(i, i + 5_000);
    await pool.query(
      `INSERT INTO reminders (id, tenant_id, pathway_id, kind, due_at, recipients, dedup_key, status, data, sent_at, updated_at)
       SELECT bench_uuid7(now() - interval '1 day'), r.tenant_id, r.pathway_id, r.kind, now() - interval '1 day',
              string_to_array(r.recipients, ','), r.dedup_key, 'SENT', r.data, now() - interval '1 day', now()
       FROM jsonb_to_recordset($1::jsonb) AS r(tenant_id uuid, pathway_id uuid, kind text, recipients text, dedup_key text, data jsonb)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(batch.map((r) => ({ tenant_id: r.tenantId, pathway_id: r.pathwayId, kind: r.kind, recipients: r.recipients.join(','), dedup_key: r.dedupKey, data: r.data ?? {} })))],
    );
  }
  log(`absence reminders recorded as sent: ${found.length}`);
}

/** Time-ordered ids, as the application's uuid(7) defaults make them. */
const FUNCTIONS = `
CREATE OR REPLACE FUNCTION bench_uuid7(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
    PLACING substring(int8send(floor(extract(epoch FROM ts) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;
`;

/**
 * One tenant: number t, its pathways, progress entries and reminders, and
 * the password hash of every account. Pathway n (1…n_pathways) gets its
 * state, dates, cohort, company tutor (two alternants each) and employer
 * from n, so the data is the same at every run but for the ids.
 */
const TENANT_FUNCTION = String.raw`
CREATE OR REPLACE FUNCTION bench_tenant(t int, n_pathways int, n_entries int, n_reminders int, pw text) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  tenant uuid := bench_uuid7(now() - interval '4 years');
  tag text := lpad(t::text, 2, '0');
  today date := (now() AT TIME ZONE 'Europe/Paris')::date;
  n_coord int := greatest(2, n_pathways / 500);
  n_employers int := greatest(5, n_pathways / 10);
  n_tutors int := (n_pathways + 1) / 2;
  n_cohorts int := greatest(1, n_pathways / 20);
  first_names text[] := ARRAY['Camille','Lucas','Léa','Hugo','Chloé','Nathan','Inès','Théo','Manon','Yanis','Sarah','Enzo','Jade','Mathis','Zoé','Rayan','Louise','Noah','Anaïs','Jérôme'];
  last_names text[] := ARRAY['Martin','Bernard','Dubois','Thomas','Robert','Richard','Petit','Durand','Leroy','Moreau','Simon','Laurent','Lefèbvre','Michel','Garcia','David','Bertrand','Roux','Vincent','Fournier'];
  activities text[] := ARRAY['Réglage de la presse plieuse','Préparation de commandes','Contrôle qualité en fin de ligne','Accueil des clients au comptoir','Maintenance préventive du convoyeur','Soudure sur pièces de série','Mise en rayon et inventaire','Soins d''hygiène et de confort'];
BEGIN
  INSERT INTO tenants (id, name, slug, region, updated_at) VALUES (tenant, 'GEIQ Banc d''essai ' || tag, 'bench-' || tag, 'Bretagne', now());

  CREATE TEMP TABLE b_employers (i int PRIMARY KEY, id uuid) ON COMMIT DROP;
  INSERT INTO b_employers SELECT i, bench_uuid7(now() - interval '4 years') FROM generate_series(1, n_employers) i;
  INSERT INTO employers (id, tenant_id, name, search_name, siret, naf_code, idcc, opco, city, updated_at)
    SELECT id, tenant, 'Entreprise ' || tag || '-' || i, 'entreprise ' || tag || '-' || i, lpad((t * 100000 + i)::text, 14, '0'), '2562B', '3248', 'OPCO 2i', 'Rennes', now()
    FROM b_employers;

  -- Accounts: one administrator, coordinators, company tutors (two alternants each), one contact per company.
  CREATE TEMP TABLE b_users (kind text, i int, user_id uuid, membership_id uuid, PRIMARY KEY (kind, i)) ON COMMIT DROP;
  INSERT INTO b_users
    SELECT 'admin', 0, bench_uuid7(now() - interval '4 years'), bench_uuid7(now() - interval '4 years')
    UNION ALL SELECT 'coordination', i, bench_uuid7(now() - interval '4 years'), bench_uuid7(now() - interval '4 years') FROM generate_series(1, n_coord) i
    UNION ALL SELECT 'tuteur', i, bench_uuid7(now() - interval '4 years'), bench_uuid7(now() - interval '4 years') FROM generate_series(1, n_tutors) i
    UNION ALL SELECT 'entreprise', i, bench_uuid7(now() - interval '4 years'), bench_uuid7(now() - interval '4 years') FROM generate_series(1, n_employers) i;
  INSERT INTO users (id, email, password_hash, first_name, last_name, updated_at)
    SELECT user_id, CASE WHEN kind = 'admin' THEN 'admin.' || tag ELSE kind || '.' || tag || '.' || i END || '@bench.jalon', pw,
           first_names[1 + (i * 7 + t) % 20], last_names[1 + (i * 13 + t) % 20], now()
    FROM b_users;
  INSERT INTO memberships (id, tenant_id, user_id, role, employer_id)
    SELECT u.membership_id, tenant, u.user_id,
           (CASE u.kind WHEN 'admin' THEN 'TENANT_ADMIN' WHEN 'coordination' THEN 'COORDINATOR' WHEN 'tuteur' THEN 'TUTOR' ELSE 'EMPLOYER' END)::"Role",
           e.id
    FROM b_users u
    LEFT JOIN b_employers e ON e.i = CASE u.kind WHEN 'tuteur' THEN 1 + (u.i - 1) % n_employers WHEN 'entreprise' THEN u.i END;

  -- Catalogue: five certifications, four blocs of five competencies each.
  CREATE TEMP TABLE b_certs (c int PRIMARY KEY, id uuid) ON COMMIT DROP;
  INSERT INTO b_certs SELECT c, bench_uuid7(now() - interval '4 years') FROM generate_series(1, 5) c;
  INSERT INTO certifications (id, tenant_id, kind, code, title, level, certifier, admissibility_validity_months, updated_at)
    SELECT id, tenant, 'RNCP', 'RNCP3' || (5000 + c), (ARRAY['Agent de fabrication industrielle','Préparateur de commandes','Conducteur de ligne','Vendeur conseil en magasin','Assistant de vie aux familles'])[c], 3, 'Ministère du Travail', 36, now()
    FROM b_certs;
  CREATE TEMP TABLE b_blocs (c int, b int, id uuid, PRIMARY KEY (c, b)) ON COMMIT DROP;
  INSERT INTO b_blocs SELECT c, b, bench_uuid7(now() - interval '4 years') FROM generate_series(1, 5) c, generate_series(1, 4) b;
  INSERT INTO blocs (id, tenant_id, certification_id, code, title, position)
    SELECT b.id, tenant, c.id, 'BC0' || b.b, 'Bloc ' || b.b, b.b FROM b_blocs b JOIN b_certs c USING (c);
  CREATE TEMP TABLE b_comps (c int, k int, id uuid, PRIMARY KEY (c, k)) ON COMMIT DROP;
  INSERT INTO b_comps SELECT c, k, bench_uuid7(now() - interval '4 years') FROM generate_series(1, 5) c, generate_series(0, 19) k;
  INSERT INTO competencies (id, tenant_id, bloc_id, code, title, position)
    SELECT k.id, tenant, b.id, 'C' || (k.k / 5 + 1) || '.' || (k.k % 5 + 1), 'Compétence ' || (k.k / 5 + 1) || '.' || (k.k % 5 + 1), k.k % 5 + 1
    FROM b_comps k JOIN b_blocs b ON b.c = k.c AND b.b = k.k / 5 + 1;

  CREATE TEMP TABLE b_cohorts (i int PRIMARY KEY, id uuid, c int, coordinator int) ON COMMIT DROP;
  INSERT INTO b_cohorts SELECT i, bench_uuid7(now() - interval '3 years'), 1 + i % 5, 1 + i % n_coord FROM generate_series(1, n_cohorts) i;
  INSERT INTO cohorts (id, tenant_id, name, certification_id, start_date, referent_coordinator_id, updated_at)
    SELECT h.id, tenant, 'Promotion ' || tag || '-' || h.i, c.id, today - (h.i * 37) % 900, u.user_id, now()
    FROM b_cohorts h JOIN b_certs c USING (c) JOIN b_users u ON u.kind = 'coordination' AND u.i = h.coordinator;

  -- Pathways: the state from n (spread as a GEIQ's would be), then dates that fit it.
  CREATE TEMP TABLE b_path ON COMMIT DROP AS
    SELECT s.*, today - s.age AS start_on, 0::bigint AS rank_with_contract
    FROM (
      SELECT q.*,
        CASE q.stage WHEN 0 THEN q.n % 30 WHEN 1 THEN 20 + (q.n * 31) % 480 WHEN 2 THEN 420 + (q.n * 31) % 120 WHEN 3 THEN 480 + (q.n * 31) % 150
          WHEN 4 THEN 600 + (q.n * 31) % 90 WHEN 5 THEN 650 + (q.n * 31) % 90 WHEN 9 THEN 70 + (q.n * 31) % 300 ELSE 730 + (q.n * 31) % 300 END AS age
      FROM (
        SELECT n, h,
          CASE WHEN h < 50 THEN 'CERTIFICATION_CHOSEN' WHEN h < 480 THEN 'EXPERIENCE' WHEN h < 580 THEN 'ADMISSIBILITY_PENDING' WHEN h < 680 THEN 'DOSSIER'
            WHEN h < 730 THEN 'DOSSIER_SUBMITTED' WHEN h < 790 THEN 'JURY_SCHEDULED' WHEN h < 890 THEN 'CERTIFIED' WHEN h < 920 THEN 'PARTIALLY_CERTIFIED'
            WHEN h < 940 THEN 'NOT_CERTIFIED' WHEN h < 970 THEN 'CLOSED' ELSE 'WITHDRAWN' END AS state,
          -- 0 chosen … 5 jury scheduled, 6 jury held (and closed after it), 9 withdrawn during the experience.
          CASE WHEN h < 50 THEN 0 WHEN h < 480 THEN 1 WHEN h < 580 THEN 2 WHEN h < 680 THEN 3 WHEN h < 730 THEN 4 WHEN h < 790 THEN 5 WHEN h < 970 THEN 6 ELSE 9 END AS stage,
          1 + n % n_cohorts AS cohort,
          1 + (n - 1) / 2 AS tutor,
          1 + ((n - 1) / 2) % n_employers AS employer,
          (n * 389) % 100 < 10 AS silent,
          (n * 29) % 100 AS aptitude,
          gen_random_uuid() AS candidate_id, gen_random_uuid() AS contract_id, gen_random_uuid() AS placement_id
        FROM (SELECT n, (n * 7907) % 1000 AS h FROM generate_series(1, n_pathways) n) g
      ) q
    ) s;
  ALTER TABLE b_path ADD COLUMN pathway_id uuid, ADD COLUMN cohort_id uuid, ADD COLUMN c int, ADD COLUMN coordinator_id uuid, ADD COLUMN tutor_user_id uuid,
    ADD COLUMN tutor_membership_id uuid, ADD COLUMN employer_id uuid, ADD COLUMN certification_id uuid, ADD COLUMN last_entry date, ADD COLUMN ended_on date;
  UPDATE b_path p SET pathway_id = bench_uuid7(p.start_on - 30), cohort_id = h.id, c = h.c, coordinator_id = u.user_id, certification_id = ce.id,
      tutor_user_id = tu.user_id, tutor_membership_id = tu.membership_id, employer_id = e.id,
      ended_on = CASE WHEN p.stage = 9 THEN p.start_on + 60 WHEN p.stage = 6 AND p.start_on + 730 < today THEN p.start_on + 730 END,
      last_entry = CASE WHEN p.stage = 0 THEN NULL WHEN p.stage = 9 THEN p.start_on + 55 WHEN p.stage = 6 THEN p.start_on + 690
                        WHEN p.silent THEN greatest(p.start_on, today - 10 - (p.n * 11) % 30) ELSE greatest(p.start_on, today - (p.n * 11) % 7) END
    FROM b_cohorts h, b_users u, b_users tu, b_employers e, b_certs ce
    WHERE h.i = p.cohort AND u.kind = 'coordination' AND u.i = h.coordinator AND tu.kind = 'tuteur' AND tu.i = p.tutor AND e.i = p.employer AND ce.c = h.c;
  UPDATE b_path p SET rank_with_contract = r.rank FROM (SELECT n, row_number() OVER (ORDER BY n) AS rank FROM b_path WHERE stage > 0) r WHERE r.n = p.n;
  CREATE UNIQUE INDEX ON b_path (n);
  ANALYZE b_path;

  INSERT INTO candidates (id, tenant_id, first_name, last_name, search_name, birth_date, email, qualification_level, created_at, updated_at)
    SELECT candidate_id, tenant, first_names[1 + (n * 3) % 20], last_names[1 + (n * 11) % 20] || '-' || n,
           translate(lower(first_names[1 + (n * 3) % 20] || ' ' || last_names[1 + (n * 11) % 20] || '-' || n), 'éèêëàâäîïôöùûüç', 'eeeeaaaiioouuuc'),
           date '1975-01-01' + (n * 101) % 10000, 'alternant.' || tag || '.' || n || '@bench.jalon', (n % 4), start_on - 40, now()
    FROM b_path;
  -- Triggers are off while loading (session_replication_role): state_text is written here.
  INSERT INTO pathways (id, tenant_id, candidate_id, certification_id, target_bloc_codes, cohort_id, referent_coordinator_id, state, state_text, version, activity,
                        exit_outcome, acquired_bloc_codes, last_activity_at, created_at, updated_at)
    SELECT pathway_id, tenant, candidate_id, certification_id, '{}', cohort_id, coordinator_id, state::"PathwayState", state, 1 + least(stage, 7), 'ACTIVE',
           CASE state WHEN 'CLOSED' THEN 'CERTIFIED' WHEN 'WITHDRAWN' THEN 'OTHER' END,
           CASE WHEN state IN ('CERTIFIED', 'CLOSED') THEN ARRAY['BC01','BC02','BC03','BC04'] WHEN state = 'PARTIALLY_CERTIFIED' THEN ARRAY['BC01','BC02'] ELSE '{}' END,
           (coalesce(greatest(last_entry, CASE WHEN stage = 6 THEN start_on + 720 END), start_on - 30) + time '17:00') AT TIME ZONE 'Europe/Paris',
           (start_on - 30) + time '09:00',
           -- Last changed at the last step it went through, some minutes apart.
           (CASE WHEN stage = 9 THEN start_on + 60 WHEN stage = 0 THEN start_on - 30 ELSE start_on + (ARRAY[0, 0, 400, 440, 580, 600, 701])[stage + 1] END + time '10:00' + (n % 600) * interval '1 minute')
             AT TIME ZONE 'Europe/Paris'
    FROM b_path;

  INSERT INTO contracts (id, tenant_id, pathway_id, kind, start_date, planned_end_date, trial_end_date, actual_end_date, termination_reason, terminated_in_trial,
                         weekly_hours, pay_percent_of_smic, opco, opco_filed_on, opco_decision, created_at, updated_at)
    SELECT contract_id, tenant, pathway_id, 'VAE_INVERSEE', start_on, start_on + CASE WHEN n % 3 = 0 THEN interval '36 months' ELSE interval '24 months' END,
           start_on + 30, ended_on, CASE WHEN stage = 9 THEN 'Démission' END, CASE WHEN stage = 9 THEN false END, 35, 65 + (n % 4) * 5, 'OPCO 2i',
           CASE WHEN n % 33 = 0 OR start_on + 5 > today THEN NULL ELSE start_on + 5 END,
           (CASE WHEN n % 33 = 0 OR start_on + 5 > today THEN 'PENDING' ELSE 'ACCEPTED' END)::"OpcoDecision", start_on - 10, now()
    FROM b_path WHERE stage > 0;
  INSERT INTO placements (id, tenant_id, contract_id, pathway_id, employer_id, tutor_membership_id, start_date, end_date, created_at)
    SELECT placement_id, tenant, contract_id, pathway_id, employer_id, tutor_membership_id, start_on, ended_on, start_on - 10
    FROM b_path WHERE stage > 0;

  INSERT INTO admissibilities (id, tenant_id, pathway_id, attempt, submitted_on, complete_on, decision, decided_on, valid_until, created_at)
    SELECT gen_random_uuid(), tenant, pathway_id, 1, start_on + 400, CASE WHEN stage > 2 OR n % 2 = 1 THEN start_on + 410 END,
           CASE WHEN stage > 2 THEN 'ADMISSIBLE'::"AdmissibilityDecision" END, CASE WHEN stage > 2 THEN start_on + 440 END,
           CASE WHEN stage > 2 THEN start_on + 440 + interval '36 months' END, start_on + 400
    FROM b_path WHERE stage BETWEEN 2 AND 6;
  INSERT INTO validation_dossiers (id, tenant_id, pathway_id, attempt, submitted_on, created_at)
    SELECT gen_random_uuid(), tenant, pathway_id, 1, start_on + 580, start_on + 580 FROM b_path WHERE stage BETWEEN 4 AND 6;
  INSERT INTO jury_sessions (id, tenant_id, pathway_id, attempt, date, place, result, result_recorded_at, created_at)
    SELECT gen_random_uuid(), tenant, pathway_id, 1, CASE WHEN stage = 5 THEN today + (n * 13) % 60 ELSE start_on + 700 END, 'Rennes',
           (CASE WHEN stage = 6 THEN CASE state WHEN 'PARTIALLY_CERTIFIED' THEN 'PARTIAL' WHEN 'NOT_CERTIFIED' THEN 'REFUSED' ELSE 'FULL' END END)::"JuryResult",
           CASE WHEN stage = 6 THEN start_on + 701 + time '10:00' END, start_on + 600
    FROM b_path WHERE stage IN (5, 6);

  INSERT INTO status_history (id, tenant_id, pathway_id, from_state, to_state, action, occurred_at, actor_id)
    SELECT bench_uuid7(s2.at), tenant, p.pathway_id, s.from_state::"PathwayState", s.to_state::"PathwayState", s.action, s2.at, p.coordinator_id
    FROM b_path p
    CROSS JOIN LATERAL (VALUES
      (0, NULL, 'CERTIFICATION_CHOSEN', 'create', p.start_on - 30),
      (1, 'CERTIFICATION_CHOSEN', 'EXPERIENCE', 'start', p.start_on),
      (2, 'EXPERIENCE', 'ADMISSIBILITY_PENDING', 'submitAdmissibility', p.start_on + 400),
      (3, 'ADMISSIBILITY_PENDING', 'DOSSIER', 'recordAdmissibility', p.start_on + 440),
      (4, 'DOSSIER', 'DOSSIER_SUBMITTED', 'submitDossier', p.start_on + 580),
      (5, 'DOSSIER_SUBMITTED', 'JURY_SCHEDULED', 'scheduleJury', p.start_on + 600),
      (6, 'JURY_SCHEDULED', CASE p.state WHEN 'CLOSED' THEN 'CERTIFIED' ELSE p.state END, 'recordJuryResult', p.start_on + 701),
      (7, 'CERTIFIED', 'CLOSED', 'close', p.start_on + 720),
      (8, 'EXPERIENCE', 'WITHDRAWN', 'withdraw', p.start_on + 60)
    ) AS s(step, from_state, to_state, action, day)
    CROSS JOIN LATERAL (SELECT (s.day + time '10:00') AT TIME ZONE 'Europe/Paris' AS at) AS s2(at)
    WHERE CASE WHEN p.stage = 9 THEN s.step IN (0, 1, 8) ELSE s.step <= least(p.stage, 6) OR (s.step = 7 AND p.state = 'CLOSED') END;

  -- Progress entries, weekly back from the last one (n_entries in all), two competencies assessed each.
  CREATE TEMP TABLE b_entries ON COMMIT DROP AS
    SELECT p.n, p.c, p.aptitude, p.pathway_id, p.tutor_user_id, e.count, i, bench_uuid7(d + time '17:00') AS id, d AS date
    FROM b_path p
    CROSS JOIN LATERAL (SELECT (n_entries::bigint * p.rank_with_contract / (SELECT count(*) FROM b_path WHERE stage > 0)
                             - n_entries::bigint * (p.rank_with_contract - 1) / (SELECT count(*) FROM b_path WHERE stage > 0))::int AS count) e
    CROSS JOIN LATERAL generate_series(1, e.count) i
    CROSS JOIN LATERAL (SELECT greatest(p.start_on, p.last_entry - (i - 1) * greatest(1, least(7, (p.last_entry - p.start_on) / greatest(e.count, 1)))) AS d) dd
    WHERE p.stage > 0;
  INSERT INTO progress_entries (id, tenant_id, pathway_id, author_id, date, activity, hours, comment, created_at, updated_at)
    SELECT id, tenant, pathway_id, tutor_user_id, date, activities[1 + (n + i) % 8], 7, CASE WHEN i % 5 = 0 THEN 'Bonne autonomie sur le poste, à consolider.' END,
           (date + time '17:00') AT TIME ZONE 'Europe/Paris', (date + time '17:00') AT TIME ZONE 'Europe/Paris'
    FROM b_entries;
  INSERT INTO competency_assessments (id, tenant_id, progress_entry_id, pathway_id, competency_id, level, assessed_on, created_at)
    SELECT gen_random_uuid(), tenant, e.id, e.pathway_id, k.id,
           (CASE WHEN score > 0.6 THEN 'ACQUIRED' WHEN score > 0.25 THEN 'IN_PROGRESS' ELSE 'NOT_STARTED' END)::"CompetencyLevel",
           e.date, (e.date + time '17:00') AT TIME ZONE 'Europe/Paris'
    FROM b_entries e
    CROSS JOIN generate_series(0, 1) j
    CROSS JOIN LATERAL (SELECT (e.count - e.i + 1)::float / e.count * 0.8 + e.aptitude / 200.0 - 0.15 AS score) sc
    JOIN b_comps k ON k.c = e.c AND k.k = (e.n * 3 + e.i * 2 + j * 7) % 20;

  -- Reminders: the dated kinds of DESIGN.md §5, sent when past, planned when ahead, cancelled on finished pathways.
  INSERT INTO reminders (id, tenant_id, pathway_id, kind, due_at, recipients, dedup_key, status, data, sent_at, cancelled_at, created_at, updated_at)
    SELECT bench_uuid7(p.start_on - 10), tenant, p.pathway_id, r.kind, r.due_at, r.recipients, p.pathway_id || ':' || r.kind || ':' || r.day || ':' || k,
           r.status::"ReminderStatus", jsonb_build_object('date', r.day), CASE WHEN r.status = 'SENT' THEN r.due_at END,
           CASE WHEN r.status = 'CANCELLED' THEN least(now(), r.due_at) END, p.start_on - 10, now()
    FROM b_path p
    CROSS JOIN LATERAL (SELECT (n_reminders::bigint * p.rank_with_contract / (SELECT count(*) FROM b_path WHERE stage > 0)
                             - n_reminders::bigint * (p.rank_with_contract - 1) / (SELECT count(*) FROM b_path WHERE stage > 0))::int AS count) rc
    CROSS JOIN LATERAL generate_series(1, rc.count) k
    CROSS JOIN LATERAL (SELECT (ARRAY['OPCO_FILING_DUE','TRIAL_ENDING','CONTRACT_ENDING','PAY_BRACKET_CHANGE','CONTRACT_ENDING','JURY_UPCOMING'])[1 + (k - 1) % 6] AS kind,
                               (ARRAY[p.start_on + 2, p.start_on + 23, p.start_on + 640, p.start_on + 365, p.start_on + 700, p.start_on + 690])[1 + (k - 1) % 6] AS day) kd
    CROSS JOIN LATERAL (SELECT kd.kind, kd.day,
        CASE WHEN (kd.day + time '08:00') AT TIME ZONE 'Europe/Paris' < now() + interval '2 days' THEN least((kd.day + time '08:00') AT TIME ZONE 'Europe/Paris', now() - interval '1 hour')
             ELSE (kd.day + time '08:00') AT TIME ZONE 'Europe/Paris' END AS due_at,
        CASE WHEN (kd.day + time '08:00') AT TIME ZONE 'Europe/Paris' < now() + interval '2 days' THEN 'SENT' WHEN p.stage IN (6, 9) THEN 'CANCELLED' ELSE 'PLANNED' END AS status,
        CASE WHEN kd.kind IN ('OPCO_FILING_DUE', 'JURY_UPCOMING') THEN ARRAY['COORDINATOR'] ELSE ARRAY['COORDINATOR','TUTOR','EMPLOYER'] END AS recipients) r
    WHERE p.stage > 0;

  -- The pieces of the recevabilité and validation files (one stored file, BENCH_DOCUMENT_KEY, stands for all).
  INSERT INTO documents (id, tenant_id, pathway_id, kind, file_name, mime_type, size_bytes, sha256, storage_key, uploaded_by_id, created_at)
    SELECT bench_uuid7(d.day), tenant, p.pathway_id, d.kind, d.file_name, 'application/pdf', 1024, repeat('0', 64), 'bench/document.pdf', p.coordinator_id, d.day + time '09:00'
    FROM b_path p
    CROSS JOIN LATERAL (VALUES ('ADMISSIBILITY_FORM', 'livret-1.pdf', p.start_on + 330), ('VALIDATION_DOSSIER', 'livret-2.pdf', p.start_on + 570)) AS d(kind, file_name, day)
    WHERE (d.kind = 'ADMISSIBILITY_FORM' AND p.stage BETWEEN 1 AND 6 AND p.age >= 330) OR (d.kind = 'VALIDATION_DOSSIER' AND p.stage BETWEEN 4 AND 6);

  INSERT INTO comments (id, tenant_id, pathway_id, author_id, body, shared_with_candidate, created_at)
    SELECT bench_uuid7(start_on + 45), tenant, pathway_id, coordinator_id, 'Point d''étape fait avec le tuteur : progression régulière.', n % 8 = 0,
           (least(start_on + 45, today) + time '11:00') AT TIME ZONE 'Europe/Paris'
    FROM b_path WHERE stage > 0 AND n % 4 = 0;
  INSERT INTO afest_cycles (id, tenant_id, pathway_id, title, competency_ids, analysis_on, situation_on, reflection_on, evaluation_on, reflection_notes, created_by_id, created_at, updated_at)
    SELECT bench_uuid7(start_on + 20), tenant, pathway_id, 'Mise en situation au poste', ARRAY[(SELECT id FROM b_comps k WHERE k.c = p.c AND k.k = p.n % 20)],
           start_on + 20, start_on + 25, start_on + 27, start_on + 30, 'Retour sur les gestes, hors production.', tutor_user_id, (start_on + 20) + time '17:00', now()
    FROM b_path p WHERE stage > 0 AND start_on + 30 <= today AND n % 5 = 0;
  INSERT INTO training_modules (id, tenant_id, pathway_id, title, provider, hours_planned, hours_done, start_date, end_date, updated_at)
    SELECT gen_random_uuid(), tenant, pathway_id, 'Enseignements généraux et technologiques', 'AFPA Rennes', 140, least(140, (today - start_on) / 5), start_on + 14, start_on + 400, now()
    FROM b_path WHERE stage > 0;

  -- Triggers are off during the load: the derived columns are computed here, by the functions the triggers call.
  PERFORM app_refresh_acquired_share(array(SELECT pathway_id FROM b_path WHERE stage > 0));
  PERFORM app_refresh_tutor_last_entry(array(SELECT pathway_id FROM b_path WHERE stage > 0));
END
$fn$;
`;

async function main(): Promise<void> {
  const size = process.argv.includes('--tenth') ? TENTH : FULL;
  console.log(`bench:seed ${size.database}`);
  const environment = await buildDataset(size);
  await environment.stop();
  console.log(`logins (password ${BENCH_PASSWORD}): ${Object.values(BENCH_LOGINS).join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

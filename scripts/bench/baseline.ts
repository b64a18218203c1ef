/**
 * The bare baseline of `npm run bench`: Fastify and pg, nothing else. Reads
 * one pathway row by id in a transaction with the same row-level-security
 * tenant setting as the API (`set_config('app.tenant_id', …, true)`). The
 * tenant comes from a header: there is no authentication to verify.
 *
 * Run as its own process: `tsx scripts/bench/baseline.ts DATABASE_URL PORT`.
 */
import Fastify from 'fastify';
import pg from 'pg';

const [databaseUrl, port] = process.argv.slice(2);
if (!databaseUrl || !port) throw new Error('usage: baseline.ts DATABASE_URL PORT');

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const app = Fastify({ logger: false });

app.get<{ Params: { id: string }; Headers: { 'x-tenant-id': string } }>('/pathways/:id', async (request, reply) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [request.headers['x-tenant-id']]);
    const { rows } = await client.query('SELECT * FROM pathways WHERE id = $1', [request.params.id]);
    await client.query('COMMIT');
    if (!rows[0]) return reply.code(404).send({ error: 'not found' });
    return rows[0];
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
});

await app.listen({ host: '127.0.0.1', port: Number(port) });
process.on('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));

/** Stops only what the global setup started itself (embedded Postgres, child Redis). */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __jalonEnvironment?: { stop(): Promise<void> } }).__jalonEnvironment?.stop();
}

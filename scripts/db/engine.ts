/**
 * Loads Prisma's WebAssembly schema engine (`@prisma/schema-engine-wasm`, the same
 * engine as the `prisma` CLI of the same version) and runs it against Postgres through
 * our migration-safe pg driver adapter. Used instead of `prisma migrate`, whose native
 * engine binary has to be downloaded from binaries.prisma.sh.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as wasmBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { MigrationPgAdapterFactory } from './pg-adapter.js';

export type { SchemaEngine };

let loaded: Promise<typeof wasmBindings.SchemaEngine> | undefined;

/**
 * The few WebAssembly APIs used here. The repo compiles with `lib: ["ES2023"]` only,
 * and the `WebAssembly` declarations live in the DOM lib.
 */
type WasmImports = Record<string, unknown>;
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, WasmImports>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
  RuntimeError: new () => Error;
}
const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: WasmApi };

/**
 * On a Rust panic the glue code stores the panic message in this global (the Prisma
 * CLI installs the same object) and the wasm call then fails with a bare
 * `RuntimeError: unreachable`.
 */
class WasmPanicRegistry {
  message = '';
  set_message(value: string): void {
    this.message = value;
  }
}
const panicRegistry = new WasmPanicRegistry();
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/**
 * Message of the last engine panic, if any. A panic inside an async engine call
 * surfaces as an uncaught `RuntimeError: unreachable` (not as a rejection), so the CLI
 * reads this from its `uncaughtException` handler. After a panic the wasm instance is
 * unusable: the process should exit.
 */
export function lastEnginePanic(): string | undefined {
  return panicRegistry.message || undefined;
}

/**
 * The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`
 * (bundler-style), which Node 20 cannot import. So we instantiate the .wasm ourselves
 * with the generated JS glue as its import object, exactly what that entry point does.
 */
function loadEngineClass(): Promise<typeof wasmBindings.SchemaEngine> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const imports: WasmImports = { ...wasmBindings };
    // The engine races some operations against timers (e.g. a 10 s timeout on its
    // advisory lock) and never clears them; unref them so they cannot keep the process
    // alive once the work is done. Open pg connections keep it alive while it matters.
    for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': imports });
    wasmBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return wasmBindings.SchemaEngine;
  })().catch((error: unknown) => {
    loaded = undefined; // let a later call retry
    throw error;
  });
  return loaded;
}

export interface EngineOptions {
  /** Database the engine connects to, as a role allowed to run DDL (and CREATE DATABASE for a shadow database). */
  url: string;
  /** Prisma schema files as [path, content]. */
  datamodels: [string, string][];
  /** Shadow databases are named `<shadowPrefix>_shadow_<random>` (default: the database of `url`). */
  shadowPrefix?: string;
  log?: (msg: string) => void;
}

/**
 * The wasm engine reports failures as plain strings or objects; turn them into Errors
 * with a readable message.
 */
export function engineError(error: unknown, action: string): Error {
  if (error instanceof wasmApi.RuntimeError && panicRegistry.message) {
    return new Error(`${action}: schema engine panicked: ${panicRegistry.message}`);
  }
  if (error instanceof Error) {
    error.message = `${action}: ${error.message}`;
    return error;
  }
  if (typeof error === 'string') return new Error(`${action}: ${error}`);
  const e = error as { message?: unknown; error_code?: unknown; errorCode?: unknown } | null;
  const code = e?.error_code ?? e?.errorCode;
  if (e && typeof e.message === 'string') {
    return new Error(`${action}: ${typeof code === 'string' ? `[${code}] ` : ''}${e.message}`);
  }
  return new Error(`${action}: ${JSON.stringify(error)}`);
}

/**
 * The engine's tracing output is one JSON object per event, some carrying a whole
 * migration script; keep the level and message only.
 */
function summarizeEngineLog(line: string): string {
  try {
    const event = JSON.parse(line) as { level?: string; fields?: { message?: string } };
    return `${event.level ?? ''} ${event.fields?.message ?? line}`.trim();
  } catch {
    return line.trim();
  }
}

/**
 * Creates an engine connected to `url`, runs `fn`, then frees the engine and closes
 * every connection (including a shadow database, if one was made) whatever happens.
 */
export async function withSchemaEngine<T>(options: EngineOptions, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const log = options.log ?? (() => {});
  const Engine = await loadEngineClass();
  const factory = new MigrationPgAdapterFactory(options.url, log, options.shadowPrefix);
  let engine: SchemaEngine | undefined;
  const release = async (): Promise<void> => {
    engine?.free();
    engine = undefined;
    await factory.close();
  };

  let result: T;
  try {
    engine = await Engine.new(
      { datamodels: options.datamodels },
      (line: string) => log(`[engine] ${summarizeEngineLog(line)}`),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    result = await fn(engine);
  } catch (error) {
    if (error instanceof Error && factory.lastScriptError) {
      error.message += `\nPostgres: ${factory.lastScriptError}`;
    }
    // Do not let a cleanup failure hide the error that is already propagating.
    await release().catch((closeError: unknown) => log(`closing connections failed: ${String(closeError)}`));
    throw error;
  }
  await release();
  return result;
}

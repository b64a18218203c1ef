import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { AppConfig } from '@jalon/server/config';
import { createApp } from '../../apps/api/src/create-app.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

export async function startApi(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  await worker.init();
  return worker;
}

export type Api = ReturnType<typeof request>;

export function http(app: NestFastifyApplication) {
  return request(app.getHttpServer());
}

/** Logs in through the real endpoint and returns the token answer. */
export async function login(app: NestFastifyApplication, email: string, password: string, tenantSlug?: string) {
  const response = await http(app)
    .post('/api/v1/auth/login')
    .send({ email, password, ...(tenantSlug ? { tenantSlug } : {}) });
  if (response.status !== 200) throw new Error(`login failed for ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { accessToken: string; refreshToken: string; role: string; tenant: { id: string; slug: string } | null };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '@jalon/server/jobs';

export const JOB_HANDLER = 'jalon:job-handler';

/** Marks a provider as the one handler of a job of the registry. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);

export interface HandlesJob<N extends JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<void>;
}

import createClient from 'openapi-fetch';
import { authorizedFetch } from '../auth/session';
import type { paths } from './openapi.gen';

/** The typed API client: paths, parameters, bodies and answers come from the generated OpenAPI types. */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authorizedFetch });

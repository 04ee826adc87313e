import { http } from '../../../app/http.ts';
import { createDryRunApi } from './dry-run.api.ts';

/** The dry-run api client on the app's same-origin http client. */
export const dryRunApi = createDryRunApi(http);

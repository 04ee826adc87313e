import { http } from '../../app/http.ts';
import { createStudioApi } from './studio.api.ts';

/** The Studio's api client on the app's same-origin http client. */
export const studioApi = createStudioApi(http);

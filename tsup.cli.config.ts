import { defineConfig } from 'tsup';
import { cliBuild } from './tsup.config';

// `npm start` (prestart): the CLI alone, in a second or two. `npm run build` builds everything.
export default defineConfig([cliBuild]);

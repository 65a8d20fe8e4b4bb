/** The one script every page loads: progressive enhancements, then the page's islands (if any). */
import 'virtual:code.css';
import '../styles/index.css';
import { enhanceBuildsFilter } from './enhance/builds-filter.ts';
import { enhanceChecklists } from './enhance/checklist.ts';
import { enhanceCopyButtons } from './enhance/copy.ts';
import { rememberEarlySubmits } from './enhance/early-submit.ts';
import { enableOffline } from './enhance/offline.ts';
import { revealStaleNotices } from './enhance/stale-notice.ts';
import { localIsoDate } from '../lib/today.ts';
import { hydrateIslands } from './islands.ts';

rememberEarlySubmits(document);
enhanceCopyButtons(document);
enhanceChecklists(document, () => window.localStorage, location.pathname);
enhanceBuildsFilter(document);
revealStaleNotices(document, localIsoDate());
void hydrateIslands(document);
// Only the production build has a worker to register (scripts/service-worker.js).
if (import.meta.env.PROD) enableOffline(document, window, import.meta.env.BASE_URL);

import 'virtual:code.css';
import './styles/index.css';
import { enhanceChecklists } from './enhance/checklist.ts';
import { enhanceBuildsFilter } from './enhance/builds-filter.ts';
import { enhanceCopyButtons } from './enhance/copy.ts';
import { hydrateIslands } from './islands/client.ts';

enhanceCopyButtons(document);
enhanceChecklists(document, () => window.localStorage, location.pathname);
enhanceBuildsFilter(document);
void hydrateIslands(document);

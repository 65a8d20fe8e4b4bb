/**
 * The offline edition's one script: the whole app mounted into one self-contained HTML file that
 * runs from disk (file://) with every network request refused. There is no server render to
 * hydrate, so it mounts.
 */
import { mount } from 'svelte';
import '../styles/index.css';
import Offline from '../pages/Offline.svelte';

const target = document.getElementById('offline-app');
if (target) mount(Offline, { target });

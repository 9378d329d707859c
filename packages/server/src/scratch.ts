import { buildApp } from './app.js';
import { createHarness } from './testing/harness.js';
const h = await createHarness('pglite');
const app = await buildApp({ config: { ...h.config, webDir: null }, database: h.database });
try { app.get('/readyz', { exposeHeadRoute: false }, () => 'x'); console.log('no throw'); } catch (e) { console.log('threw', e); }
try { app.get('/readyz', () => 'x'); console.log('no throw'); } catch (e) { console.log('threw', e); }
try { app.get('/readyz2', () => 'x'); console.log('no throw'); } catch (e) { console.log('threw', (e as Error).message); }
await app.close(); await h.close();

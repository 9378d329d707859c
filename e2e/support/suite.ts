import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { closePages, launchBrowser, type PhonePage } from './browser.js';
import { startServer, type RunningServer, type StartOptions } from './server.js';

/** The server and browser one e2e file shares, and the pages its current test opened. */
export interface E2eSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Push every page a test opens: they are closed (and checked for page errors) after it. */
  readonly contexts: PhonePage[];
}

/**
 * Register the usual hooks: start the server (running `options.before` first) and Chromium before
 * all tests, close each test's pages after it, and stop both at the end.
 */
export function e2eSuite(options: StartOptions): E2eSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: PhonePage[] = [];

  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await closePages(contexts);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get server() {
      if (server === undefined) throw new Error('The server has not started (beforeAll).');
      return server;
    },
    get browser() {
      if (browser === undefined) throw new Error('The browser has not started (beforeAll).');
      return browser;
    },
    contexts,
  };
}

import { Browser, chromium, Page } from 'playwright-core';
import path from 'node:path';

/** The portal under test. */
export const APP_URL = process.env.TS_E2E_APP_URL ?? 'http://localhost:3000';
export const BACKEND_URL =
  process.env.TS_E2E_BACKEND_URL ?? 'http://localhost:7007';

const SCREENSHOTS = path.resolve(__dirname, '../artifacts/screenshots');

/** Debian's Chromium, headless, with the flags this environment needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Opens a page of the portal, signing in as guest on the way. */
export async function openPortal(
  browser: Browser,
  route: string,
  viewport = { width: 1500, height: 1000 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${APP_URL}${route}`, {
    waitUntil: 'domcontentloaded',
    timeout: 120_000,
  });
  const enter = page.getByRole('button', { name: 'Enter' });
  const sidebar = page.locator('nav[aria-label="sidebar nav"]');
  await enter
    .or(sidebar)
    .first()
    .waitFor({ state: 'attached', timeout: 120_000 });
  // Guest sign-in; retried, since a backend that is still starting refuses it,
  // and reloaded when the click does not land (the dev server's overlay covers
  // the page while it rebuilds after a change).
  for (let attempt = 0; attempt < 10 && (await enter.isVisible()); attempt++) {
    const clicked = await enter
      .click({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (!clicked) {
      await page.reload({ waitUntil: 'domcontentloaded' });
      await enter
        .or(sidebar)
        .first()
        .waitFor({ state: 'attached', timeout: 60_000 });
      continue;
    }
    await sidebar
      .waitFor({ state: 'attached', timeout: 10_000 })
      .catch(() => undefined);
  }
  await sidebar.waitFor({ state: 'attached', timeout: 60_000 });
  return page;
}

/** Saves a screenshot under artifacts/screenshots. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** A guest token for calling the backend directly. */
export async function guestToken(): Promise<string> {
  const res = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(`guest sign-in failed: ${res.status}`);
  }
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

/** Polls `check` until it returns a value, or throws after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 120_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`timed out waiting for ${what}: ${String(lastError ?? '')}`);
}

/** Calls the backend as the guest user; the body is parsed JSON, if any. */
export async function backendApi(
  pathname: string,
  method = 'GET',
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${BACKEND_URL}${pathname}`, {
    method,
    headers: { Authorization: `Bearer ${await guestToken()}` },
  });
  const text = await res.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body };
}

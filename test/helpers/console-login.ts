import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A console user's email and password. */
export interface ConsoleUser {
  email: string;
  password: string;
}

/**
 * Logs `user` in through the console's login form at `baseUrl`, as a person does, in a new browser
 * context `width` px wide; the page is where the login led. A refused login fails here, saying so,
 * rather than later on a page that is still the login form.
 */
export async function logInToConsole(browser: Browser, baseUrl: string, user: ConsoleUser, width: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/login`);
  await page.fill('#email', user.email);
  await page.fill('#password', user.password);
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Log in")')]);
  if (new URL(page.url()).pathname === '/admin/login') {
    await context.close();
    throw new Error(`console login refused for ${user.email}`);
  }
  return { context, page };
}

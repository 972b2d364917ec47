import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../helpers/vsix';
import { CHROMIUM } from './environment';

const RESULTS = path.join(ROOT, 'test-results');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the networking flags Chromium keeps calling home, which this machine refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A VS Code workbench in the browser, driven through what a person sees and presses. */
export class Workbench {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, url: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    return new Workbench(page);
  }

  async openFile(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
    await this.page.locator('.editor-instance .view-lines').first().waitFor();
  }

  /** Puts the cursor right after the first occurrence of `text` in the active editor. */
  async placeCursorAfter(text: string): Promise<void> {
    const token = this.page.locator('.editor-instance .view-line span', { hasText: text }).first();
    await token.click();
    const line = this.page.locator('.editor-instance .view-line', { hasText: text }).first();
    await line.click();
    await this.page.keyboard.press('End');
  }

  async insertText(text: string): Promise<void> {
    await this.page.keyboard.insertText(text);
  }

  async showProblems(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor();
  }

  async problems(): Promise<string> {
    return this.page.locator('.markers-panel').innerText().catch(() => '');
  }

  async waitForProblems(accept: (text: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
    return this.waitFor(() => this.problems(), accept, what, timeoutMs);
  }

  /**
   * Types a snippet prefix into the empty active editor and accepts the suggestion named
   * after it. Keys pressed before the editor has focus are lost, so it waits for focus and
   * tries again when the suggestion list does not come.
   */
  async acceptSuggestion(prefix: string): Promise<void> {
    const editor = this.page.locator('.editor-instance .monaco-editor').first();
    const suggestion = this.page.locator('.suggest-widget .monaco-list-row', { hasText: prefix }).first();
    for (let attempt = 1; ; attempt++) {
      await editor.locator('.view-lines').click();
      await this.page.locator('.editor-instance .monaco-editor.focused').waitFor({ timeout: 10_000 });
      await this.page.keyboard.press('Control+A');
      await this.page.keyboard.press('Delete');
      await this.page.keyboard.type(prefix);
      await editor.locator('.view-lines', { hasText: prefix }).waitFor({ timeout: 5_000 });
      await this.page.keyboard.press('Control+Space');
      try {
        await suggestion.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
    await this.page.keyboard.press('Enter');
  }

  /** Clicks the Problems panel entry whose text contains `text`, which puts the cursor on it. */
  async goToProblem(text: string): Promise<void> {
    await this.page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().click();
    await this.page.keyboard.press('Enter');
  }

  /** Hovers the first editor token equal to `word` and returns the hover widget's text. */
  async hover(word: string): Promise<string> {
    const token = this.page.locator('.editor-instance .view-line span span', { hasText: new RegExp(`^${word}$`) }).first();
    await token.hover();
    // The workbench keeps empty hover elements around; the one shown has text.
    const widget = this.page.locator('.monaco-hover-content').filter({ hasText: /\S/ }).first();
    await widget.waitFor({ timeout: 15_000 });
    return widget.innerText();
  }

  /** Opens the quick fix menu at the cursor and picks the action whose title contains `title`. */
  async quickFix(title: string): Promise<void> {
    await this.page.keyboard.press('Control+.');
    const item = this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    await item.waitFor({ timeout: 15_000 });
    await item.click();
  }

  /** Runs a command from the command palette by its title. */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.insertText(`>${title}`.replace(/^>>/, '>'));
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last = await read();
    while (!accept(last)) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last).slice(0, 1500)}`);
      await this.page.waitForTimeout(250);
      last = await read();
    }
    return last;
  }
}

import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ROOT } from '../helpers/vsix';
import { CHROMIUM } from './environment';

const RESULTS = path.join(ROOT, 'test-results');
const README_SCREENSHOTS = path.join(ROOT, 'media', 'screenshots');
/** Set by `npm run screenshots`, which takes the README's screenshots again. */
const UPDATE_README_SCREENSHOTS = Boolean(process.env.KUBE_STATEFUL_UPDATE_SCREENSHOTS);

export interface ScreenshotOptions {
  /** Crops the screenshot to the smallest rectangle around everything these locators match. */
  clip?: Locator[];
  /** The README shows this screenshot, so `npm run screenshots` copies it to media/screenshots/. */
  readme?: boolean;
}

interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

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

  /** Opens a file from the Explorer; `file` may be a path such as `templates/statefulset.yaml`, whose folders it expands. */
  async openFile(file: string): Promise<void> {
    const parts = file.split('/');
    const name = parts.pop()!;
    for (const folder of parts) {
      const row = this.explorerRow(folder);
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
    }
    await this.explorerRow(name).click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 20_000 });
    await this.page.locator('.editor-instance .view-lines').first().waitFor();
  }

  private explorerRow(name: string): Locator {
    return this.page.locator('.explorer-folders-view .monaco-list-row', { has: this.page.getByText(name, { exact: true }) }).first();
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

  async waitForProblems(accept: (text: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
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

  /** Puts the cursor inside the first token containing `text` on the first line of the active editor matching `line`. */
  async clickToken(line: RegExp, text: string): Promise<void> {
    const row = this.page.locator('.editor-instance .view-line', { hasText: line }).first();
    await row.locator('span span', { hasText: text }).first().click();
  }

  /** Waits until the active tab is `file` with the cursor where the status bar says `position`, such as `Ln 4, Col 9`. */
  async waitForCursor(file: string, position: string): Promise<void> {
    await this.page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ timeout: 15_000 });
    const shown = this.page.locator('#status\\.editor\\.selection');
    await this.waitFor(async () => (await shown.innerText()).trim(), (text) => text === position, `the cursor at ${position} of ${file}`, 10_000);
  }

  /** The titles of the code lenses the active editor shows, once at least one has resolved. */
  async codeLenses(): Promise<string[]> {
    const lenses = this.page.locator('.editor-instance .codelens-decoration a, .editor-instance .codelens-decoration span');
    return this.waitFor(
      async () => (await lenses.allInnerTexts()).map((title) => title.replaceAll('\u00a0', ' ').trim()).filter((title) => title && title !== '|'),
      (titles) => titles.length > 0,
      'code lenses',
      30_000,
    );
  }

  /** Shows the Outline view and returns its rows, each as its name and its detail, once `accept` takes them. */
  async outline(accept: (rows: string[]) => boolean): Promise<string[]> {
    const rows = this.page.locator('.outline-tree .monaco-list-row');
    const read = () =>
      rows.evaluateAll((elements) =>
        elements.map((row) => [...row.querySelectorAll('.label-name, .label-description')].map((label) => label.textContent?.trim()).filter(Boolean).join(' ')),
      );
    // A busy workbench can leave the view unfocused and empty (seen in clean-clone runs): ask for it again.
    for (let attempt = 1; ; attempt++) {
      await this.command('Explorer: Focus on Outline View');
      try {
        return await this.waitFor(read, accept, 'the outline', 20_000);
      } catch (error) {
        if (attempt === 2) throw error;
      }
    }
  }

  /**
   * The active editor's symbols as Go to Symbol in Editor (`@` in the quick pick) lists them,
   * name and detail, once `accept` takes them; the pick is closed again.
   */
  async editorSymbols(accept: (rows: string[]) => boolean): Promise<string[]> {
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    const read = () =>
      rows.evaluateAll((elements) =>
        elements.map((row) => [...row.querySelectorAll('.label-name, .label-description')].map((label) => label.textContent?.trim()).filter(Boolean).join(' ')),
      );
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('@');
    const symbols = await this.waitFor(read, accept, 'the symbols of the editor', 20_000);
    await this.page.keyboard.press('Escape');
    return symbols;
  }


  /** Renames the symbol at the cursor with F2, typing `name` in the rename box. */
  async rename(name: string): Promise<void> {
    await this.page.keyboard.press('F2');
    const box = this.page.locator('[widgetid="__renameInputWidget"]');
    const input = box.locator('input, textarea').first();
    await input.waitFor({ timeout: 15_000 });
    await input.fill(name);
    await this.page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden' });
  }

  /** Hovers the first editor token equal to `word` and returns the hover widget's text. */
  async hover(word: string): Promise<string> {
    return this.hoverOver(this.page.locator('.editor-instance .view-line span span', { hasText: new RegExp(`^${word}$`) }).first());
  }

  /**
   * Hovers the first token containing `text` on the first editor line matching `line`, for
   * words that the YAML colouring does not make tokens of their own, such as those of a
   * template action. The hover widget fills in parts as they arrive, so this waits until its
   * text matches `shows`, and returns that text.
   */
  async hoverOnLine(line: RegExp, text: string, shows: RegExp): Promise<string> {
    const row = this.page.locator('.editor-instance .view-line', { hasText: line }).first();
    await this.hoverOver(row.locator('span span', { hasText: text }).first());
    return this.waitFor(() => this.shownHover().innerText(), (hover) => shows.test(hover), `a hover showing ${shows}`, 15_000);
  }

  private shownHover(): Locator {
    // The workbench keeps empty hover elements around; the one shown has text.
    return this.page.locator('.monaco-hover-content').filter({ hasText: /\S/ }).first();
  }

  private async hoverOver(token: Locator): Promise<string> {
    await token.hover();
    const widget = this.shownHover();
    await widget.waitFor({ timeout: 15_000 });
    return widget.innerText();
  }

  /**
   * Opens the quick fix menu at the cursor and returns its action whose title contains `title`,
   * to click. On a busy machine Control+. sometimes brings no menu in time; a person would press
   * it again.
   */
  async showQuickFix(title: string): Promise<Locator> {
    const item = this.page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+.');
      try {
        await item.waitFor({ timeout: 10_000 });
        return item;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** The editor group whose active tab is titled `title`. */
  editorGroup(title: string): Locator {
    return this.page.locator('.editor-group-container', { has: this.page.locator('.tab.active', { hasText: title }) });
  }

  /** The lines an editor group shows, as text with plain spaces; Monaco draws only the lines in view. */
  async shownText(group: Locator): Promise<string> {
    return (await group.locator('.view-lines').innerText()).replaceAll('\u00a0', ' ');
  }

  /** Searches the focused editor for `text` with its Find widget, which scrolls the first match into view, then closes the widget. */
  async findInEditor(text: string): Promise<void> {
    await this.page.keyboard.press('Control+F');
    const input = this.page.locator('.editor-instance .find-widget.visible textarea, .editor-instance .find-widget.visible input').first();
    await input.waitFor();
    await input.fill(text);
    await this.page.locator('.editor-instance .find-widget.visible .matchesCount', { hasText: /^1 of/ }).waitFor();
    await this.page.keyboard.press('Escape');
  }

  /** Runs a command from the command palette by its title. */
  async command(title: string): Promise<void> {
    await this.openCommandPalette();
    await this.pick(title);
  }

  /** Opens the command palette and types `search` after the `>` it starts with. */
  async openCommandPalette(search = ''): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget input').waitFor();
    await this.page.keyboard.insertText(search);
  }

  /** Types `label` into the open quick pick and picks the entry, once it comes first. */
  async pick(label: string): Promise<void> {
    await this.page.keyboard.insertText(label);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /**
   * Opens the command palette afresh, since it lists only the commands known when it opened,
   * and returns the titles of the entries matching `search`, leaving it open.
   */
  async searchCommands(search: string): Promise<string[]> {
    await this.page.keyboard.press('Escape');
    await this.openCommandPalette(search);
    const labels = this.page.locator('.quick-input-list .monaco-list-row .label-name');
    await labels.first().waitFor();
    return labels.allInnerTexts();
  }

  /**
   * The title and the steps of the walkthrough shown in the editor, once it is shown. `id` is
   * `publisher.name#walkthrough`; steps are listed in order, by their id in package.json.
   */
  async walkthrough(id: string): Promise<{ title: string; steps: { id: string; title: string }[] }> {
    const title = this.page.locator(`h2.category-title[x-category-title-for="${id}"]`);
    await title.waitFor({ timeout: 15_000 });
    const steps = [];
    for (const step of await this.page.locator(`.getting-started-step[data-step-id^="${id}#"]`).filter({ visible: true }).all()) {
      const stepId = (await step.getAttribute('data-step-id'))!.slice(id.length + 1);
      steps.push({ id: stepId, title: await step.locator('.step-title').innerText() });
    }
    return { title: await title.innerText(), steps };
  }

  async screenshot(name: string, { clip = [], readme = false }: ScreenshotOptions = {}): Promise<string> {
    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${name}.png`);
    await this.page.screenshot({ path: file, clip: clip.length > 0 ? await this.rectangleAround(clip) : undefined });
    if (readme && UPDATE_README_SCREENSHOTS) {
      mkdirSync(README_SCREENSHOTS, { recursive: true });
      copyFileSync(file, path.join(README_SCREENSHOTS, `${name}.png`));
    }
    return file;
  }

  /** The smallest rectangle of the page around every element the locators match that is shown. */
  private async rectangleAround(locators: Locator[]): Promise<Rectangle> {
    const boxes: Rectangle[] = [];
    for (const locator of locators) {
      for (const element of await locator.all()) {
        const box = await element.boundingBox();
        // The workbench keeps empty widgets around, at the top left corner.
        if (box && box.width > 0 && box.height > 0) boxes.push(box);
      }
    }
    if (boxes.length === 0) throw new Error(`Nothing shown to take a screenshot of: ${locators.join(', ')}`);
    const viewport = this.page.viewportSize()!;
    const left = Math.max(0, Math.floor(Math.min(...boxes.map((box) => box.x))));
    const top = Math.max(0, Math.floor(Math.min(...boxes.map((box) => box.y))));
    const right = Math.min(viewport.width, Math.ceil(Math.max(...boxes.map((box) => box.x + box.width))));
    const bottom = Math.min(viewport.height, Math.ceil(Math.max(...boxes.map((box) => box.y + box.height))));
    return { x: left, y: top, width: right - left, height: bottom - top };
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

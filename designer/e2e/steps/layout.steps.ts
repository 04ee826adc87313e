import type { Page } from 'playwright-core';

/*
 * Layout checks for narrow screens: what sticks out of the viewport where the user cannot
 * scroll to it is cut off. Content inside a scroll container (a wide table in its wrapper)
 * is reachable and allowed; drawings (SVG charts, the BPMN canvas) are checked as a whole.
 */

/** How far the page scrolls sideways (0 when it fits). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * The visible elements that reach past the viewport's left or right edge without a
 * sideways-scrolling ancestor to bring them into view, and those whose text is clipped
 * (wider than their box while the box hides the rest); each as `tag.class "text"`.
 */
export function cutOffElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.classList.length > 0 ? `.${[...element.classList].join('.')}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    const scrollsSideways = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow === 'auto' || overflow === 'scroll') return true;
      }
      return false;
    };
    const found: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      // Inside a drawing the drawing itself is what counts (the diagram's canvas pans).
      if (element.closest('svg') !== null && element.tagName.toLowerCase() !== 'svg') continue;
      if (element.closest('.djs-container') !== null) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const box = element.getBoundingClientRect();
      // Visually hidden helpers (1 px, clipped) are for screen readers.
      if (box.width <= 1 || box.height <= 1) continue;
      if ((box.right > viewport + 1 || box.left < -1) && !scrollsSideways(element)) {
        found.push(`${describe(element)} spans ${Math.round(box.left)}..${Math.round(box.right)}`);
        continue;
      }
      const clips = style.overflowX === 'hidden' || style.textOverflow === 'ellipsis';
      const html = element instanceof HTMLElement ? element : null;
      if (clips && html && html.scrollWidth > html.clientWidth + 1 && html.childElementCount === 0)
        found.push(`${describe(element)} clipped ${html.scrollWidth} > ${html.clientWidth}`);
    }
    return found;
  });
}

/** Each drawn chart's width against its panel's, so a chart that did not follow a resize shows. */
export function chartWidths(page: Page): Promise<{ chart: string; svg: number; panel: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-chart]')].flatMap((panel) => {
      const svg = panel.querySelector('[role="img"] svg');
      if (!svg) return [];
      return [
        {
          chart: panel.dataset.chart ?? '',
          svg: Math.round(svg.getBoundingClientRect().width),
          panel: Math.round(panel.getBoundingClientRect().width),
        },
      ];
    }),
  );
}

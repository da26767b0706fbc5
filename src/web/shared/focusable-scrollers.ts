/** The boxes tables scroll in on a narrow screen (antd's tables, the official forms). */
const SCROLLERS = '.ant-table-content, .official-scroll';

/**
 * A box that scrolls sideways must be reachable by keyboard, or a keyboard user cannot see its right-hand columns
 * (WCAG 2.1.1; axe-core's scrollable-region-focusable). Every such box that overflows now gets tabindex=0, and
 * loses it when it fits again; checked after each change to the page and each resize, once per frame.
 */
export function keepScrollersFocusable(root: HTMLElement): () => void {
  let pending = 0;
  const update = () => {
    pending = 0;
    for (const box of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
      const overflows = box.scrollWidth > box.clientWidth + 1;
      if (overflows && !box.hasAttribute('tabindex')) box.tabIndex = 0;
      else if (!overflows && box.getAttribute('tabindex') === '0') box.removeAttribute('tabindex');
    }
  };
  const schedule = () => {
    if (pending === 0) pending = requestAnimationFrame(update);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(root, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  schedule();
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', schedule);
    cancelAnimationFrame(pending);
  };
}

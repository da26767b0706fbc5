import { useLayoutEffect, useState, useSyncExternalStore, type RefObject } from 'react';

function subscribeToResize(listener: () => void): () => void {
  window.addEventListener('resize', listener);
  return () => window.removeEventListener('resize', listener);
}

/**
 * How many pixels the header's parts lack: a part squeezed below its content (the user's corner shrinks to nothing
 * first) or the bar itself overflowing. The product name (first part) may shorten with an ellipsis by design.
 */
function lacking(bar: HTMLElement): number {
  const parts = [...bar.children].slice(1);
  const squeezed = parts.reduce((sum, part) => sum + Math.max(0, part.scrollWidth - part.clientWidth), 0);
  return squeezed + Math.max(0, bar.scrollWidth - bar.clientWidth);
}

/**
 * Whether the header shows its links in the drawer: on a narrow screen, and on any screen where the signed-in
 * user's links do not fit on one bar (a bureau user has a dozen; issue 17 item 8). The bar is measured whenever
 * its parts change size; the window width it needed is remembered, and the links come back to the bar once the
 * window is that wide.
 */
export function useCompactHeader(header: RefObject<HTMLElement | null>, narrow: boolean): boolean {
  const width = useSyncExternalStore(subscribeToResize, () => window.innerWidth);
  const [needed, setNeeded] = useState(0);
  const compact = narrow || width < needed;
  useLayoutEffect(() => {
    const bar = header.current;
    if (compact || !bar) return;
    const measure = () => {
      const missing = lacking(bar);
      if (missing > 1) setNeeded(window.innerWidth + missing + 24);
    };
    measure();
    const observer = new ResizeObserver(measure);
    for (const part of [bar, ...bar.children]) observer.observe(part);
    return () => observer.disconnect();
  });
  return compact;
}

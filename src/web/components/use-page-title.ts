import { useEffect } from "react";

/**
 * Keeps the document's title (what a screen reader announces first, and what a tab or the history
 * shows) equal to the page's main heading followed by the application's name: "Company register —
 * SECTOR". Pages set their heading once their data has loaded, and again when the language changes,
 * so the title follows the heading's text as it changes.
 */
export function usePageTitle(main: HTMLElement | null, applicationName: string): void {
  useEffect(() => {
    if (!main) return;
    const update = () => {
      // The heading's words as read out (a status badge inside it included), spaces collapsed.
      const heading = main.querySelector("h1")?.textContent?.replace(/\s+/g, " ").trim();
      const title = heading ? `${heading} — ${applicationName}` : applicationName;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [main, applicationName]);
}
